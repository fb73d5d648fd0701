import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { registerDirectLineToken } from '../src/directLineTokenRoute';
import { fetchWebChatBundle, webChatDir } from '../src/webChatBundle';
import {
  DIRECT_LINE_INTERNALS,
  startFakeDirectLine,
  type FakeDirectLine,
} from './helpers/fakeDirectLine';
import { request, type RawResponse, type RequestOptions } from './helpers/httpClient';
import { createLogSink, type LogSink } from './helpers/logSink';
import { startTestServer, type TestServer } from './helpers/testServer';

const SECRET = 'fakeDL.cwA.secret-that-never-leaves-the-server-9c41';
const SITE = 'https://www.example.org';
const OTHER_SITE = 'https://elsewhere.example.net';
const APP = {
  MicrosoftAppType: 'UserAssignedMSI',
  MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
  MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002',
  KNOWLEDGE_DIR: 'test/fixtures/knowledge-small',
  WIDGET_ALLOWED_ORIGINS: `${SITE},https://example.org`,
};
const PATH = '/api/directline/token';

interface TokenReply {
  token: string;
  conversationId: string;
  expiresIn: number;
  userId: string;
}

const tokenOf = (res: RawResponse): TokenReply => JSON.parse(res.text) as TokenReply;

/** A visitor's browser at its own loopback address, so that each test has its own rate limit. */
const visitor =
  (baseUrl: () => string, localAddress: string) =>
  (options: Omit<RequestOptions, 'localAddress'> = {}): Promise<RawResponse> =>
    request(`${baseUrl()}${PATH}`, { method: 'POST', localAddress, ...options });

const leaksSecret = (res: RawResponse): boolean =>
  res.text.includes(SECRET) || JSON.stringify(res.headers).includes(SECRET);

describe('POST /api/directline/token, with a Direct Line secret', () => {
  let directLine: FakeDirectLine;
  let server: TestServer;
  const url = () => server.url;
  beforeAll(async () => {
    directLine = await startFakeDirectLine(SECRET);
    server = await startTestServer({
      ...APP,
      DIRECT_LINE_SECRET: SECRET,
      DIRECT_LINE_ENDPOINT: directLine.url,
    });
  });
  beforeEach(() => directLine.answerWith('token'));
  afterAll(async () => {
    await server.close();
    await directLine.close();
  });

  it('exchanges the secret for a token, and gives the browser only the token, conversation, lifetime and user id', async () => {
    const res = await visitor(url, '127.0.0.11')({ headers: { origin: SITE } });
    expect(res.status).toBe(200);
    const reply = tokenOf(res);
    expect(Object.keys(reply).sort()).toEqual(['conversationId', 'expiresIn', 'token', 'userId']);
    const sent = directLine.requests.at(-1);
    expect(sent?.authorized).toBe(true);
    expect(sent?.path).toBe('/v3/directline/tokens/generate');
    expect(reply).toEqual({
      token: `token-${directLine.requests.length}`,
      conversationId: `conv-${directLine.requests.length}`,
      expiresIn: 3600,
      userId: (sent?.body as { user: { id: string } }).user.id,
    });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['access-control-allow-origin']).toBe(SITE);
  });

  it('binds each token to a fresh, unguessable user id that starts with dl_', async () => {
    const ask = visitor(url, '127.0.0.12');
    const ids = [tokenOf(await ask()).userId, tokenOf(await ask()).userId];
    for (const id of ids) expect(id).toMatch(/^dl_[0-9a-f]{32}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('asks Direct Line for exactly the user id and the allowed sites as trusted origins', async () => {
    const { userId } = tokenOf(await visitor(url, '127.0.0.13')());
    expect(directLine.requests.at(-1)?.body).toEqual({
      user: { id: userId },
      trustedOrigins: [SITE, 'https://example.org'],
    });
  });

  it('never lets the secret reach the browser or the log, whether Direct Line answers or fails', async () => {
    const ask = visitor(url, '127.0.0.14');
    const answered = await ask({ headers: { origin: SITE } });
    directLine.answerWith('failure');
    const failed = await ask({ headers: { origin: SITE } });
    expect([answered.status, failed.status]).toEqual([200, 502]);
    expect(leaksSecret(answered) || leaksSecret(failed)).toBe(false);
    expect(server.log.text()).not.toContain(SECRET);
  });

  it('answers a plain 502 when Direct Line fails, with none of its answer and nothing internal', async () => {
    directLine.answerWith('failure');
    const res = await visitor(url, '127.0.0.15')();
    expect(res.status).toBe(502);
    expect(JSON.parse(res.text)).toEqual({
      error: 'The chat service is unavailable; please try again later.',
    });
    expect(res.text).not.toContain('BadArgument');
    expect(server.log.text()).not.toContain(DIRECT_LINE_INTERNALS);
    const logged = server.log.lines.find((l) => l.msg === 'direct line token failed');
    expect(logged).toMatchObject({ level: 40, status: 500, timedOut: false });
  });

  it.each([
    ['no body', {}],
    ['an empty JSON object', { headers: { 'content-type': 'application/json' }, body: '{}' }],
  ])('takes a request with %s', async (_what, options) => {
    expect((await visitor(url, '127.0.0.16')(options)).status).toBe(200);
  });

  it.each([
    ['a user id of its own', 'application/json', '{"user":{"id":"dl_mine"}}', 400],
    ['a JSON array', 'application/json', '[]', 400],
    ['text', 'text/plain', 'hello', 415],
    ['a large body', 'application/json', `{"x":"${'a'.repeat(200)}"}`, 413],
  ])('refuses a request with %s, before asking Direct Line', async (_what, type, body, status) => {
    const before = directLine.requests.length;
    const res = await visitor(url, '127.0.0.17')({ headers: { 'content-type': type }, body });
    expect(res.status).toBe(status);
    expect(directLine.requests).toHaveLength(before);
  });

  it('answers only POST', async () => {
    expect((await request(`${server.url}${PATH}`)).status).toBe(405);
  });

  it('limits each address to a burst of 5, then answers 429 with Retry-After', async () => {
    const ask = visitor(url, '127.0.0.18');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await ask({ headers: { origin: SITE } })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await ask({ headers: { origin: SITE } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.headers['access-control-allow-origin']).toBe(SITE);
    expect(limited.headers['access-control-expose-headers']).toBe('Retry-After');
    expect((await visitor(url, '127.0.0.19')()).status).toBe(200);
  });

  it('answers a preflight from an allowed site', async () => {
    const preflight = await request(`${server.url}${PATH}`, {
      method: 'OPTIONS',
      headers: { origin: SITE, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(SITE);
  });

  it('gives a page on any other site no CORS grant and no token, and asks Direct Line nothing', async () => {
    const before = directLine.requests.length;
    const preflight = await request(`${server.url}${PATH}`, {
      method: 'OPTIONS',
      headers: { origin: OTHER_SITE, 'access-control-request-method': 'POST' },
    });
    const res = await visitor(url, '127.0.0.20')({ headers: { origin: OTHER_SITE } });
    expect([preflight.status, res.status]).toEqual([403, 403]);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.text).not.toContain('token-');
    expect(directLine.requests).toHaveLength(before);
  });
});

describe('the token route when Direct Line is slow or unreachable', () => {
  let directLine: FakeDirectLine;
  let log: LogSink;
  const servers: restify.Server[] = [];
  beforeAll(async () => {
    directLine = await startFakeDirectLine(SECRET);
    log = createLogSink();
  });
  afterAll(async () => {
    for (const server of servers) await new Promise<void>((resolve) => server.close(resolve));
    await directLine.close();
  });

  /** The route alone, so that a test need not wait out the real timeout. */
  const startRoute = async (endpoint: string): Promise<string> => {
    const server = restify.createServer({
      log: log.logger.child({}, { level: 'silent' }) as unknown as restify.ServerOptions['log'],
      handleUncaughtExceptions: false,
    });
    registerDirectLineToken(server, {
      directLine: { secret: SECRET, endpoint },
      allowedOrigins: [SITE],
      logger: log.logger,
      timeoutMs: 200,
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  it('answers 504 when Direct Line does not answer in time', async () => {
    directLine.answerWith('silence');
    const res = await request(`${await startRoute(directLine.url)}${PATH}`, { method: 'POST' });
    expect(res.status).toBe(504);
    expect(JSON.parse(res.text)).toEqual({
      error: 'The chat service did not answer in time; please try again.',
    });
    expect(log.lines.at(-1)).toMatchObject({ msg: 'direct line token failed', timedOut: true });
  });

  it('answers 502 when Direct Line cannot be reached, without the reason', async () => {
    const res = await request(`${await startRoute('http://127.0.0.1:1')}${PATH}`, {
      method: 'POST',
    });
    expect(res.status).toBe(502);
    expect(res.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|fetch/);
    expect(log.text()).not.toContain(SECRET);
  });
});

describe('without DIRECT_LINE_SECRET', () => {
  it.each([
    ['credentials alone', {}],
    ['the public widget', { PUBLIC_WIDGET: 'true' }],
  ])('has no token route with %s: it answers 404', async (_what, env) => {
    const server = await startTestServer({ ...APP, ...env });
    try {
      const res = await request(`${server.url}${PATH}`, { method: 'POST' });
      expect(res.status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe('a deployment with a Direct Line secret', () => {
  let directLine: FakeDirectLine;
  beforeAll(async () => {
    await fetchWebChatBundle(webChatDir());
    directLine = await startFakeDirectLine(SECRET);
  }, 120_000);
  afterAll(() => directLine.close());

  const start = (env: Record<string, string> = {}) =>
    startTestServer({
      ...APP,
      DIRECT_LINE_SECRET: SECRET,
      DIRECT_LINE_ENDPOINT: directLine.url,
      ...env,
    });

  it("serves Web Chat's bundle for the practice's page, but not the self-hosted chat", async () => {
    const server = await start();
    try {
      expect((await request(`${server.url}/webchat/webchat.js`)).status).toBe(200);
      expect((await request(`${server.url}/`)).status).toBe(404);
      expect((await request(`${server.url}/api/chat`, { method: 'POST' })).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('serves the token alongside the public widget', async () => {
    const server = await start({ PUBLIC_WIDGET: 'true' });
    try {
      expect((await request(`${server.url}${PATH}`, { method: 'POST' })).status).toBe(200);
      expect((await request(`${server.url}/`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
