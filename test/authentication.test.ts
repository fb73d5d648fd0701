import { randomBytes } from 'node:crypto';
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { ToBotFromBotOrEmulatorTokenValidationParameters } from 'botframework-connector';
import { authenticationOptions } from '../src/authenticationOptions';
import { FaqAdapter } from '../src/faqAdapter';
import { createTenantIssuerReset } from '../src/forgetTenantIssuers';
import {
  CHANNEL_ISSUER,
  createRogueKey,
  startFakeIdentityProvider,
  type FakeIdentityProvider,
} from './helpers/fakeIdentityProvider';
import { spawnBot } from './helpers/spawnBot';
import {
  activitiesOf,
  messageActivity,
  post,
  startTestServer,
  type TestServer,
} from './helpers/testServer';

const APP_ID = '5f0b8a4e-1c2d-4e3f-9a8b-7c6d5e4f3a21';
const TENANT = '0d1e2f3a-4b5c-4d6e-8f9a-0b1c2d3e4f5a';
const OTHER_TENANT = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const SERVICE_URL = 'https://smba.trafficmanager.net/teams/';
const UNAUTHORIZED = '{"error":"Unauthorized."}';

const credentialsEnv = (metadataUrl: string): Record<string, string> => ({
  KNOWLEDGE_DIR: 'test/fixtures/knowledge-small',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: 'not-a-real-secret',
  MicrosoftAppTenantId: TENANT,
  BOT_OPENID_METADATA_URL: metadataUrl,
});

const now = (): number => Math.floor(Date.now() / 1000);

/** The claims a Bot Framework channel puts in the token it sends with each activity. */
const channelClaims = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  iss: CHANNEL_ISSUER,
  aud: APP_ID,
  serviceurl: SERVICE_URL,
  nbf: now() - 60,
  exp: now() + 3600,
  ...overrides,
});

const unsigned = (claims: Record<string, unknown>): string =>
  [{ alg: 'none', typ: 'JWT' }, claims]
    .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
    .join('.') + '.';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('authentication with app credentials', () => {
  let idp: FakeIdentityProvider;
  let server: TestServer;
  const libraryWrites: unknown[][] = [];

  beforeAll(async () => {
    // botbuilder writes some refusals to the console; in production main.ts turns each into one
    // fixed log line, here they are kept to be inspected.
    for (const method of ['error', 'warn', 'log'] as const) {
      jest.spyOn(console, method).mockImplementation((...args) => libraryWrites.push(args));
    }
    idp = await startFakeIdentityProvider();
    server = await startTestServer(credentialsEnv(idp.metadataUrl));
  });
  afterAll(async () => {
    await server.close();
    await idp.close();
    jest.restoreAllMocks();
  });

  const api = () => `${server.url}/api/messages`;
  const turns = () => server.log.lines.filter((l) => l.msg === 'turn').length;
  const activity = (overrides: Record<string, unknown> = {}) =>
    messageActivity('how long is each session', { serviceUrl: SERVICE_URL, ...overrides });

  it('runs a turn for a token the channel signed', async () => {
    const before = turns();
    const result = await post(api(), activity(), bearer(idp.sign(channelClaims())));
    expect(result.status).toBe(200);
    expect(activitiesOf(result).length).toBeGreaterThan(0);
    expect(turns()).toBe(before + 1);
  });

  const rogue = createRogueKey();
  it.each<[string, () => Record<string, string>, Record<string, unknown>?]>([
    ['no token', () => ({})],
    ['an empty bearer token', () => ({ authorization: 'Bearer ' })],
    ['a token in another scheme', () => ({ authorization: `Basic ${idp.sign(channelClaims())}` })],
    ['a token signed by another key', () => bearer(idp.sign(channelClaims(), { key: rogue }))],
    [
      'a token signed by a key the provider never published',
      () => bearer(idp.sign(channelClaims(), { key: rogue, kid: 'unpublished-key' })),
    ],
    ['an unsigned token', () => bearer(unsigned(channelClaims()))],
    [
      'a token that expired beyond the five minutes of clock skew allowed',
      () => bearer(idp.sign(channelClaims({ nbf: now() - 3600, exp: now() - 600 }))),
    ],
    [
      'a token that is not valid yet',
      () => bearer(idp.sign(channelClaims({ nbf: now() + 600, exp: now() + 3600 }))),
    ],
    ['a token for another bot', () => bearer(idp.sign(channelClaims({ aud: 'another-app' })))],
    ['a token with no audience', () => bearer(idp.sign(channelClaims({ aud: undefined })))],
    [
      'a token from another issuer',
      () => bearer(idp.sign(channelClaims({ iss: 'https://api.botframework.com.example.net' }))),
    ],
    [
      'a token for another serviceUrl',
      () => bearer(idp.sign(channelClaims({ serviceurl: 'https://attacker.example.net/' }))),
    ],
    [
      'a token whose key is not endorsed for the channel',
      () => bearer(idp.sign(channelClaims())),
      { channelId: 'facebook' },
    ],
  ])('answers %s with 401 and runs no turn', async (_what, headers, overrides = {}) => {
    const before = turns();
    const refusals = server.log.lines.filter((l) => l.msg === 'request not authenticated').length;
    const result = await post(api(), activity(overrides), headers());
    expect(result.status).toBe(401);
    expect(result.raw).toBe(UNAUTHORIZED);
    expect(turns()).toBe(before);
    const logged = server.log.lines.filter((l) => l.msg === 'request not authenticated');
    expect(logged).toHaveLength(refusals + 1);
  });

  it("never hands a refused request to the adapter's own handler, which writes the failure to the console", () => {
    const authenticationErrors = libraryWrites.flat().filter((arg) => {
      return arg instanceof Error && 'statusCode' in arg;
    });
    expect(authenticationErrors).toEqual([]);
  });

  it('logs why a request was refused without the token or anything the person typed', () => {
    const refusals = server.log.lines.filter((l) => l.msg === 'request not authenticated');
    expect(refusals.length).toBeGreaterThan(0);
    expect(server.log.text()).not.toMatch(/eyJ|how long is each session|not-a-real-secret/);
  });

  it('forgets the tenant of every token it refuses, so refused requests cannot grow its memory', async () => {
    const issuers = ToBotFromBotOrEmulatorTokenValidationParameters.issuer as string[];
    const before = issuers.length;
    for (let i = 0; i < 20; i += 1) {
      const tid = randomBytes(2000).toString('hex');
      const token = unsigned({ iss: CHANNEL_ISSUER, tid, aud: APP_ID });
      const result = await post(api(), activity(), bearer(token));
      expect(result.status).toBe(401);
    }
    expect(issuers.length).toBe(before);
  });
});

describe("what botbuilder 4.23.3 enforces for tokens from the bot's Entra tenant", () => {
  let idp: FakeIdentityProvider;
  let adapter: FaqAdapter;

  beforeAll(async () => {
    idp = await startFakeIdentityProvider();
    const options = authenticationOptions({
      appType: 'SingleTenant',
      appId: APP_ID,
      appPassword: 'not-a-real-secret',
      tenantId: TENANT,
      openIdMetadataUrl: idp.metadataUrl,
    });
    // Entra-issued tokens are checked against the Emulator's metadata, moved here to stay offline.
    const authentication = new ConfigurationBotFrameworkAuthentication({
      ...options,
      ToBotFromEmulatorOpenIdMetadataUrl: idp.metadataUrl,
    });
    adapter = new FaqAdapter(authentication, createTenantIssuerReset());
  });
  afterAll(() => idp.close());

  const v1 = (tenant: string, overrides: Record<string, unknown> = {}) => ({
    iss: `https://sts.windows.net/${tenant}/`,
    tid: tenant,
    aud: CHANNEL_ISSUER,
    appid: APP_ID,
    ver: '1.0',
    nbf: now() - 60,
    exp: now() + 3600,
    ...overrides,
  });
  const v2 = (tenant: string, overrides: Record<string, unknown> = {}) => ({
    ...v1(tenant, { appid: undefined, azp: APP_ID, ver: '2.0' }),
    iss: `https://login.microsoftonline.com/${tenant}/v2.0`,
    ...overrides,
  });

  const verdict = (claims: Record<string, unknown>, serviceUrl = SERVICE_URL) =>
    adapter
      .authenticate(
        messageActivity('hi', { serviceUrl }) as unknown as Activity,
        `Bearer ${idp.sign(claims)}`,
      )
      .then(
        () => 'accepted',
        () => 'refused',
      );

  it.each<[string, Record<string, unknown>, string]>([
    ["accepts a v1 token from the bot's tenant", v1(TENANT), 'accepted'],
    ["accepts a v2 token from the bot's tenant", v2(TENANT), 'accepted'],
    ['refuses one issued to another app', v1(TENANT, { appid: 'another-app' }), 'refused'],
    ['refuses one without a tid claim', v1(TENANT, { tid: undefined }), 'refused'],
    ["refuses one whose tid is not its issuer's", v1(TENANT, { tid: OTHER_TENANT }), 'refused'],
    [
      'refuses one for another audience',
      v1(TENANT, { aud: 'https://graph.microsoft.com' }),
      'refused',
    ],
    ['(gap) accepts a v1 token from another tenant', v1(OTHER_TENANT), 'accepted'],
    ['(gap) accepts a v2 token from another tenant', v2(OTHER_TENANT), 'accepted'],
  ])('%s', async (_what, claims, expected) => {
    expect(await verdict(claims)).toBe(expected);
  });

  it('(gap) accepts one with the activity pointing replies at any serviceUrl', async () => {
    expect(await verdict(v1(TENANT), 'https://attacker.example.net/')).toBe('accepted');
  });
});

describe('what the process writes when it refuses a token', () => {
  it('is one line per refusal, with no token, key or stack in it', async () => {
    const idp = await startFakeIdentityProvider();
    const bot = await spawnBot({ LOG_LEVEL: 'trace', ...credentialsEnv(idp.metadataUrl) });
    const api = `${bot.url}/api/messages`;
    const expired = idp.sign(channelClaims({ nbf: now() - 3600, exp: now() - 600 }));
    const forged = idp.sign(channelClaims(), { key: createRogueKey() });
    const body = messageActivity('hello', { serviceUrl: SERVICE_URL });
    const results = [await post(api, body, bearer(expired)), await post(api, body, bearer(forged))];
    expect(await bot.stop()).toBe(0);
    await idp.close();
    expect(results.map((r) => [r.status, r.raw])).toEqual([
      [401, UNAUTHORIZED],
      [401, UNAUTHORIZED],
    ]);
    const output = bot.output();
    expect(output.match(/request not authenticated/g)).toHaveLength(2);
    for (const secret of [expired, forged, 'BEGIN', 'jwt expired', 'node_modules', '    at ']) {
      expect(output).not.toContain(secret);
    }
  }, 30_000);
});
