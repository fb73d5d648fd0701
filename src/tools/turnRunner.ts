import { TestAdapter, type Activity } from 'botbuilder';
import pino from 'pino';
import { createBot } from '../createBot';
import { createConversationKey } from '../conversationKey';
import { createIdHasher } from '../hashId';
import type { Knowledge } from '../knowledge';
import type { Reply } from '../reply';

export const BOT_NAME = 'Group FAQ';

/** A message as the channel would send it; Teams puts the bot's @mention in the text. */
export function toActivity(
  text: string,
  channelId: string,
  conversationId: string,
): Partial<Activity> {
  const recipient = { id: 'bot', name: BOT_NAME };
  // Teams tags the bot's @mention with an entity, whatever name the bot goes by in the team.
  const mention =
    channelId === 'msteams' ? /^\s*(<at>[^<]{1,200}<\/at>)/.exec(text)?.[1] : undefined;
  return {
    type: 'message',
    channelId,
    text,
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'user', name: 'user' },
    recipient,
    ...(mention ? { entities: [{ type: 'mention', text: mention, mentioned: recipient }] } : {}),
  };
}

/**
 * Runs single messages through the real bot, each in a new conversation, and returns the reply
 * the bot decided on.
 */
export function createTurnRunner(
  knowledge: Knowledge,
): (text: string, channelId?: string) => Promise<Reply> {
  let last: Reply | undefined;
  const { bot } = createBot(knowledge, {
    logger: pino({ level: 'silent' }),
    conversationKey: createConversationKey(createIdHasher(undefined)),
    observe: (reply) => (last = reply),
  });
  const adapter = new TestAdapter((context) => bot.run(context));
  let turn = 0;
  return async (text, channelId = 'webchat') => {
    last = undefined;
    turn += 1;
    await adapter.processActivity(toActivity(text, channelId, `eval-${turn}`));
    if (!last) throw new Error('the bot produced no reply');
    return last;
  };
}
