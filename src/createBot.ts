import { MemoryStorage, type Storage } from 'botbuilder';
import type { Logger } from 'pino';
import { FaqBot } from './bot';
import { createReplies, type Replies } from './composeReplies';
import { createClinicalCheck } from './clinicalCheck';
import { createDecider, type Decider } from './decide';
import type { ConversationKey } from './conversationKey';
import { HashedConversationState } from './hashedConversationState';
import type { Knowledge } from './knowledge';
import { createMatcher } from './matcher';
import type { Reply } from './reply';
import { createResponder } from './respond';
import { createSafetyCheck, type SafetyCheck } from './safetyCheck';

export interface BotOptions {
  readonly logger: Logger;
  readonly conversationKey: ConversationKey;
  readonly storage?: Storage;
  readonly observe?: (reply: Reply) => void;
}

export interface BuiltBot {
  readonly bot: FaqBot;
  readonly replies: Replies;
  readonly decide: Decider;
  readonly checkSafety: SafetyCheck;
}

/** The bot with everything it decides with; the server and the maintainer's tools share it. */
export function createBot(knowledge: Knowledge, options: BotOptions): BuiltBot {
  const checkSafety = createSafetyCheck(knowledge.safety);
  const replies = createReplies(knowledge);
  const decide = createDecider(createMatcher(knowledge), createClinicalCheck(knowledge.clinical));
  const bot = new FaqBot({
    conversationState: new HashedConversationState(
      options.storage ?? new MemoryStorage(),
      options.conversationKey,
    ),
    respond: createResponder(decide, replies),
    replies,
    logger: options.logger,
    conversationKey: options.conversationKey,
    checkSafety,
    ...(options.observe ? { observe: options.observe } : {}),
  });
  return { bot, replies, decide, checkSafety };
}
