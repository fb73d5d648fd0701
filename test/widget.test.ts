import { fetchWebChatBundle, webChatDir } from '../src/webChatBundle';
import { postChat, replyOf, request } from './helpers/httpClient';
import { messageActivity, startTestServer, type TestServer } from './helpers/testServer';

const SITE = 'https://www.example.org';
const APP = {
  MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
  MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002',
  KNOWLEDGE_DIR: 'test/fixtures/knowledge-small',
};
const CREDENTIALS: [string, Record<string, string>][] = [
  ['SingleTenant', { MicrosoftAppPassword: 'not-a-real-secret' }],
  ['UserAssignedMSI', {}],
];

describe('the public widget mode (PUBLIC_WIDGET=true)', () => {
  let server: TestServer;
  beforeAll(async () => {
    await fetchWebChatBundle(webChatDir());
    server = await startTestServer({
      PUBLIC_WIDGET: 'true',
      HOST: '0.0.0.0',
      KNOWLEDGE_DIR: 'test/fixtures/knowledge-small',
      WIDGET_ALLOWED_ORIGINS: `${SITE}, https://example.org`,
    });
  }, 120_000);
  afterAll(() => server.close());

  it('starts on a public address without credentials, and serves only the chat and /healthz', async () => {
    const { url } = server;
    expect((await request(`${url}/`)).status).toBe(200);
    expect((await request(`${url}/healthz`)).status).toBe(200);
    expect((await request(`${url}/webchat/webchat.js?v=4.18.1`)).status).toBe(200);
    expect((await postChat(url, { type: 'conversationUpdate' })).status).toBe(200);
    const messages = await request(`${url}/api/messages`, { method: 'POST', body: '{}' });
    expect(messages.status).toBe(404);
    expect((await request(`${url}/anything-else`)).status).toBe(404);
  });

  it('lets only the allowed sites frame the page', async () => {
    const csp = String((await request(`${server.url}/`)).headers['content-security-policy']);
    expect(csp).toContain(`frame-ancestors ${SITE} https://example.org`);
  });

  it('answers a preflight from an allowed site, and lets it read the replies', async () => {
    const preflight = await request(`${server.url}/api/chat`, {
      method: 'OPTIONS',
      headers: { origin: SITE, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(SITE);
    expect(preflight.headers['access-control-allow-headers']).toBe('content-type');
    const res = await postChat(server.url, { text: 'hello' }, { headers: { origin: SITE } });
    expect(res.headers['access-control-allow-origin']).toBe(SITE);
  });

  it('refuses a preflight from any other site, and gives it no CORS headers', async () => {
    const other = 'https://elsewhere.example.net';
    const preflight = await request(`${server.url}/api/chat`, {
      method: 'OPTIONS',
      headers: { origin: other, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const res = await postChat(server.url, { text: 'hello' }, { headers: { origin: other } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('limits each address to a burst of 10, then answers 429 with Retry-After', async () => {
    const from = (localAddress: string) =>
      postChat(server.url, { type: 'conversationUpdate' }, { localAddress });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) statuses.push((await from('127.0.0.3')).status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    expect(statuses.at(-1)).toBe(429);
    const limited = await from('127.0.0.3');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.text).not.toContain('stack');
    expect((await from('127.0.0.4')).status).toBe(200);
  });
});

describe.each(CREDENTIALS)('the public widget with %s credentials', (appType, secret) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      PUBLIC_WIDGET: 'true',
      MicrosoftAppType: appType,
      ...APP,
      ...secret,
    });
  });
  afterAll(() => server.close());

  it('keeps /api/messages on, behind authentication', async () => {
    const res = await request(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(messageActivity('hi')),
    });
    expect(res.status).toBe(401);
  });

  it("runs the chat's turns as the bot's own identity, calling no one back", async () => {
    const reply = replyOf(await postChat(server.url, { type: 'conversationUpdate' }));
    expect(reply.activities[0]?.text).toMatch(/^Hello!/);
    expect(server.log.text()).not.toContain('turn failed');
  });
});

describe('a deployment with credentials and no PUBLIC_WIDGET', () => {
  it('serves channels only, with no chat page and no /api/chat', async () => {
    const server = await startTestServer({
      MicrosoftAppType: 'SingleTenant',
      ...APP,
      MicrosoftAppPassword: 'not-a-real-secret',
    });
    try {
      expect((await request(`${server.url}/`)).status).toBe(404);
      expect((await postChat(server.url, { type: 'conversationUpdate' })).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
