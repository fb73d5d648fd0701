import restify, { type Server } from 'restify';
import type { Logger } from 'pino';
import type { Config } from './config';
import { createBot } from './createBot';
import { createAdapter } from './faqAdapter';
import { createIdHasher } from './hashId';
import { loadKnowledge } from './loadKnowledge';
import { createMessagesRoute } from './messagesRoute';

export interface App {
  readonly server: Server;
  close(): Promise<void>;
}

/** Wires the whole service without listening; the caller decides where it listens. */
export function createApp(config: Config, logger: Logger): App {
  const knowledge = loadKnowledge(config.knowledgeDir);
  const { bot } = createBot(knowledge, { logger, hashId: createIdHasher(config.logHashKey) });
  const sorry = `Sorry, something went wrong on my side. Please try again, or contact ${knowledge.practice.therapistName} at ${knowledge.practice.phone}.`;
  const adapter = createAdapter(config.credentials, logger, sorry);
  const server = restify.createServer({
    name: 'group-therapy-faq-bot',
    // restify logs whole requests, headers included; its logger stays silent.
    log: logger.child({ component: 'http' }, { level: 'silent' }) as unknown as restify.ServerOptions['log'],
    handleUncaughtExceptions: false,
  });
  server.post(
    '/api/messages',
    createMessagesRoute({ adapter, logger, localMode: !config.credentials, logic: (context) => bot.run(context) }),
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
