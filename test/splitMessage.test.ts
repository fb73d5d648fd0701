import { loadKnowledge } from '../src/loadKnowledge';
import { SMS_LIMIT, splitForSms } from '../src/splitMessage';

const knowledge = loadKnowledge('knowledge');
const unlabel = (part: string) => part.replace(/^\(\d+\/\d+\) /, '');

describe('splitting a long answer for SMS', () => {
  const long = knowledge.entries.filter((e) => e.answer.length > SMS_LIMIT);

  it('has answers that need it', () => {
    expect(long.map((e) => e.id)).toEqual(expect.arrayContaining(['example-sam', 'how-it-helps']));
  });

  it.each(long.map((e) => [e.id, e.answer]))(
    'sends %s in labelled parts that each fit one SMS, every word kept in order',
    (_id, answer) => {
      const parts = splitForSms(answer);
      expect(parts.length).toBeGreaterThan(1);
      parts.forEach((part, i) => {
        expect(part.length).toBeLessThanOrEqual(SMS_LIMIT);
        expect(part.startsWith(`(${i + 1}/${parts.length}) `)).toBe(true);
      });
      expect(parts.map(unlabel).join(' ').split(/\s+/)).toEqual(answer.split(/\s+/));
    },
  );

  it('splits at paragraph boundaries when it can', () => {
    const paragraph = 'Word '.repeat(100).trim();
    const parts = splitForSms([paragraph, paragraph, paragraph, paragraph].join('\n\n'));
    expect(parts.map(unlabel)).toEqual([[paragraph, paragraph, paragraph].join('\n\n'), paragraph]);
  });

  it('splits an over-long paragraph at sentence boundaries', () => {
    const sentence = `${'word '.repeat(60).trim()}.`;
    const parts = splitForSms(Array.from({ length: 8 }, () => sentence).join(' '));
    expect(parts).toHaveLength(2);
    for (const part of parts) expect(unlabel(part).endsWith('.')).toBe(true);
  });

  it('leaves a short message alone', () => {
    expect(splitForSms('Short.')).toEqual(['Short.']);
  });
});
