import { TestAdapter } from 'botbuilder';
import { createBot } from '../src/createBot';
import { ExpiringMemoryStorage } from '../src/expiringStorage';
import { createIdHasher } from '../src/hashId';
import { knowledge } from './helpers/testBot';
import { createLogSink } from './helpers/logSink';

describe('conversation state', () => {
  it('forgets a conversation after it has been idle for the time to live', async () => {
    let now = 0;
    const storage = new ExpiringMemoryStorage(30 * 60_000, () => now);
    await storage.write({ a: { flag: true } });
    now += 29 * 60_000;
    expect(await storage.read(['a'])).toEqual({ a: expect.objectContaining({ flag: true }) });
    await storage.write({ b: { flag: true } });
    now += 2 * 60_000;
    expect(await storage.read(['a', 'b'])).toEqual({ b: expect.objectContaining({ flag: true }) });
    expect(storage.size).toBe(1);
  });

  it('refuses a write over a newer version', async () => {
    const storage = new ExpiringMemoryStorage(60_000);
    await storage.write({ a: { n: 1 } });
    const { a } = await storage.read(['a']);
    await storage.write({ a: { ...a, n: 2 } });
    await expect(storage.write({ a: { ...a, n: 3 } })).rejects.toThrow(/changed by another writer/);
  });

  it('holds no words a person typed and no raw conversation id', async () => {
    const storage = new ExpiringMemoryStorage(60_000);
    const { bot } = createBot(knowledge, {
      logger: createLogSink().logger,
      hashId: createIdHasher(undefined),
      storage,
    });
    const adapter = new TestAdapter((context) => bot.run(context));
    await adapter
      .send('will I have to give feedback walrus-canary')
      .send('Feedback')
      .send('i want to kill myself walrus-canary')
      .send('walrus-canary how long is each session')
      .startTest();
    const dump = JSON.stringify(await storage.read(storage.keys()));
    expect(dump).toContain('hadCrisis');
    expect(dump).not.toContain('walrus-canary');
    expect(dump).not.toContain('Convo1');
    expect(storage.keys().every((key) => /^conversation\/[0-9a-f]{16}$/.test(key))).toBe(true);
  });
});
