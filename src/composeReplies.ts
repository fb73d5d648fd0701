import type { Knowledge } from './knowledge';
import type { Risk } from './safetyCheck';
import type { SmallTalkKind } from './smallTalk';
import { NONE_OF_THESE, type Choice, type Reply } from './reply';

/** The menu word. Carriers act on HELP, STOP and the like themselves, so never ask for those. */
export const MENU_WORD = 'topics';
/** Who else may keep a copy of the messages, so that the notice never claims nothing is stored. */
const CHANNEL_COPIES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    sms: 'your mobile carrier and our text-messaging provider keep copies of text messages',
    msteams: 'your organisation may keep a copy of Teams chats',
    webchat: 'the chat service that carries these messages may keep them for up to 24 hours',
    directline: 'the chat service that carries these messages may keep them for up to 24 hours',
    default: 'the messaging service you use may keep a copy',
  }),
);
const WELCOME_TOPICS = ['what-is-group', 'how-it-works', 'confidentiality', 'how-long'];

export interface Replies {
  answer(entryId: string, score?: number): Reply;
  clarify(entryIds: readonly string[], score: number): Reply;
  fallback(score?: number): Reply;
  noneOfThese(): Reply;
  /** For requests for clinical advice: never an FAQ answer. */
  clinical(): Reply;
  smallTalk(kind: SmallTalkKind): Reply;
  welcome(channelId: string): Reply;
  crisis(risk: Risk): Reply;
  /** The one line every reply carries once a conversation has had a crisis reply. */
  reminder(): string;
  /** The notice every conversation gets once: what this bot is, and what it is not. */
  notice(channelId: string): string;
}

export function createReplies(knowledge: Knowledge): Replies {
  const { practice, resources, byId, entries } = knowledge;
  const choice = (id: string): Choice => ({ value: id, label: byId.get(id)?.label ?? id });
  const contact = `You can reach ${practice.therapistName} at ${practice.phone} or ${practice.email}, or visit ${practice.website}.`;
  const topics = entries.filter((e) => !/^suggestion-\d+$/.test(e.id)).map((e) => choice(e.id));
  const fallbackText = `I'm sorry, I can't answer that here. I only know ${practice.therapistName}'s FAQ about joining a therapy group. ${contact} Type "${MENU_WORD}" to see what I can answer.`;
  const plain = (outcome: Reply['outcome'], text: string, score?: number): Reply => ({
    outcome,
    messages: [text],
    choices: [],
    ...(score === undefined ? {} : { score }),
  });
  const SMALL_TALK: Record<SmallTalkKind, () => Reply> = {
    greeting: () =>
      plain(
        'smalltalk',
        `Hello! Ask me anything about joining one of ${practice.practiceName}'s therapy groups, or type "${MENU_WORD}" to see what I can answer.`,
      ),
    thanks: () =>
      plain(
        'smalltalk',
        "You're welcome. Is there anything else you'd like to know about the groups?",
      ),
    goodbye: () =>
      plain('smalltalk', `Take care. If you'd like to talk about joining a group, ${contact}`),
    identity: () =>
      plain(
        'smalltalk',
        `I'm an automated FAQ, not a person. I answer with ${practice.therapistName}'s own written FAQ about group therapy. To talk with a person: ${contact}`,
      ),
    acknowledgement: () =>
      plain(
        'smalltalk',
        `Is there anything else you'd like to know about the groups? Type "${MENU_WORD}" to see what I can answer.`,
      ),
    help: () => ({
      outcome: 'smalltalk',
      messages: [],
      prompt: 'Here is what I can answer. Pick a topic, or type your own question.',
      choices: topics,
    }),
  };
  const crisisText = resources.crisisReply
    .replace(/\{therapistName\}/g, practice.therapistName)
    .replace(/\{phone\}/g, practice.phone);
  const notice = (channelId: string): string =>
    `Please note: I'm an automated FAQ that answers with ${practice.therapistName}'s own FAQ text. I can't give therapy advice, and no one watches this chat, so it is not for emergencies: if you are in danger, call ${resources.emergency}. ${resources.crisisLines[0] ?? ''}. This bot keeps no transcript, but ${CHANNEL_COPIES.get(channelId) ?? CHANNEL_COPIES.get('default') ?? ''}. Privacy notice: ${practice.privacyUrl}`;
  return {
    answer: (entryId, score) => {
      const entry = byId.get(entryId);
      if (!entry) return plain('fallback', fallbackText);
      return {
        outcome: 'answer',
        entryId,
        ...(score === undefined ? {} : { score }),
        messages: [entry.answer],
        ...(entry.followUps.length > 0 ? { prompt: 'Related topics:' } : {}),
        choices: entry.followUps.map(choice),
      };
    },
    clarify: (entryIds, score) => ({
      outcome: 'clarify',
      score,
      messages: [],
      prompt: 'I want to be sure I give you the right answer. Did you mean one of these?',
      choices: [...entryIds.map(choice), { value: NONE_OF_THESE, label: 'None of these' }],
    }),
    fallback: (score) => plain('fallback', fallbackText, score),
    noneOfThese: () => plain('choice-none', fallbackText),
    clinical: () =>
      plain(
        'clinical',
        `I'm sorry, I can't give advice about medication, diagnosis or treatment. Please talk it over with ${practice.therapistName} or your own doctor. ${contact}`,
      ),
    smallTalk: (kind) => SMALL_TALK[kind](),
    welcome: (channelId) => ({
      outcome: 'welcome',
      messages: [
        `Hello! I answer common questions about joining one of ${practice.practiceName}'s interpersonal therapy groups.`,
        notice(channelId),
      ],
      prompt: `Ask me a question, or pick a topic. Type "${MENU_WORD}" at any time to see everything I can answer.`,
      choices: WELCOME_TOPICS.filter((id) => byId.has(id)).map(choice),
    }),
    notice,
    crisis: (risk) => ({ outcome: 'crisis', messages: [crisisText], choices: [], risk }),
    reminder: () => resources.reminder,
  };
}
