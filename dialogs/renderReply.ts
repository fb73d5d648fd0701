import { ActionTypes, MessageFactory, type Activity } from 'botbuilder';
import { ChoiceFactory } from 'botbuilder-dialogs';
import type { Reply } from '../src/reply';

/** Channels that show plain text only, where Markdown would arrive as junk. */
const PLAIN_TEXT_CHANNELS = new Set(['sms']);

function message(text: string, channelId: string): Partial<Activity> {
  const activity = MessageFactory.text(text);
  activity.textFormat = PLAIN_TEXT_CHANNELS.has(channelId) ? 'plain' : 'markdown';
  return activity;
}

/**
 * Renders a reply for one channel: each message on its own, so that Markdown renders, then the
 * choices as the channel shows them best (suggested actions, a hero card, or a numbered list).
 */
export function renderReply(
  reply: Reply,
  channelId: string,
  before: readonly string[],
  after: string | undefined,
): Partial<Activity>[] {
  const activities = [...before, ...reply.messages].map((text) => message(text, channelId));
  if (reply.choices.length > 0) {
    const choices = reply.choices.map(({ label }) => ({
      value: label,
      action: { type: ActionTypes.ImBack, title: label, value: label },
    }));
    activities.push(ChoiceFactory.forChannel(channelId, choices, reply.prompt ?? ''));
  }
  if (after) activities.push(message(after, channelId));
  return activities;
}
