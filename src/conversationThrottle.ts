import type { Activity } from 'botbuilder';
import type { ConversationKey } from './conversationKey';
import { HttpError } from './httpError';
import { createRateLimiter, type RateLimit } from './rateLimiter';

/** Far above what a person types, far below what a script sends. */
export const CONVERSATION_LIMIT: RateLimit = { perMinute: 30, burst: 10, maxKeys: 50_000 };

/** Refuses a message once its conversation has sent too many; throws the 429 to answer with. */
export type ConversationThrottle = (activity: Activity) => void;

/**
 * Throttles per conversation, after authentication: every channel's traffic comes from Azure's
 * addresses, so a limit per address would throttle the channel itself. A message that reads as
 * a crisis always goes through.
 */
export function createConversationThrottle(
  conversationKey: ConversationKey,
  isCrisis: (text: string) => boolean,
  limit: RateLimit = CONVERSATION_LIMIT,
): ConversationThrottle {
  const limiter = createRateLimiter(limit);
  return (activity) => {
    if (activity.type !== 'message') return;
    const wait = limiter.take(conversationKey(activity));
    if (wait > 0 && !isCrisis(activity.text ?? '')) {
      throw new HttpError(429, 'Too many messages in this conversation; please wait a moment.', {
        'retry-after': String(wait),
      });
    }
  };
}
