import { messageActivity, post } from './helpers/testServer';
import { spawnBot } from './helpers/spawnBot';
import { startFakeChannel } from './helpers/fakeChannel';

const CANARY = 'zebra-canary-4417 my secret worry';
const PHONE = '+15557654321';
const TOKEN = 'Bearer canary-token-eyJ0eXAiOiJKV1QifQ.e30.c2lnbmF0dXJl';

const fromPhone = (text: string, extra: Record<string, unknown> = {}) =>
  messageActivity(text, {
    channelId: 'sms',
    from: { id: PHONE, name: PHONE },
    conversation: { id: `${PHONE}-conversation` },
    ...extra,
  });

const expectClean = (output: string): void => {
  expect(output).toContain('"msg":"turn"');
  for (const secret of [CANARY, 'zebra-canary', PHONE, '5557654321', 'canary-token']) {
    expect(output).not.toContain(secret);
  }
};

describe('what the process writes', () => {
  it('never holds what a person typed, their number, or their token, on any path in local mode', async () => {
    const bot = await spawnBot({ LOG_LEVEL: 'trace' });
    const channel = await startFakeChannel();
    channel.respondWith(403);
    const api = `${bot.url}/api/messages`;
    const headers = { authorization: TOKEN };
    const results = [
      await post(api, fromPhone(`how long is each session ${CANARY}`), headers),
      await post(api, fromPhone(`${CANARY} I want to kill myself`), headers),
      await post(api, fromPhone(`do I have BPD ${CANARY}`), headers),
      await post(
        api,
        fromPhone(CANARY, { deliveryMode: undefined, serviceUrl: channel.url }),
        headers,
      ),
      await post(api, `{"text": "${CANARY}", broken`, headers),
      await post(api, CANARY, { ...headers, 'content-type': 'text/plain' }),
      await post(api, { ...fromPhone(CANARY), from: undefined }, headers),
    ];
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 400, 415, 400]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await bot.stop()).toBe(0);
    await channel.close();
    expect(channel.received.length).toBeGreaterThan(0);
    expect(bot.output()).toContain('"msg":"turn failed"');
    expectClean(bot.output());
  }, 30_000);

  it('holds none of them when authentication fails either', async () => {
    const bot = await spawnBot({
      LOG_LEVEL: 'trace',
      KNOWLEDGE_DIR: 'test/fixtures/knowledge-small',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002',
    });
    const api = `${bot.url}/api/messages`;
    const forged = await post(api, fromPhone(`hello ${CANARY}`), { authorization: TOKEN });
    const missing = await post(api, fromPhone(`hello ${CANARY}`));
    expect([forged.status, missing.status]).toEqual([401, 401]);
    expect(forged.raw).toBe('{"error":"Unauthorized."}');
    await post(api, fromPhone('how long is each session'), { authorization: TOKEN });
    expect(await bot.stop()).toBe(0);
    const output = bot.output();
    expect(output).toContain('request not authenticated');
    for (const secret of [
      CANARY,
      'zebra-canary',
      PHONE,
      '5557654321',
      'canary-token',
      'not-a-real-secret',
    ]) {
      expect(output).not.toContain(secret);
    }
  }, 30_000);
});
