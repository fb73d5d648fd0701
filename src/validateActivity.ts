import type { Activity } from 'botbuilder';
import { HttpError } from './httpError';

const hasId = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';

/** Checks the fields every turn relies on, so that a malformed activity never reaches the bot. */
export function validateActivity(body: unknown): Activity {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'The request body must be an activity object.');
  }
  const activity = body as Record<string, unknown>;
  const missing = [
    typeof activity.type === 'string' && activity.type !== '' ? undefined : 'type',
    hasId(activity.from) ? undefined : 'from.id',
    hasId(activity.recipient) ? undefined : 'recipient.id',
    hasId(activity.conversation) ? undefined : 'conversation.id',
    typeof activity.channelId === 'string' && activity.channelId !== '' ? undefined : 'channelId',
  ].filter((field) => field !== undefined);
  if (missing.length > 0)
    throw new HttpError(400, `The activity is missing ${missing.join(', ')}.`);
  if (activity.text !== undefined && typeof activity.text !== 'string') {
    throw new HttpError(400, 'The activity text must be a string.');
  }
  return body as Activity;
}
