import { ConversationState, MemoryStorage, type Storage } from 'botbuilder';
import type { Logger } from 'pino';
import { FaqBot } from './bot';
import { createReplies, type Replies } from './composeReplies';
import { createDecider, type Decider } from './decide';
import type { IdHasher } from './hashId';
import type { Knowledge } from './knowledge';
import { createMatcher } from './matcher';
import type { Reply } from './reply';
import { createResponder } from './respond';
import { createSafetyCheck } from './safetyCheck';

export interface BotOptions {
  readonly logger: Logger;
  readonly hashId: IdHasher;
  readonly storage?: Storage;
  readonly observe?: (reply: Reply) => void;
}

export interface BuiltBot {
  readonly bot: FaqBot;
  readonly replies: Replies;
  readonly decide: Decider;
}

/** The bot with everything it decides with; the server and the maintainer's tools share it. */
export function createBot(knowledge: Knowledge, options: BotOptions): BuiltBot {
  const replies = createReplies(knowledge);
  const decide = createDecider(createMatcher(knowledge));
  const bot = new FaqBot({
    conversationState: new ConversationState(options.storage ?? new MemoryStorage()),
    respond: createResponder(decide, replies),
    replies,
    logger: options.logger,
    hashId: options.hashId,
    checkSafety: createSafetyCheck(knowledge.safety),
    ...(options.observe ? { observe: options.observe } : {}),
  });
  return { bot, replies, decide };
}
