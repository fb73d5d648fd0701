import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
} from 'botbuilder';
import restify, { type Server } from 'restify';

/**
 * The smallest bot on the same botbuilder and restify as the service: the yardstick the service's
 * throughput and latency are compared with. It keeps no state and echoes the text.
 */
export function createEchoServer(): Server {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(MessageFactory.text(context.activity.text ?? ''));
    await next();
  });
  const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.jsonBodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  return server;
}
