import { HttpError } from './httpError';

/** What the chat page may send: join a conversation, or say something in it. */
export type ChatRequest =
  | { readonly kind: 'join'; readonly conversationId?: string }
  | { readonly kind: 'message'; readonly conversationId?: string; readonly text: string };

/** The shape of the ids this server issues (see chatActivity.ts). */
const CONVERSATION_ID = /^[A-Za-z0-9_-]{24}$/;
const FIELDS = new Set(['conversationId', 'type', 'text']);

/**
 * Checks a /api/chat body. Every other field is refused rather than ignored: the server builds
 * the whole activity itself, so nothing a page sends can choose a channel, a sender or a
 * serviceUrl to call back.
 */
export function validateChatRequest(body: unknown): ChatRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'The request body must be an object.');
  }
  const fields = body as Record<string, unknown>;
  if (Object.keys(fields).some((key) => !FIELDS.has(key))) {
    throw new HttpError(400, 'The request may hold only conversationId, type and text.');
  }
  const { conversationId, type = 'message', text } = fields;
  if (conversationId !== undefined && !CONVERSATION_ID.test(String(conversationId))) {
    throw new HttpError(400, 'The conversation id is not one this server issued.');
  }
  const id = conversationId === undefined ? {} : { conversationId: conversationId as string };
  if (type === 'conversationUpdate' && text === undefined) return { kind: 'join', ...id };
  if (type === 'message' && typeof text === 'string' && text.trim() !== '') {
    return { kind: 'message', text, ...id };
  }
  throw new HttpError(
    400,
    'Send {"text": "..."} with a message, or {"type": "conversationUpdate"} to start.',
  );
}
