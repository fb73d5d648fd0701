import { loadConfig } from '../src/config';
import { problemsOf } from './helpers/configProblems';

const SECRET = 'fakeDL.cwA.config-secret-2b7e';
const READY = {
  MicrosoftAppType: 'UserAssignedMSI',
  MicrosoftAppId: 'app',
  MicrosoftAppTenantId: 'tenant',
  WIDGET_ALLOWED_ORIGINS: 'https://www.example.org',
  DIRECT_LINE_SECRET: SECRET,
};

describe('configuring Direct Line', () => {
  it('is off by default', () => {
    expect(loadConfig({}).directLine).toBeUndefined();
  });

  it('talks to the global Direct Line unless told otherwise', () => {
    const config = loadConfig(READY);
    expect(config.directLine).toEqual({
      secret: SECRET,
      endpoint: 'https://directline.botframework.com',
    });
    expect(Object.isFrozen(config.directLine)).toBe(true);
  });

  it.each([
    ['https://europe.directline.botframework.com', 'https://europe.directline.botframework.com'],
    ['https://india.directline.botframework.com/', 'https://india.directline.botframework.com'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://[::1]:8080', 'http://[::1]:8080'],
  ])('talks to %s when DIRECT_LINE_ENDPOINT says so', (raw, endpoint) => {
    expect(loadConfig({ ...READY, DIRECT_LINE_ENDPOINT: raw }).directLine?.endpoint).toBe(endpoint);
  });

  it.each([
    ['plain http elsewhere', 'http://directline.botframework.com'],
    ['a path', 'https://directline.botframework.com/v3/directline'],
    ['a query', 'https://directline.botframework.com/?region=eu'],
    ['a user name', 'https://me@directline.botframework.com'],
    ['another scheme', 'ftp://127.0.0.1'],
    ['no scheme', 'directline.botframework.com'],
  ])('refuses an endpoint with %s', (_what, raw) => {
    expect(problemsOf({ ...READY, DIRECT_LINE_ENDPOINT: raw })).toEqual([
      `DIRECT_LINE_ENDPOINT must be an https address with no path, such as https://europe.directline.botframework.com, or http on this machine, got "${raw}"`,
    ]);
  });

  it('refuses a secret a header cannot carry, without repeating it', () => {
    const problems = problemsOf({ ...READY, DIRECT_LINE_SECRET: 'pasted secret\twith spaces' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^DIRECT_LINE_SECRET must be the secret from the Azure Bot's/);
    expect(problems.join('\n')).not.toContain('pasted');
  });

  it('needs the MicrosoftApp* settings, since Azure Bot Service calls the bot with them', () => {
    expect(
      problemsOf({
        WIDGET_ALLOWED_ORIGINS: READY.WIDGET_ALLOWED_ORIGINS,
        DIRECT_LINE_SECRET: SECRET,
      }),
    ).toEqual([
      'DIRECT_LINE_SECRET needs the MicrosoftApp* settings: Azure Bot Service delivers Direct Line messages to /api/messages with them',
    ]);
  });

  it('needs the sites that may host Web Chat, which become its trusted origins', () => {
    expect(problemsOf({ ...READY, WIDGET_ALLOWED_ORIGINS: '' })).toEqual([
      'DIRECT_LINE_SECRET needs WIDGET_ALLOWED_ORIGINS: the sites whose pages may fetch a token and host Web Chat',
    ]);
  });

  it('refuses an endpoint without a secret, which would do nothing', () => {
    expect(
      problemsOf({ DIRECT_LINE_ENDPOINT: 'https://europe.directline.botframework.com' }),
    ).toEqual(['DIRECT_LINE_ENDPOINT needs DIRECT_LINE_SECRET: without it Direct Line is off']);
  });
});
