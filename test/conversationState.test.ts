import { MemoryStorage, TestAdapter } from 'botbuilder';
import { createBot } from '../src/createBot';
import { ExpiringMemoryStorage } from '../src/expiringStorage';
import { createConversationKey } from '../src/conversationKey';
import { createIdHasher } from '../src/hashId';
import { TimeToLiveStorage } from '../src/timeToLiveStorage';
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

  it('forgets an item older than the time to live, or with no time, in a store that keeps everything', async () => {
    let now = 0;
    const inner = new MemoryStorage();
    const storage = new TimeToLiveStorage(inner, 30 * 60_000, () => now);
    await storage.write({ a: { flag: true } });
    now += 29 * 60_000;
    expect(await storage.read(['a'])).toEqual({ a: { flag: true, eTag: expect.any(String) } });
    await inner.write({ b: { flag: true } });
    now += 2 * 60_000;
    expect(await storage.read(['a', 'b'])).toEqual({});
  });

  it('refuses a write over a newer version through the time to live too', async () => {
    const storage = new TimeToLiveStorage(new MemoryStorage(), 60_000);
    await storage.write({ a: { n: 1 } });
    const { a } = await storage.read(['a']);
    await storage.write({ a: { ...a, n: 2 } });
    await expect(storage.write({ a: { ...a, n: 3 } })).rejects.toThrow(/eTag conflict/);
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
      conversationKey: createConversationKey(createIdHasher(undefined)),
      storage,
    });
    const adapter = new TestAdapter((context) => bot.run(context));
    await adapter
      .send('sharing feedback walrus-canary')
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

  it('keeps the crisis reminder while the person keeps talking, past the idle time since the crisis', async () => {
    let now = 0;
    const storage = new ExpiringMemoryStorage(30 * 60_000, () => now);
    const { bot } = createBot(knowledge, {
      logger: createLogSink().logger,
      conversationKey: createConversationKey(createIdHasher(undefined)),
      storage,
    });
    const adapter = new TestAdapter((context) => bot.run(context));
    await adapter.send('i want to kill myself').startTest();
    for (const minutes of [20, 20, 20]) {
      now += minutes * 60_000;
      adapter.activeQueue.splice(0);
      await adapter.send('how long is each session').startTest();
      expect(adapter.activeQueue.at(-1)?.text).toBe(knowledge.resources.reminder);
    }
  });
});
