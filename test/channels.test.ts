import {
  activitiesOf,
  messageActivity,
  post,
  startTestServer,
  type ReplyActivity,
  type TestServer,
} from './helpers/testServer';
import { entry, knowledge } from './helpers/testBot';

const CHANNELS = ['webchat', 'directline', 'msteams', 'sms', 'emulator'] as const;
type Channel = (typeof CHANNELS)[number];

const words = (text: string) =>
  text
    .replace(/^\(\d+\/\d+\) /gm, '')
    .replace(/^[-•] /gm, '')
    .split(/\s+/)
    .filter(Boolean);

/** The choice titles a person sees, however the channel shows them. */
function choicesShown(channel: Channel, activities: ReplyActivity[]): string[] {
  const last = activities.at(-1);
  if (channel === 'sms')
    return [...(last?.text ?? '').matchAll(/^\s*\d+\. (.+)$/gm)].map((m) => m[1] ?? '');
  if (channel === 'msteams')
    return (last?.attachments ?? []).flatMap((a) => a.content.buttons?.map((b) => b.title) ?? []);
  return last?.suggestedActions?.actions.map((a) => a.title) ?? [];
}

describe.each(CHANNELS)('on the %s channel', (channel) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const turn = async (
    text: string,
    conversation = `${channel}-${Math.random()}`,
    extra: Record<string, unknown> = {},
  ) => {
    const teams =
      channel === 'msteams'
        ? {
            text: `<at>Group FAQ</at> ${text}`,
            entities: [
              {
                type: 'mention',
                text: '<at>Group FAQ</at>',
                mentioned: { id: 'bot', name: 'Group FAQ' },
              },
            ],
          }
        : {};
    const result = await post(
      `${server.url}/api/messages`,
      messageActivity(text, {
        channelId: channel,
        conversation: { id: conversation },
        ...teams,
        ...extra,
      }),
    );
    expect(result.status).toBe(200);
    return activitiesOf(result);
  };

  it('shows the welcome with the notice and topics it can pick', async () => {
    const activities = await turn('', undefined, {
      type: 'conversationUpdate',
      text: undefined,
      entities: undefined,
      membersAdded: [{ id: 'user-1' }],
    });
    expect(activities[0]?.text).toMatch(/^Hello!/);
    expect(activities[1]?.text).toMatch(/automated FAQ/);
    expect(choicesShown(channel, activities)).toEqual([
      'What is group?',
      'How it works',
      'Confidentiality',
      'How long to stay',
    ]);
  });

  it('sends a long answer with every vetted word, within what the channel takes', async () => {
    const activities = await turn('tell me the example about sam');
    const answer = activities.filter(
      (a) => a.text && !/^(Please note|Related topics)/.test(a.text),
    );
    const expected = entry('example-sam').answer;
    expect(words(answer.map((a) => a.text ?? '').join('\n'))).toEqual(words(expected));
    if (channel === 'sms') {
      expect(answer.length).toBeGreaterThan(1);
      for (const a of answer) expect(a.text?.length).toBeLessThanOrEqual(1600);
    } else expect(answer).toHaveLength(1);
  });

  it('keeps list items on their own lines', async () => {
    const activities = await turn('why do people join a group like this');
    const text =
      activities.find((a) => a.text?.includes('Having difficulty trusting others'))?.text ?? '';
    const bullet = channel === 'sms' ? '•' : '-';
    expect(text).toContain(
      `\n${bullet} Having difficulty trusting others\n${bullet} Struggling to forge close`,
    );
  });

  it('offers all ten suggestions as follow-ups the channel can show', async () => {
    const activities = await turn('ten suggestions');
    const labels = entry('ten-suggestions').followUps.map((id) => knowledge.byId.get(id)?.label);
    expect(choicesShown(channel, activities)).toEqual(labels);
    if (channel === 'msteams') {
      const cards = activities.at(-1)?.attachments ?? [];
      expect(cards.map((c) => c.content.buttons?.length)).toEqual([6, 4]);
    }
  });

  it('clarifies with choices, then takes a pick the way the channel sends it', async () => {
    const conversation = `${channel}-clarify`;
    const offered = choicesShown(channel, await turn('sharing feedback', conversation));
    expect(offered).toEqual(['Do I have to share?', 'Feedback', 'None of these']);
    const pick = channel === 'sms' ? '2' : 'Feedback';
    const activities = await turn(pick, conversation);
    expect(activities.map((a) => a.text)).toContain(entry('suggestion-7').answer);
  });

  it('gives the fallback with the practice contact details', async () => {
    const activities = await turn('do you take insurance');
    expect(activities.at(-1)?.text).toContain(knowledge.practice.phone);
  });

  it('gives the crisis reply first', async () => {
    const activities = await turn('i want to kill myself');
    expect(activities[0]?.text).toContain('988');
  });

  it('answers small talk', async () => {
    const activities = await turn('thanks!');
    expect(activities.at(-1)?.text).toMatch(/You're welcome/);
  });

  if (channel === 'sms') {
    it('sends plain text only: no cards, buttons or Markdown', async () => {
      for (const text of [
        'ten suggestions',
        'sharing feedback',
        'why do people join a group like this',
      ]) {
        for (const a of await turn(text)) {
          expect(a.attachments ?? []).toEqual([]);
          expect(a.suggestedActions).toBeUndefined();
          expect(a.textFormat ?? 'plain').toBe('plain');
          expect(a.text).not.toMatch(/\*\*|__|^#|^- |<at>|\[.*\]\(/m);
        }
      }
    });

    it('never asks a person to reply with a carrier keyword', async () => {
      const texts = (
        await Promise.all(['help', 'hi', 'do you take insurance', 'feedback'].map((t) => turn(t)))
      )
        .flat()
        .map((a) => a.text ?? '');
      for (const text of texts)
        expect(text).not.toMatch(
          /\b(reply|text|send|type)\s+["“]?(STOP|END|QUIT|CANCEL|UNSUBSCRIBE|HELP)\b/i,
        );
    });
  }
});
