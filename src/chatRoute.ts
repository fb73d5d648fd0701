import type { Request, Response } from 'restify';
import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { chatActivity, newConversationId, pageActivities } from './chatActivity';
import { validateChatRequest } from './chatRequest';
import type { FaqAdapter } from './faqAdapter';
import { HttpError } from './httpError';
import { readJsonBody } from './readJsonBody';

/** A chat message is a line of text; anything bigger is not one. */
export const MAX_CHAT_BODY_BYTES = 8 * 1024;

export interface ChatRouteOptions {
  readonly adapter: FaqAdapter;
  readonly logic: (context: TurnContext) => Promise<void>;
  readonly logger: Logger;
  /** The bot's own app id, or '' in local mode: the identity the server's own turns run as. */
  readonly botAppId: string;
}

/**
 * POST /api/chat, for the website chat page: one "expectReplies" turn through the same adapter
 * and bot as /api/messages. The server issues the conversation id and returns it in the body;
 * the page keeps it in memory and sends it back. Not a cookie: a page framed on the practice's
 * site is a third-party context, where browsers withhold SameSite=Strict cookies, and more and
 * more every other cookie too.
 */
export function createChatRoute(options: ChatRouteOptions) {
  const { adapter, logic, logger, botAppId } = options;
  return async (req: Request, res: Response): Promise<void> => {
    let status = 200;
    let body: unknown;
    try {
      const request = validateChatRequest(await readJsonBody(req, MAX_CHAT_BODY_BYTES));
      const conversationId = request.conversationId ?? newConversationId();
      const activity = chatActivity(conversationId, request);
      const invoke = await adapter.runTurn(adapter.ownTurnAuth(botAppId), activity, logic);
      body = { conversationId, activities: pageActivities(invoke) };
    } catch (err) {
      status = err instanceof HttpError ? err.status : 500;
      body = { error: err instanceof HttpError ? err.publicMessage : 'Something went wrong.' };
      if (!(err instanceof HttpError)) logger.error({ err }, 'chat request failed');
    }
    if (status >= 400) res.setHeader('connection', 'close');
    res.send(status, body);
  };
}
