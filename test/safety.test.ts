import type { Activity } from 'botbuilder';
import { createTestBot, entry, knowledge, untilDidYouMean } from './helpers/testBot';

const crisisReply = knowledge.resources.crisisReply
  .replace('{therapistName}', knowledge.practice.therapistName)
  .replace('{phone}', knowledge.practice.phone);
const reminder = knowledge.resources.reminder;
const texts = (activities: Partial<Activity>[]) => activities.map((a) => a.text ?? '');

describe('safety before everything', () => {
  it('keeps the US crisis reply within one short SMS, with every resource the issue names', () => {
    expect(crisisReply.length).toBeLessThan(320);
    for (const part of [
      'automated FAQ',
      "can't help in an emergency",
      '911',
      'Call or text 988',
      '988lifeline.org',
      'text HOME to',
      '741741',
      knowledge.practice.phone,
    ]) {
      expect(crisisReply).toContain(part);
    }
  });

  it.each(['webchat', 'directline', 'msteams', 'sms', 'emulator'])(
    'on %s, answers risk inside an ordinary question with the crisis reply first, and no FAQ answer',
    async (channel) => {
      const { adapter, log } = createTestBot(channel);
      await adapter.send("I've been thinking of killing myself, would group help?").startTest();
      const sent = texts(adapter.activeQueue);
      expect(sent[0]).toBe(crisisReply);
      expect(sent.some((t) => t.includes('Interpersonal'))).toBe(false);
      expect(log.lines.find((l) => l.msg === 'turn')).toMatchObject({
        outcome: 'crisis',
        risk: 'crisis',
        riskKind: 'suicide',
      });
    },
  );

  it('never lets a pending "did you mean" read a crisis as a choice', async () => {
    const { adapter } = createTestBot();
    await untilDidYouMean(adapter)
      .send('i want to kill myself, 1 more day and I am done')
      .assertReply(crisisReply)
      .send('1')
      .assertReply((a) => expect(a.text).not.toBe(entry('forced-to-share').answer))
      .startTest();
  });

  it('reads the whole message, not only the prefix used for matching', async () => {
    const { adapter } = createTestBot();
    const long = `${'I have a few questions about the group. '.repeat(500)} honestly I just want to end my life`;
    expect(long.length).toBeGreaterThan(20_000);
    await adapter.send(long).assertReply(crisisReply).startTest();
  });

  it('keeps a one-line reminder on every later reply, whatever the person says next', async () => {
    const { adapter } = createTestBot('sms');
    await adapter.send('no one would notice if I disappeared').startTest();
    for (const next of ['you misunderstood', 'no', "I'm fine", 'how long is each session']) {
      adapter.activeQueue.splice(0);
      await adapter.send(next).startTest();
      expect(texts(adapter.activeQueue).at(-1)).toBe(reminder);
    }
  });

  it('gives the crisis reply ahead of the notice on a first message', async () => {
    const { adapter } = createTestBot();
    await adapter
      .send('the pills are right in front of me')
      .assertReply(crisisReply)
      .assertReply((a) => expect(a.text).toMatch(/^Please note/))
      .startTest();
  });

  it.each([
    'my boss is killing me with deadlines, how long is each session',
    'I need to kill time before group',
    "I'm dying to know how long sessions are",
  ])('treats the idiom in "%s" as no alarm', async (text) => {
    const { adapter } = createTestBot();
    await adapter.send(text).startTest();
    expect(texts(adapter.activeQueue)).not.toContain(crisisReply);
  });

  it('answers a borderline message and adds the reminder', async () => {
    const { adapter } = createTestBot();
    await adapter
      .send(
        'I used to self-harm years ago but I am doing well now. will what I say in group stay confidential?',
      )
      .startTest();
    const sent = texts(adapter.activeQueue);
    expect(sent).not.toContain(crisisReply);
    expect(sent).toContain(entry('confidentiality').answer);
    expect(sent.at(-1)).toBe(reminder);
  });
});
