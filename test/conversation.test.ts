import type { Activity } from 'botbuilder';
import { createTestBot, entry, knowledge, untilDidYouMean } from './helpers/testBot';

const titles = (activity: Partial<Activity>) =>
  activity.suggestedActions?.actions.map((a) => a.title);

describe('a conversation with the bot', () => {
  it('greets a person who joins once, with the notice, and offers topics they can pick by number', async () => {
    const { adapter } = createTestBot();
    await adapter
      .send({ type: 'conversationUpdate', membersAdded: [{ id: 'user-1', name: 'Visitor' }] })
      .assertReply((a) => expect(a.text).toMatch(/^Hello!/))
      .assertReply((a) => expect(a.text).toMatch(/^Please note: I'm an automated FAQ/))
      .assertReply((a) => expect(titles(a)).toContain('Confidentiality'))
      .send({ type: 'conversationUpdate', membersAdded: [{ id: 'user-1', name: 'Visitor' }] })
      .send('3')
      .assertReply(entry('confidentiality').answer)
      .startTest();
  });

  it('answers, then lets a follow-up be picked by its label', async () => {
    const { adapter } = createTestBot();
    await adapter
      .send('what does paying attention to my thoughts do')
      .assertReply((a) => expect(a.text).toMatch(/^Please note/))
      .assertReply(entry('why-pay-attention').answer)
      .assertReply((a) => expect(titles(a)).toEqual(['Example: Sam', 'Example: Jane']))
      .send('Example: Jane')
      .assertReply(entry('example-jane').answer)
      .startTest();
  });

  it('clarifies a close call, and a number picks the choice', async () => {
    const { adapter } = createTestBot();
    let offered: string[] = [];
    await adapter
      .send('hi')
      .assertReply(() => undefined)
      .assertReply(() => undefined)
      .send('sharing feedback')
      .assertReply((a) => {
        expect(a.text).toMatch(/Did you mean/);
        offered = titles(a) ?? [];
        expect(offered.at(-1)).toBe('None of these');
      })
      .send('1')
      .assertReply((a) => expect(a.text).toBe(entry(idOfLabel(offered[0])).answer))
      .startTest();
  });

  it('treats a new question after "did you mean" as a question, never as a choice', async () => {
    const { adapter } = createTestBot();
    await untilDidYouMean(adapter)
      .send('I have 2 kids, can I still join?')
      .assertReply((a) => expect(a.text).not.toBe(entry('forced-to-share').answer))
      .startTest();
  });

  it('gives the fallback when none of the choices is right', async () => {
    const { adapter } = createTestBot();
    await untilDidYouMean(adapter)
      .send('None of these')
      .assertReply((a) => expect(a.text).toMatch(/I can't answer that here/))
      .startTest();
  });

  it('strips the Teams @mention before matching', async () => {
    const { adapter } = createTestBot('msteams');
    const mention = {
      type: 'mention',
      text: '<at>Group FAQ</at>',
      mentioned: { id: 'bot', name: 'Group FAQ' },
    };
    await adapter
      .send({
        type: 'message',
        text: '<at>Group FAQ</at> how long is each session',
        entities: [mention],
      })
      .assertReply((a) => expect(a.text).toMatch(/^Please note/))
      .assertReply(entry('what-is-group').answer)
      .startTest();
  });

  it('reads past an @mention Teams left untagged, or one of someone else', async () => {
    for (const text of [
      '<at>FAQ Bot</at> how long is each session',
      'how long is each session <at>Sam Jones</at>',
    ]) {
      const { adapter } = createTestBot('msteams');
      await adapter
        .send({ type: 'message', text })
        .assertReply((a) => expect(a.text).toMatch(/^Please note/))
        .assertReply(entry('what-is-group').answer)
        .startTest();
    }
  });

  it('lists choices as numbered text on SMS, and "2" picks the second', async () => {
    const { adapter } = createTestBot('sms');
    await adapter
      .send('topics')
      .assertReply((a) => expect(a.text).toMatch(/^Please note/))
      .assertReply((a) => {
        expect(a.suggestedActions).toBeUndefined();
        expect(a.text).toMatch(/1\. Vs\. support groups/);
        expect(a.text).toMatch(/2\. What is group\?/);
      })
      .send('2')
      .assertReply(entry('what-is-group').answer)
      .startTest();
  });

  it('says plainly that it is an automated FAQ when asked', async () => {
    const { adapter } = createTestBot();
    await adapter
      .send('are you a real person?')
      .assertReply(() => undefined)
      .assertReply((a) => expect(a.text).toMatch(/^I'm an automated FAQ, not a person\./))
      .startTest();
  });

  it('lists what it can answer for "help", "menu" and "topics"', async () => {
    for (const word of ['help', 'menu', 'topics']) {
      const { adapter } = createTestBot();
      await adapter
        .send(word)
        .assertReply(() => undefined)
        .assertReply((a) =>
          expect(titles(a)).toEqual(expect.arrayContaining(['How it works', 'Ten suggestions'])),
        )
        .startTest();
    }
  });

  it('logs one line per turn with the outcome, the entry, the score and the time', async () => {
    const { adapter, log } = createTestBot();
    await adapter.send('how long is each session').startTest();
    const [turn] = log.lines.filter((l) => l.msg === 'turn');
    expect(turn).toMatchObject({
      outcome: 'answer',
      entryId: 'what-is-group',
      channel: 'webchat',
    });
    expect(turn?.score).toBeGreaterThan(0.9);
    expect(typeof turn?.ms).toBe('number');
  });

  it('never logs the words typed, or the raw conversation id', async () => {
    const { adapter, log } = createTestBot();
    await adapter
      .send('canary-phrase-7d1f how long is each session')
      .send('canary-phrase-7d1f')
      .startTest();
    expect(log.lines.filter((l) => l.msg === 'turn')).toHaveLength(2);
    expect(log.text()).not.toContain('canary-phrase-7d1f');
    expect(log.text()).not.toContain('conversation-webchat');
  });
});

function idOfLabel(label: string | undefined): string {
  return knowledge.entries.find((e) => e.label === label)?.id ?? 'none';
}
