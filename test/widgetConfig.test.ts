import { loadConfig } from '../src/config';
import { problemsOf } from './helpers/configProblems';

describe('configuring the website chat', () => {
  it('is off by default, with no site allowed to frame it', () => {
    const config = loadConfig({});
    expect(config.publicWidget).toBe(false);
    expect(config.widgetAllowedOrigins).toEqual([]);
  });

  it('lets the public widget listen on a public address without credentials', () => {
    const config = loadConfig({ HOST: '0.0.0.0', PUBLIC_WIDGET: 'true' });
    expect(config).toMatchObject({ host: '0.0.0.0', publicWidget: true });
    expect(config.credentials).toBeUndefined();
  });

  it('reads the allowed origins, ignoring spaces and empty entries', () => {
    const config = loadConfig({
      WIDGET_ALLOWED_ORIGINS: ' https://www.example.org, https://example.org:8443 ,,',
    });
    expect(config.widgetAllowedOrigins).toEqual([
      'https://www.example.org',
      'https://example.org:8443',
    ]);
    expect(Object.isFrozen(config.widgetAllowedOrigins)).toBe(true);
  });

  it.each([
    ['a path', 'https://www.example.org/chat'],
    ['a trailing slash', 'https://www.example.org/'],
    ['a wildcard', '*'],
    ['a bare host', 'www.example.org'],
    ['another scheme', 'ftp://www.example.org'],
  ])('refuses an allowed origin with %s', (_what, origin) => {
    expect(problemsOf({ WIDGET_ALLOWED_ORIGINS: origin })).toEqual([
      `WIDGET_ALLOWED_ORIGINS must list origins such as https://www.example.com (scheme and host, no path), got "${origin}"`,
    ]);
  });

  it('refuses a PUBLIC_WIDGET that is not true or false', () => {
    expect(problemsOf({ PUBLIC_WIDGET: 'yes' })).toEqual([
      'PUBLIC_WIDGET must be "true" or "false", got "yes"',
    ]);
  });
});
