import restify, { type Server } from 'restify';
import { DeliveryModes } from 'botbuilder';
import type { Logger } from 'pino';
import type { Config } from './config';
import { isLoopback } from './loopback';
import { ConfigError } from './configError';
import { createBot } from './createBot';
import { createStateStorage } from './createStateStorage';
import { createAdapter } from './faqAdapter';
import { createConversationKey } from './conversationKey';
import { createIdHasher } from './hashId';
import type { FaqBot } from './bot';
import type { Knowledge } from './knowledge';
import { loadKnowledge } from './loadKnowledge';
import { createConversationThrottle } from './conversationThrottle';
import { createMessagesRoute } from './messagesRoute';
import type { SafetyCheck } from './safetyCheck';
import { createReplyHealth } from './replyHealth';
import { watchKnowledge } from './watchKnowledge';
import { webChatDir } from './webChatBundle';
import { registerWebChat } from './webChatRoutes';

export interface App {
  readonly server: Server;
  /** Loads the knowledge folder again; an invalid edit keeps the previous version live. */
  reload(): boolean;
  close(): Promise<void>;
}

interface Live {
  readonly knowledge: Knowledge;
  readonly bot: FaqBot;
  readonly checkSafety: SafetyCheck;
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
  const conversationKey = createConversationKey(createIdHasher(config.logHashKey));
  const storage = createStateStorage(config);
  const build = (knowledge: Knowledge): Live => {
    checkPlaceholders(config, knowledge.placeholders, logger);
    const { bot, checkSafety } = createBot(knowledge, { logger, conversationKey, storage });
    return { knowledge, bot, checkSafety };
  };
  const live = { current: build(loadKnowledge(config.knowledgeDir)) };
  const reload = (): boolean => {
    try {
      live.current = build(loadKnowledge(config.knowledgeDir));
      logger.info({ version: live.current.knowledge.version }, 'knowledge reloaded');
      return true;
    } catch (err) {
      logger.warn(
        { err, version: live.current.knowledge.version },
        'knowledge reload failed; the previous version stays live',
      );
      return false;
    }
  };
  const health = createReplyHealth();
  const adapter = createAdapter(config.credentials, logger, health, () => {
    const { practice } = live.current.knowledge;
    return `Sorry, something went wrong on my side. Please try again, or contact ${practice.therapistName} at ${practice.phone}.`;
  });
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
      throttle: createConversationThrottle(
        conversationKey,
        (text) => live.current.checkSafety(text).level === 'crisis',
      ),
      logic: async (context) => {
        await live.current.bot.run(context);
        if (context.activity.deliveryMode !== DeliveryModes.ExpectReplies) health.succeeded();
      },
    }),
  );
  server.get('/healthz', (_req, res, next) => {
    const { knowledge } = live.current;
    const status = health.failing ? 'degraded' : 'ok';
    res.send(200, { status, entries: knowledge.entries.length, version: knowledge.version });
    next();
  });
  registerWebChat(server, {
    adapter,
    logger,
    config,
    knowledge: () => live.current.knowledge,
    logic: (context) => live.current.bot.run(context),
    bundleDir: webChatDir(),
  });
  const stopWatching = watchKnowledge(config.knowledgeDir, reload);
  return {
    server,
    reload,
    close: () => {
      stopWatching();
      // Turns in flight finish; a connection kept alive after its last response would otherwise
      // hold the exit until its keep-alive timeout.
      const sweep = setInterval(() => server.server.closeIdleConnections(), 50);
      return new Promise<void>((resolve) =>
        server.close(() => {
          clearInterval(sweep);
          resolve();
        }),
      );
    },
  };
}
