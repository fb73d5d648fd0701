import type { Logger } from 'pino';
import { loadConfig } from './config';
import { ConfigError } from './configError';
import { createApp } from './createApp';
import { createLogger } from './createLogger';
import { KnowledgeError } from './knowledgeError';

/**
 * botbuilder writes some failures straight to the console, with request details in them. Nothing
 * may reach the output unvetted, so each such write becomes one fixed log line.
 */
function silenceConsole(logger: Logger): void {
  const replace = (): void => logger.warn({ source: 'library' }, 'a library wrote to the console');
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    // eslint-disable-next-line no-console -- replacing the console, not writing to it
    console[method] = replace;
  }
}

function start(): void {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  silenceConsole(logger);
  const app = createApp(config, logger);
  app.server.listen(config.port, config.host, () => {
    const mode = config.credentials
      ? `authenticated (${config.credentials.appType})`
      : 'local mode, no authentication';
    logger.info({ address: app.server.url, mode }, 'listening');
  });
  const stop = (signal: string): void => {
    logger.info({ signal }, 'shutting down');
    void app.close().then(() => process.exit(0));
  };
  process.on('SIGHUP', () => app.reload());
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

try {
  start();
} catch (err) {
  if (err instanceof ConfigError || err instanceof KnowledgeError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
