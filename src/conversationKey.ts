import type { Activity } from 'botbuilder';
import type { IdHasher } from './hashId';

/** A conversation's keyed hash: what storage keys, throttling and logs know it by. */
export type ConversationKey = (activity: Pick<Activity, 'channelId' | 'conversation'>) => string;

/**
 * Hashes each activity's conversation once, however many times its turn asks: the throttle, the
 * state load, the state save and the log line all want it. The memo lives as long as the activity.
 */
export function createConversationKey(hashId: IdHasher): ConversationKey {
  const known = new WeakMap<object, string>();
  return (activity) => {
    let key = known.get(activity);
    if (key === undefined) {
      key = hashId(`${activity.channelId}/${activity.conversation?.id ?? ''}`);
      known.set(activity, key);
    }
    return key;
  };
}
