import restify, { type Server } from 'restify';
import type { Logger } from 'pino';
import { isLoopback, type Config } from './config';
import { ConfigError } from './configError';
import { createBot } from './createBot';
import { ExpiringMemoryStorage } from './expiringStorage';
import { createAdapter } from './faqAdapter';
import { createIdHasher } from './hashId';
import { loadKnowledge } from './loadKnowledge';
import { createMessagesRoute } from './messagesRoute';

export interface App {
  readonly server: Server;
  close(): Promise<void>;
}

/** A person in crisis must never be shown a dummy number, so only local mode tolerates them. */
function checkPlaceholders(config: Config, placeholders: readonly string[], logger: Logger): void {
  if (placeholders.length === 0) return;
  if (config.credentials || !isLoopback(config.host)) {
    throw new ConfigError(
      placeholders.map(
        (key) =>
          `practice.yaml "${key}" still holds the shipped placeholder; set the practice's real value`,
      ),
    );
  }
  logger.warn({ placeholders }, 'practice.yaml still holds placeholders; fine for local use only');
}

/** Wires the whole service without listening; the caller decides where it listens. */
export function createApp(config: Config, logger: Logger): App {
  const knowledge = loadKnowledge(config.knowledgeDir);
  checkPlaceholders(config, knowledge.placeholders, logger);
  const { bot } = createBot(knowledge, {
    logger,
    hashId: createIdHasher(config.logHashKey),
    storage: new ExpiringMemoryStorage(config.stateTtlMinutes * 60_000),
  });
  const sorry = `Sorry, something went wrong on my side. Please try again, or contact ${knowledge.practice.therapistName} at ${knowledge.practice.phone}.`;
  const adapter = createAdapter(config.credentials, logger, sorry);
  const server = restify.createServer({
    name: 'group-therapy-faq-bot',
    // restify logs whole requests, headers included; its logger stays silent.
    log: logger.child(
      { component: 'http' },
      { level: 'silent' },
    ) as unknown as restify.ServerOptions['log'],
    handleUncaughtExceptions: false,
  });
  server.post(
    '/api/messages',
    createMessagesRoute({
      adapter,
      logger,
      localMode: !config.credentials,
      logic: (context) => bot.run(context),
    }),
  );
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok', entries: knowledge.entries.length, version: knowledge.version });
    next();
  });
  return {
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
