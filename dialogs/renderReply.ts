import { ActionTypes, MessageFactory, type Activity, type Attachment } from 'botbuilder';
import { ChoiceFactory, type Choice as SdkChoice } from 'botbuilder-dialogs';
import type { Reply } from '../src/reply';
import { splitForSms } from '../src/splitMessage';

/** Channels that show plain text only, where Markdown would arrive as junk. */
const PLAIN_TEXT_CHANNELS = new Set(['sms']);
/** Teams shows at most six buttons on a hero card. */
const TEAMS_BUTTONS_PER_CARD = 6;

function message(text: string, channelId: string): Partial<Activity>[] {
  if (PLAIN_TEXT_CHANNELS.has(channelId)) {
    return splitForSms(text).map((part) => ({ ...MessageFactory.text(part), textFormat: 'plain' }));
  }
  // The document's bullets become a Markdown list, so that each item keeps its own line.
  const markdown = text.replace(/^• /gm, '- ');
  return [{ ...MessageFactory.text(markdown), textFormat: 'markdown' }];
}

function choicesFor(channelId: string, reply: Reply): Partial<Activity> {
  const choices: SdkChoice[] = reply.choices.map(({ label }) => ({
    value: label,
    action: { type: ActionTypes.ImBack, title: label, value: label },
  }));
  const prompt = reply.prompt ?? '';
  if (PLAIN_TEXT_CHANNELS.has(channelId)) {
    return { ...ChoiceFactory.list(choices, prompt), textFormat: 'plain' };
  }
  if (channelId !== 'msteams' || choices.length <= TEAMS_BUTTONS_PER_CARD) {
    return ChoiceFactory.forChannel(channelId, choices, prompt);
  }
  const attachments: Attachment[] = [];
  for (let i = 0; i < choices.length; i += TEAMS_BUTTONS_PER_CARD) {
    const card = ChoiceFactory.heroCard(
      choices.slice(i, i + TEAMS_BUTTONS_PER_CARD),
      i === 0 ? prompt : '',
    );
    attachments.push(...(card.attachments ?? []));
  }
  return MessageFactory.list(attachments);
}

/**
 * Renders a reply for one channel: each message on its own, so that Markdown renders (Teams
 * collapses lists inside a card), then the choices as the channel shows them best: suggested
 * actions on Web Chat, hero cards on Teams, a numbered list on SMS.
 */
export function renderReply(
  reply: Reply,
  channelId: string,
  before: readonly string[],
  after: string | undefined,
): Partial<Activity>[] {
  const activities = [...before, ...reply.messages].flatMap((text) => message(text, channelId));
  if (reply.choices.length > 0) activities.push(choicesFor(channelId, reply));
  if (after) activities.push(...message(after, channelId));
  return activities;
}
