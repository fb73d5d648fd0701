import { TestAdapter, type Activity, type TestFlow } from 'botbuilder';
import { createBot } from '../../src/createBot';
import { createConversationKey } from '../../src/conversationKey';
import { createIdHasher } from '../../src/hashId';
import { loadKnowledge } from '../../src/loadKnowledge';
import { createLogSink, type LogSink } from './logSink';

export const knowledge = loadKnowledge('knowledge');

export interface TestBot {
  readonly adapter: TestAdapter;
  readonly log: LogSink;
}

/** The real bot behind botbuilder's TestAdapter, on the given channel. */
export function createTestBot(channelId = 'webchat'): TestBot {
  const log = createLogSink();
  const { bot } = createBot(knowledge, {
    logger: log.logger,
    conversationKey: createConversationKey(createIdHasher(undefined)),
  });
  const adapter = new TestAdapter((context) => bot.run(context), {
    channelId,
    conversation: {
      id: `conversation-${channelId}`,
      isGroup: false,
      conversationType: 'personal',
      name: '',
    },
    user: { id: 'user-1', name: 'Visitor' },
    bot: { id: 'bot', name: 'Group FAQ' },
  } as Partial<Activity>);
  return { adapter, log };
}

export const entry = (id: string) => {
  const found = knowledge.byId.get(id);
  if (!found) throw new Error(`no entry ${id}`);
  return found;
};

/** Greets the bot, then asks a question that gets "did you mean"; the flow waits at the choices. */
export function untilDidYouMean(adapter: TestAdapter): TestFlow {
  return adapter
    .send('hi')
    .assertReply(() => undefined)
    .assertReply(() => undefined)
    .send('sharing feedback')
    .assertReply((a) => expect(a.text).toMatch(/Did you mean/));
}
