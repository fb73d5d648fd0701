import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { KnowledgeError } from '../src/knowledgeError';
import { loadKnowledge } from '../src/loadKnowledge';
import {
  concernThreshold,
  crisisThreshold,
  RISK_SPAN,
  riskFeatures,
  riskScore,
  type RiskWords,
} from '../src/riskWords';
import { createSafetyCheck, RISK_WORDS_KIND, type SafetyRule } from '../src/safetyCheck';
import { normalizeForSafety } from '../src/safetyText';
import { editedKnowledge, loadError } from './helpers/editedKnowledge';

const words: RiskWords = {
  weights: new Map([
    ['pill', 9],
    ['tonight', 8],
    ['took_all', 9],
    ['group', -5],
  ]),
  crisisAt: 16,
  concernAt: 8,
};

describe('risk words, the second reading of a message', () => {
  it('reads stems of the words that carry meaning, and every pair of neighbours', () => {
    expect(riskFeatures(normalizeForSafety('I took all the pills'))).toEqual([
      'i',
      'i_took',
      'took',
      'took_all',
      'all',
      'all_the',
      'the_pills',
      'pill',
    ]);
  });

  it('reads an emoji of a means of harm as its word', () => {
    expect(normalizeForSafety('relapsed \u{1F52A} again \u{1FA78}\u{1F48A}')).toBe(
      ' relapsed knife again blood pills ',
    );
  });

  it('reads tears of laughter as "lol"', () => {
    expect(normalizeForSafety("I'm going to kill him \u{1F602}\u{1F923}")).toBe(
      ' im going to kill him lol lol ',
    );
  });

  it('adds up the weights of neighbouring words, which ordinary words around them cannot dilute', () => {
    expect(riskScore(words, normalizeForSafety('the pills tonight'))).toBe(17);
    expect(riskScore(words, normalizeForSafety('the pills tonight, group'))).toBe(17);
    expect(riskScore(words, normalizeForSafety('group group, the pills tonight'))).toBe(17);
    expect(riskScore(words, normalizeForSafety('group, the pills'))).toBe(9);
  });

  it('counts a word once in a run, however often it recurs, as the weights are learnt', () => {
    expect(riskScore(words, normalizeForSafety('pills pills pills'))).toBe(9);
    expect(riskScore(words, normalizeForSafety('pills, tonight, pills, tonight'))).toBe(17);
    const apart = `pills ${'and then we '.repeat(RISK_SPAN / 2)} pills`;
    expect(riskScore(words, normalizeForSafety(`${apart} tonight`))).toBe(17);
  });

  it(`reads runs of ${RISK_SPAN} words, so words far apart do not add up`, () => {
    const apart = `the pills ${'and then we '.repeat(RISK_SPAN / 2)} tonight`;
    expect(riskScore(words, normalizeForSafety(apart))).toBe(9);
  });

  it('gives the crisis reply past crisisAt and the reminder past concernAt, where no rule decides', () => {
    const past: SafetyRule = { level: 'concern', kind: 'past-attempt', pattern: / years ago / };
    const mention: SafetyRule = { level: 'concern', kind: 'mentions-risk', pattern: / pills / };
    const crisisRule: SafetyRule = { level: 'crisis', kind: 'suicide', pattern: / kill myself / };
    const check = createSafetyCheck({
      ignore: [],
      rules: [crisisRule, past, mention],
      riskWords: words,
    });
    expect(check('the pills, tonight')).toEqual({ level: 'crisis', kind: RISK_WORDS_KIND });
    expect(check('the pills')).toEqual({ level: 'concern', kind: 'mentions-risk' });
    expect(check('the pill')).toEqual({ level: 'concern', kind: RISK_WORDS_KIND });
    expect(check('how long is each session')).toEqual({ level: 'none' });
    expect(check('i want to kill myself')).toEqual({ level: 'crisis', kind: 'suicide' });
    // Risk told as past stays a concern however the words add up.
    expect(check('years ago I took all the pills, tonight')).toEqual({
      level: 'concern',
      kind: 'past-attempt',
    });
  });

  it('asks less of a short message for the crisis reply, and never less than concernAt', () => {
    const short: RiskWords = { ...words, crisisShort: { from: 6, perWord: 2 } };
    expect(crisisThreshold(short, 2)).toBe(10);
    expect(crisisThreshold(short, 9)).toBe(16);
    expect(crisisThreshold(words, 2)).toBe(16);
    const check = createSafetyCheck({ ignore: [], rules: [], riskWords: short });
    // "pills" weighs 9: over one word that is past 8, over two it is under 10.
    expect(check('pills')).toEqual({ level: 'crisis', kind: RISK_WORDS_KIND });
    expect(check('the pills')).toEqual({ level: 'concern', kind: RISK_WORDS_KIND });
    expect(check('we could talk about the pills my doctor gives me')).toEqual({
      level: 'concern',
      kind: RISK_WORDS_KIND,
    });
    const low = createSafetyCheck({
      ignore: [],
      rules: [],
      riskWords: {
        ...words,
        weights: new Map([...words.weights, ['cold', 3]]),
        crisisShort: { from: 1, perWord: 0 },
      },
    });
    expect(low('the pill')).toEqual({ level: 'crisis', kind: RISK_WORDS_KIND });
    expect(low('cold')).toEqual({ level: 'none' });
  });

  it('asks less of a short message for the reminder line', () => {
    const short: RiskWords = {
      ...words,
      weights: new Map([...words.weights, ['cold', 3]]),
      concernShort: { from: 1, perWord: 1 },
    };
    expect(concernThreshold(short, 1)).toBe(2);
    expect(concernThreshold(short, 20)).toBe(8);
    expect(concernThreshold(words, 1)).toBe(8);
    const check = createSafetyCheck({ ignore: [], rules: [], riskWords: short });
    expect(check('cold')).toEqual({ level: 'concern', kind: RISK_WORDS_KIND });
    expect(check('it is a bit cold in the room today')).toEqual({ level: 'none' });
  });
});

describe('the shipped risk words', () => {
  const check = createSafetyCheck(loadKnowledge('knowledge').safety);

  it.each([
    'put aside a stash of my nan’s heart tablets, there’s enough now',
    'wrote letters for my kids and left them on the kitchen table. they’ll understand one day',
    'my stepdad comes into my room at night and says it’s our secret, i’m 13',
  ])('reads risk no single phrase names: "%s"', (text) => {
    expect(check(text).level).toBe('crisis');
  });

  it.each([
    "my boyfriend says he'll come tonight, can he wait outside?",
    'Can my husband join too? He said he would come tomorrow night',
    'Is there parking near the building? My car is old and I drive from the next town.',
  ])('give no crisis reply to an ordinary question about a person\'s life: "%s"', (text) => {
    expect(check(text).level).not.toBe('crisis');
  });

  it('are the ones `npm run safety:words` learns from the labelled messages today', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'risk-words-'));
    cpSync('knowledge', dir, { recursive: true });
    execFileSync(process.execPath, ['dist/src/tools/trainRiskWords.js'], {
      env: { ...process.env, KNOWLEDGE_DIR: dir },
    });
    expect(readFileSync(path.join(dir, 'risk-words.yaml'), 'utf8')).toBe(
      readFileSync('knowledge/risk-words.yaml', 'utf8'),
    );
  }, 120_000);
});

describe('a broken risk-words.yaml', () => {
  const errorOf = (edit: (text: string) => string): KnowledgeError =>
    loadError(editedKnowledge('knowledge', 'risk-words.yaml', edit));
  const lineOf = (text: string, start: string) =>
    text.split('\n').findIndex((line) => line.startsWith(start)) + 1;

  it.each([
    [/crisisAt: [\d.]+/, 'crisisAt: high', /"crisisAt" must be a number/, 'crisisAt:'],
    [
      /concernAt: [\d.]+/,
      'concernAt: 99',
      /"concernAt" must be above 0 and not above "crisisAt"/,
      'concernAt:',
    ],
    [/concernAt: [\d.]+/, 'concernAt: 0', /"concernAt" must be above 0/, 'concernAt:'],
    [
      /crisisFrom: [\d.]+/,
      'crisisFrom: 99',
      /"crisisFrom" must be above 0 and not above/,
      'crisisFrom:',
    ],
    [
      /crisisPerWord: [\d.]+/,
      'crisisPerWord: -1',
      /"crisisPerWord" must not be below 0/,
      'crisisPerWord:',
    ],
    [
      /crisisPerWord: [\d.]+/,
      'crisisPerWord: some',
      /"crisisPerWord" must be a number/,
      'crisisPerWord:',
    ],
    [
      /concernFrom: [\d.]+/,
      'concernFrom: 7',
      /"concernFrom" must be above 0 and not above "concernAt"/,
      'concernFrom:',
    ],
    ['weights:\n  "', 'weights:\n  "7.7": "to-day"\n  "', /"to-day" is not a word/, '  "7.7"'],
    [
      'weights:\n  "',
      'weights:\n  "7.7": "ok ok_to_go"\n  "',
      /"ok_to_go" is not a word/,
      '  "7.7"',
    ],
    ['weights:\n  "', 'weights:\n  "7.7": "_ok"\n  "', /"_ok" is not a word/, '  "7.7"'],
    [
      'weights:\n  "',
      'weights:\n  "7.7": "zzq"\n  "7.6": "zzq"\n  "',
      /"zzq" has two weights/,
      '  "7.6"',
    ],
    ['  known: >-\n    ', '  known: >-\n    Hello ', /"spelling.known" holds "Hello"/, '  known:'],
  ])('names its file and line: %s → %s', (find, replace, problem, lineStart) => {
    let edited = '';
    const err = errorOf((text) => (edited = text.replace(find, replace)));
    expect(err.message).toMatch(problem);
    expect(err.file).toMatch(/risk-words\.yaml$/);
    expect(err.line).toBe(lineOf(edited, lineStart));
  });
});
