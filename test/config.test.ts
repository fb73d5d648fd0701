import path from 'node:path';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { loadConfig } from '../src/config';
import { problemsOf } from './helpers/configProblems';

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

  describe('with shared conversation state', () => {
    const account =
      'DefaultEndpointsProtocol=https;AccountName=faqstate;AccountKey=c2VjcmV0LWtleS1mb3ItdGVzdHM=;EndpointSuffix=core.windows.net';
    const shared = { STATE_STORAGE_CONNECTION_STRING: account, LOG_HASH_KEY: 'a-key-of-16-chars' };

    it('keeps state in memory when no storage connection is set', () => {
      expect(loadConfig({}).stateStorage).toBeUndefined();
    });

    it('keeps state in the named container, or in conversation-state by default', () => {
      expect(loadConfig(shared).stateStorage).toEqual({
        connectionString: account,
        container: 'conversation-state',
      });
      const named = loadConfig({ ...shared, STATE_STORAGE_CONTAINER: 'faq-bot-2' });
      expect(named.stateStorage?.container).toBe('faq-bot-2');
      expect(Object.isFrozen(named.stateStorage)).toBe(true);
    });

    it.each([
      account,
      'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;',
      'BlobEndpoint=https://faqstate.blob.core.windows.net;SharedAccessSignature=sv=2024&sig=abc',
      'UseDevelopmentStorage=true',
    ])('accepts the connection string %s, as the storage client does', (connection) => {
      const config = loadConfig({ ...shared, STATE_STORAGE_CONNECTION_STRING: connection });
      expect(config.stateStorage?.connectionString).toBe(connection);
      expect(() => new BlobsStorage(connection, 'faq-state')).not.toThrow();
    });

    it.each([
      'AccountName=faqstate;AccountKey=c2VjcmV0',
      'DefaultEndpointsProtocol=https;AccountName=faqstate;AccountKey=c2VjcmV0',
      'DefaultEndpointsProtocol=https;AccountKey=c2VjcmV0;EndpointSuffix=core.windows.net',
      'BlobEndpoint=not a url;SharedAccessSignature=sv=2024&sig=abc',
      'faqstate.blob.core.windows.net',
    ])('refuses the connection string %s, as the storage client does', (connection) => {
      const problems = problemsOf({ ...shared, STATE_STORAGE_CONNECTION_STRING: connection });
      expect(problems).toEqual([expect.stringMatching(/^STATE_STORAGE_CONNECTION_STRING must be/)]);
      expect(() => new BlobsStorage(connection, 'faq-state')).toThrow();
    });

    it.each(['abc', 'faq-bot-state', '0123', 'a'.repeat(63)])(
      'accepts the container %s',
      (name) => {
        expect(
          loadConfig({ ...shared, STATE_STORAGE_CONTAINER: name }).stateStorage?.container,
        ).toBe(name);
      },
    );

    it.each(['ab', 'a'.repeat(64), 'Faq-State', 'faq--state', '-faq', 'faq-', 'faq_state'])(
      'refuses the container %s, which Azure would refuse',
      (name) => {
        expect(problemsOf({ ...shared, STATE_STORAGE_CONTAINER: name })).toEqual([
          `STATE_STORAGE_CONTAINER must be 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit, got "${name}"`,
        ]);
      },
    );

    it('lists every bad storage key, and never repeats the secret connection string', () => {
      const connection = 'AccountName=faqstate;Password=hunter2-secret';
      const problems = problemsOf({
        STATE_STORAGE_CONNECTION_STRING: connection,
        STATE_STORAGE_CONTAINER: 'State',
      });
      expect(problems.map((p) => p.split(' ')[0])).toEqual([
        'STATE_STORAGE_CONNECTION_STRING',
        'STATE_STORAGE_CONTAINER',
        'LOG_HASH_KEY',
      ]);
      expect(problems.join('\n')).not.toContain('hunter2');
    });

    it('needs a LOG_HASH_KEY, so that every instance finds a conversation under the same name', () => {
      expect(problemsOf({ STATE_STORAGE_CONNECTION_STRING: account })).toEqual([
        'LOG_HASH_KEY is required with STATE_STORAGE_CONNECTION_STRING: every instance must hash conversation ids alike to find the same state',
      ]);
    });

    it('refuses a container with no storage connection to put it in', () => {
      expect(problemsOf({ STATE_STORAGE_CONTAINER: 'faq-state' })).toEqual([
        'STATE_STORAGE_CONTAINER needs STATE_STORAGE_CONNECTION_STRING',
      ]);
    });
  });
});
