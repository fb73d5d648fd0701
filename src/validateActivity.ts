import type { Activity } from 'botbuilder';
import { HttpError } from './httpError';

const hasId = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';

/** botbuilder's removeRecipientMention reads every entity's type, and each mention's `mentioned`. */
const isEntity = (value: unknown): boolean => {
  const type = typeof value === 'object' && value !== null && (value as { type?: unknown }).type;
  if (typeof type !== 'string') return false;
  return type.toLowerCase() !== 'mention' || hasId((value as { mentioned?: unknown }).mentioned);
};

const isListOf = (value: unknown, check: (item: unknown) => boolean): boolean =>
  value === undefined || (Array.isArray(value) && value.every(check));

/**
 * The optional fields a turn reads without checking them: botbuilder fails with a TypeError on a
 * serviceUrl that is not a string, even with "expectReplies", on an odd entity while it removes
 * the bot's mention, and the bot on an odd list of members who joined.
 */
function checkOptionalFields(activity: Record<string, unknown>): void {
  if (activity.text !== undefined && typeof activity.text !== 'string') {
    throw new HttpError(400, 'The activity text must be a string.');
  }
  if (activity.serviceUrl !== undefined && typeof activity.serviceUrl !== 'string') {
    throw new HttpError(400, 'The activity serviceUrl must be a string.');
  }
  if (!isListOf(activity.entities, isEntity)) {
    throw new HttpError(400, 'The activity entities must be a list of objects with a type.');
  }
  if (!isListOf(activity.membersAdded, hasId)) {
    throw new HttpError(400, 'The activity membersAdded must be a list of accounts with an id.');
  }
  const mentions = (activity.entities as { type: string }[] | undefined)?.some(
    (entity) => entity.type.toLowerCase() === 'mention',
  );
  if (activity.type === 'message' && mentions && activity.text === undefined) {
    throw new HttpError(400, 'A message that mentions someone needs its text.');
  }
}

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
  checkOptionalFields(activity);
  return body as Activity;
}
