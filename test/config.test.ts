import path from 'node:path';
import { loadConfig } from '../src/config';
import { ConfigError } from '../src/configError';

const problemsOf = (env: Record<string, string>): readonly string[] => {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

describe('loading the configuration', () => {
  it('runs in local mode on loopback with no settings at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3978, host: '127.0.0.1', logLevel: 'info' });
    expect(config.credentials).toBeUndefined();
    expect(config.knowledgeDir).toBe(path.resolve('knowledge'));
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('accepts a complete SingleTenant set and listens on all addresses', () => {
    const config = loadConfig({
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppTenantId: 'tenant',
    });
    expect(config.credentials).toEqual({
      appType: 'SingleTenant',
      appId: 'app',
      appPassword: 'secret',
      tenantId: 'tenant',
    });
    expect(config.host).toBe('0.0.0.0');
  });

  it('accepts UserAssignedMSI with no password', () => {
    const config = loadConfig({
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppId: 'app',
      MicrosoftAppTenantId: 'tenant',
    });
    expect(config.credentials?.appType).toBe('UserAssignedMSI');
  });

  it.each([
    [{ MicrosoftAppId: 'app' }, ['MicrosoftAppType must be', 'MicrosoftAppTenantId is required']],
    [
      { MicrosoftAppType: 'SingleTenant', MicrosoftAppId: 'app', MicrosoftAppTenantId: 't' },
      ['MicrosoftAppPassword is required for SingleTenant'],
    ],
    [
      {
        MicrosoftAppType: 'UserAssignedMSI',
        MicrosoftAppId: 'app',
        MicrosoftAppTenantId: 't',
        MicrosoftAppPassword: 'x',
      },
      ['MicrosoftAppPassword must not be set for UserAssignedMSI'],
    ],
    [
      {
        MicrosoftAppType: 'MultiTenant',
        MicrosoftAppId: 'a',
        MicrosoftAppPassword: 'p',
        MicrosoftAppTenantId: 't',
      },
      ['MicrosoftAppType must be'],
    ],
    [
      { MicrosoftAppPassword: 'x' },
      [
        'MicrosoftAppType must be',
        'MicrosoftAppId is required',
        'MicrosoftAppTenantId is required',
      ],
    ],
  ])(
    'never falls back to no authentication when the credentials are incomplete: %j',
    (env, expected) => {
      const problems = problemsOf(env);
      for (const text of expected) expect(problems.some((p) => p.startsWith(text))).toBe(true);
    },
  );

  it('refuses a public address without credentials unless that is allowed explicitly', () => {
    expect(problemsOf({ HOST: '0.0.0.0' })[0]).toMatch(/^HOST "0.0.0.0" is not a loopback address/);
    expect(loadConfig({ HOST: '0.0.0.0', ALLOW_PUBLIC_LOCAL_MODE: 'true' }).host).toBe('0.0.0.0');
  });

  it('lists every bad key in one error', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      ALLOW_PUBLIC_LOCAL_MODE: 'yes',
      LOG_HASH_KEY: 'short',
    });
    expect(problems).toEqual([
      'PORT must be a whole number from 0 to 65535, got "eighty"',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
      'ALLOW_PUBLIC_LOCAL_MODE must be "true" or "false", got "yes"',
      'LOG_HASH_KEY must be at least 16 characters long',
    ]);
  });

  describe('with BOT_OPENID_METADATA_URL', () => {
    const singleTenant = {
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppTenantId: 'tenant',
    };

    it.each([
      'https://login.example.net/v1/.well-known/openidconfiguration',
      'http://127.0.0.1:8080/v1/.well-known/openidconfiguration',
      'http://[::1]:8080/metadata',
    ])('moves token validation to %s', (url) => {
      const config = loadConfig({ ...singleTenant, BOT_OPENID_METADATA_URL: url });
      expect(config.credentials?.openIdMetadataUrl).toBe(url);
    });

    it.each(['http://login.example.net/metadata', 'ftp://127.0.0.1/metadata', 'login.example.net'])(
      'refuses %s, which is not https and not on this machine',
      (url) => {
        expect(problemsOf({ ...singleTenant, BOT_OPENID_METADATA_URL: url })).toEqual([
          `BOT_OPENID_METADATA_URL must be an https URL, or http on this machine, got "${url}"`,
        ]);
      },
    );

    it('refuses it without credentials, where no token is checked at all', () => {
      expect(problemsOf({ BOT_OPENID_METADATA_URL: 'https://login.example.net/metadata' })).toEqual(
        [
          'BOT_OPENID_METADATA_URL needs the MicrosoftApp* settings: without them no token is checked',
        ],
      );
    });
  });
});
