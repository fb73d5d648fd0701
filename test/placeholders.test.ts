import { createApp } from '../src/createApp';
import { loadConfig } from '../src/config';
import { ConfigError } from '../src/configError';
import { createLogSink } from './helpers/logSink';

const credentials = {
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppId: 'app',
  MicrosoftAppPassword: 'secret',
  MicrosoftAppTenantId: 'tenant',
};

describe("the practice's placeholder details", () => {
  it('only warn in local mode', async () => {
    const sink = createLogSink();
    const app = createApp(loadConfig({}), sink.logger);
    await app.close();
    expect(
      sink.lines.find((l) =>
        l.msg?.toString().startsWith('practice.yaml still holds placeholders'),
      ),
    ).toMatchObject({
      level: 40,
      placeholders: expect.arrayContaining(['phone', 'email']),
    });
  });

  it.each([
    ['with credentials', credentials],
    ['on a public address', { HOST: '0.0.0.0', ALLOW_PUBLIC_LOCAL_MODE: 'true' }],
  ])('stop start-up %s, naming each one', (_when, env) => {
    let error: unknown;
    try {
      createApp(loadConfig(env), createLogSink().logger);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toContain(
      'practice.yaml "phone" still holds the shipped placeholder; set the practice\'s real value',
    );
    expect((error as ConfigError).problems).toHaveLength(7);
  });

  it('are fine once a deployment points KNOWLEDGE_DIR at its real details', async () => {
    const app = createApp(
      loadConfig({ ...credentials, KNOWLEDGE_DIR: 'test/fixtures/knowledge-small' }),
      createLogSink().logger,
    );
    await app.close();
  });
});
