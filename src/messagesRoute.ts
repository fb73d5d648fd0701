import type { Request, Response } from 'restify';
import type { Activity, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { isLoopbackUrl } from './loopback';
import type { ConversationThrottle } from './conversationThrottle';
import type { FaqAdapter } from './faqAdapter';
import { HttpError } from './httpError';
import { readJsonBody } from './readJsonBody';
import { validateActivity } from './validateActivity';

export interface MessagesRouteOptions {
  readonly adapter: FaqAdapter;
  readonly logic: (context: TurnContext) => Promise<void>;
  readonly logger: Logger;
  /** In local mode there is no authentication, so replies may only go back to this machine. */
  readonly localMode: boolean;
  readonly throttle: ConversationThrottle;
}

function checkServiceUrl(activity: Activity): void {
  if (activity.deliveryMode === 'expectReplies') return;
  if (!URL.canParse(activity.serviceUrl ?? '')) {
    throw new HttpError(400, 'The activity needs a serviceUrl, or deliveryMode "expectReplies".');
  }
  if (!isLoopbackUrl(new URL(activity.serviceUrl ?? ''))) {
    throw new HttpError(
      400,
      'Without credentials, the bot only replies to a serviceUrl on this machine.',
    );
  }
}

/** POST /api/messages: check the request, authenticate it, then run one turn. */
export function createMessagesRoute(options: MessagesRouteOptions) {
  const { adapter, logic, logger, localMode, throttle } = options;
  return async (req: Request, res: Response): Promise<void> => {
    let status = 500;
    let body: unknown = { error: 'Something went wrong.' };
    try {
      const activity = validateActivity(await readJsonBody(req));
      if (localMode) checkServiceUrl(activity);
      const auth = await adapter
        .authenticate(activity, req.headers.authorization ?? '')
        .catch((err: unknown) => {
          logger.warn({ reason: (err as Error).name }, 'request not authenticated');
          throw new HttpError(401, 'Unauthorized.');
        });
      throttle(activity);
      const invoke = await adapter.runTurn(auth, activity, logic);
      status = invoke?.status ?? 200;
      body = invoke?.body;
    } catch (err) {
      if (err instanceof HttpError) {
        status = err.status;
        body = { error: err.publicMessage };
        for (const [name, value] of Object.entries(err.headers)) res.setHeader(name, value);
      } else {
        logger.error({ err }, 'request failed');
      }
    }
    if (status >= 400) res.setHeader('connection', 'close');
    res.send(status, body);
  };
}
