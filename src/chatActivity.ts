import { randomBytes, randomUUID } from 'node:crypto';
import type { Activity, InvokeResponse } from 'botbuilder';
import type { ChatRequest } from './chatRequest';

/** The fields of a reply that the chat page renders; nothing else leaves the server. */
export interface PageActivity {
  readonly type: 'message';
  readonly text?: string;
  readonly textFormat?: string;
  readonly suggestedActions?: unknown;
  readonly attachments?: unknown;
  readonly attachmentLayout?: string;
}

const BOT = { id: 'faq-bot', name: 'FAQ', role: 'bot' };

/**
 * A conversation id for the chat page: 144 random bits, so that no one can guess another
 * visitor's conversation. It lives in the page's memory only; a reload starts afresh.
 */
export function newConversationId(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * The activity for one chat request, built wholly here. Its conversation id is prefixed so that
 * it can never name a conversation of the Azure Web Chat channel, which shares the channel id.
 * "expectReplies" with no serviceUrl keeps every reply in the response: nothing is called back.
 */
export function chatActivity(conversationId: string, request: ChatRequest): Activity {
  const visitor = { id: `visitor-${conversationId}`, role: 'user' };
  const activity = {
    id: randomUUID(),
    channelId: 'webchat',
    deliveryMode: 'expectReplies',
    timestamp: new Date(),
    conversation: { id: `widget-${conversationId}`, isGroup: false, conversationType: 'personal' },
    from: visitor,
    recipient: BOT,
    ...(request.kind === 'join'
      ? { type: 'conversationUpdate', membersAdded: [visitor] }
      : { type: 'message', text: request.text, textFormat: 'plain' }),
  };
  return activity as unknown as Activity;
}

/** The replies of an "expectReplies" turn, cut down to what the page shows. */
export function pageActivities(invoke: InvokeResponse | undefined): PageActivity[] {
  const body = invoke?.body as { activities?: Partial<Activity>[] } | undefined;
  return (body?.activities ?? [])
    .filter((activity) => activity.type === 'message')
    .map(({ text, textFormat, suggestedActions, attachments, attachmentLayout }) => ({
      type: 'message',
      text,
      textFormat,
      suggestedActions,
      attachments,
      attachmentLayout,
    }));
}
