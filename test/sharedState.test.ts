import { createServer, type Socket } from 'node:net';
import { ContainerClient } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { RenewingStorage } from '../src/renewingStorage';
import { StorageTimeoutError } from '../src/storageTimeoutError';
import { TimeToLiveStorage } from '../src/timeToLiveStorage';
import {
  connectionStringFor,
  loopbackUnavailable,
  startAzurite,
  ACCOUNT_KEY,
  type Azurite,
} from './helpers/azurite';
import { entry, knowledge } from './helpers/testBot';
import {
  activitiesOf,
  messageActivity,
  post,
  startTestServer,
  type TestServer,
} from './helpers/testServer';

const CONTAINER = 'faq-state-test';
/** Storage-level tests write their own keys, kept apart from the bots' hashed ones. */
const STORE_CONTAINER = 'faq-store-test';
const PHONE = '+15555550123';

const unavailable = loopbackUnavailable();
if (unavailable) {
  process.stderr.write(`\nSKIPPED test/sharedState.test.ts: this machine ${unavailable}\n\n`);
}
const describeWithAzurite = unavailable ? describe.skip : describe;

const settingsFor = (port: number): Record<string, string> => ({
  STATE_STORAGE_CONNECTION_STRING: connectionStringFor(port),
  STATE_STORAGE_CONTAINER: CONTAINER,
  LOG_HASH_KEY: 'shared-by-every-instance',
});

async function turn(server: TestServer, text: string, channelId: string, conversation: string) {
  const result = await post(
    `${server.url}/api/messages`,
    messageActivity(text, { channelId, conversation: { id: conversation } }),
  );
  expect(result.status).toBe(200);
  return activitiesOf(result).map((a) => a.text ?? '');
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describeWithAzurite('conversation state shared by two instances in Azure Blob Storage', () => {
  let azurite: Azurite;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    azurite = await startAzurite();
    [a, b] = await Promise.all([
      startTestServer(settingsFor(azurite.port)),
      startTestServer(settingsFor(azurite.port)),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await azurite?.stop();
  });

  it.each([
    ['webchat', 'Feedback'],
    ['sms', '2'],
  ])(
    'takes a %s pick of "Did you mean" at the instance that did not offer it',
    async (channel, pick) => {
      const conversation = `${channel}-${PHONE}-clarify`;
      const offered = await turn(a, 'sharing feedback', channel, conversation);
      expect(offered.at(-1)).toMatch(/Did you mean/);
      const answered = await turn(b, pick, channel, conversation);
      expect(answered).toEqual([entry('suggestion-7').answer]);
      // "Feedback" alone would match the same entry; a pick has no match score, and the notice
      // shown by the first instance is not shown again.
      const last = b.log.lines.filter((line) => line.msg === 'turn').at(-1);
      expect(last).toMatchObject({ outcome: 'answer', entryId: 'suggestion-7' });
      expect(last?.score).toBeUndefined();
    },
  );

  it('keeps the crisis reminder on at the instance that did not give the crisis reply', async () => {
    const conversation = `sms-${PHONE}-crisis`;
    expect((await turn(a, 'i want to kill myself', 'sms', conversation))[0]).toContain('988');
    const later = await turn(b, 'how long is each session', 'sms', conversation);
    expect(later.at(-1)).toBe(knowledge.resources.reminder);
    const fresh = await turn(b, 'how long is each session', 'sms', `${conversation}-fresh`);
    expect(fresh).not.toContain(knowledge.resources.reminder);
  });

  it('names every blob with a keyed hash, never a conversation id or phone number', async () => {
    await turn(a, 'sharing feedback', 'sms', PHONE);
    const names: string[] = [];
    const container = new ContainerClient(connectionStringFor(azurite.port), CONTAINER);
    for await (const blob of container.listBlobsFlat()) names.push(blob.name);
    expect(names.length).toBeGreaterThanOrEqual(4);
    for (const name of names) expect(name).toMatch(/^conversation%2F[0-9a-f]{16}$/);
  });

  it('reads state older than the time to live as absent, as the in-memory store does', async () => {
    let now = 0;
    const blobs = new BlobsStorage(connectionStringFor(azurite.port), STORE_CONTAINER);
    const storage = new TimeToLiveStorage(blobs, 30 * 60_000, () => now);
    await storage.write({ 'conversation/ttl': { flags: { hadCrisis: true } } });
    now += 29 * 60_000;
    const { 'conversation/ttl': kept } = await storage.read(['conversation/ttl']);
    expect(kept).toEqual({ flags: { hadCrisis: true }, eTag: expect.any(String) });
    now += 2 * 60_000;
    expect(await storage.read(['conversation/ttl'])).toEqual({});
  });

  it('refuses a write over a newer version written by the other instance', async () => {
    const storage = new TimeToLiveStorage(
      new BlobsStorage(connectionStringFor(azurite.port), STORE_CONTAINER),
      60_000,
    );
    await storage.write({ 'conversation/race': { n: 1 } });
    const { 'conversation/race': read } = await storage.read(['conversation/race']);
    await storage.write({ 'conversation/race': { ...read, n: 2 } });
    // The message names the storage key, which is why keys are hashes, never raw ids.
    await expect(storage.write({ 'conversation/race': { ...read, n: 3 } })).rejects.toThrow(
      'Storage: error writing "conversation/race" due to eTag conflict.',
    );
  });
});

describeWithAzurite('an instance whose state storage is down', () => {
  let port: number;
  let bot: TestServer;
  let azurite: Azurite | undefined;
  beforeAll(async () => {
    port = await freePort();
    bot = await startTestServer(settingsFor(port));
  });
  afterAll(async () => {
    await bot?.close();
    await azurite?.stop();
  });

  it('apologises, and logs the failure with no conversation id and no account key', async () => {
    const replies = await turn(bot, 'how long is each session', 'sms', PHONE);
    expect(replies).toEqual([expect.stringMatching(/^Sorry, something went wrong/)]);
    expect(bot.log.lines.some((line) => line.msg === 'turn failed')).toBe(true);
    expect(bot.log.text()).not.toContain(PHONE.slice(1));
    expect(bot.log.text()).not.toContain(ACCOUNT_KEY.slice(0, 20));
  });

  it('answers again once the storage is back, without a restart', async () => {
    azurite = await startAzurite(port);
    const replies = await turn(bot, 'how long is each session', 'sms', PHONE);
    expect(replies).toContain(entry('what-is-group').answer);
  });
});

describeWithAzurite('a state store that accepts connections but never answers', () => {
  const sockets: Socket[] = [];
  const silent = createServer((socket) => sockets.push(socket));
  beforeAll(() => new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve)));
  afterAll(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it('is given up on after the time limit, so that the turn can still apologise', async () => {
    const { port } = silent.address() as { port: number };
    const once = { storagePipelineOptions: { retryOptions: { maxTries: 1 } } };
    const storage = new RenewingStorage(
      () => new BlobsStorage(connectionStringFor(port), STORE_CONTAINER, once),
      300,
    );
    const started = performance.now();
    await expect(storage.read(['conversation/hung'])).rejects.toThrow(StorageTimeoutError);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
