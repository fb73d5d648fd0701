import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import { loadKnowledge } from '../src/loadKnowledge';
import { ruleTriggers } from '../src/ruleTriggers';
import {
  createRuleFilter,
  createSafetyCheck,
  type Risk,
  type SafetyRule,
  type SafetyRules,
} from '../src/safetyCheck';
import { examplesOf } from '../src/safetyExamples';
import { foldForSafety, normalizeForSafety } from '../src/safetyText';

const { safety } = loadKnowledge('knowledge');
const filter = createRuleFilter(safety.rules);
// The rules alone: the risk words read after them are not what this filter is about.
const check = createSafetyCheck({ ignore: safety.ignore, rules: safety.rules });

/** The check without the filter: every rule, in order. */
function readEveryRule({ ignore, rules }: SafetyRules, text: string): Risk {
  const normalized = foldForSafety(text, ignore);
  const hit = rules.find((rule) => rule.pattern.test(normalized));
  return hit ? { level: hit.level, kind: hit.kind } : { level: 'none' };
}

const evalMessages = readdirSync('test/eval')
  .filter((name) => name.endsWith('.yaml'))
  .flatMap((name) =>
    (parse(readFileSync(`test/eval/${name}`, 'utf8')) as { q: string }[]).map((item) => item.q),
  );
const examples = parse(readFileSync('knowledge/safety.yaml', 'utf8')) as Record<
  string,
  unknown
> as Record<'crisis' | 'concern', { examples?: unknown }[]>;
const ruleExamples = [...examples.crisis, ...examples.concern].flatMap((rule) =>
  examplesOf(rule.examples),
);
/** The words the patterns themselves are made of, and the words of real messages. */
const vocabulary = [
  ...new Set(
    [...safety.rules.map((rule) => rule.pattern.source), ...ruleExamples, ...evalMessages]
      .join(' ')
      .toLowerCase()
      .match(/[a-z0-9]+/g),
  ),
];

describe('the safety rule filter', () => {
  it('reads nearly every shipped rule, so a message runs only a few of them', () => {
    const unread = safety.rules.filter((rule) => !ruleTriggers(rule.pattern.source));
    expect(unread.length).toBeLessThanOrEqual(safety.rules.length / 10);
    const sizes = evalMessages.map((q) => filter(normalizeForSafety(q)).length);
    expect(sizes.reduce((a, b) => a + b, 0) / sizes.length).toBeLessThan(safety.rules.length / 4);
  });

  it('hands each rule its own examples', () => {
    safety.rules.forEach((rule, i) => {
      const own = examplesOf([...examples.crisis, ...examples.concern][i]?.examples);
      for (const example of own) expect(filter(normalizeForSafety(example))).toContain(rule);
    });
  });

  it('decides every labelled message exactly as reading every rule does', () => {
    for (const text of [...evalMessages, ...ruleExamples]) {
      expect([text, check(text)]).toEqual([text, readEveryRule(safety, text)]);
    }
  });

  it('decides random messages made of the rules’ own words exactly as reading every rule does', () => {
    const message = fc
      .array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 25 })
      .map((words) => words.join(' '));
    fc.assert(
      fc.property(message, (text) => {
        expect(check(text)).toEqual(readEveryRule(safety, text));
      }),
      { numRuns: 10_000 },
    );
  });

  it.each([
    [' (kill|end) (my ?self|my life)\\b', ['kill', 'end']],
    [' (im |i am )?(so )?done $', ['done']],
    [' (im |i am )?(so )?(done|over) $', ['done', 'over']],
    [' (a |the )?(pills|tablets)', ['pills', 'tablets']],
    [' (un)?alive\\w*', ['un', 'alive']],
    ['^(?=.*? (pills|tablets)\\b)(?=.*? (all|every one)\\b)', ['pills', 'tablets']],
    ['(?:^(?=.*? (rope|noose)\\b)| (hang|hanging) myself)', ['rope', 'noose', 'myself']],
    [' (\\w+ ){0,2}(pills|tablets) (tonight|now)\\b', ['pills', 'tablets']],
    [' suicid\\w* (thoughts|plans)', ['suicid']],
    [' (took|taken) \\d+ (pills|tablets)', ['took', 'taken']],
    [' (i|you) \\d+ (pills|tablets)', ['pills', 'tablets']],
    [
      '^(?!.*? (lol|film)\\b).*?(?: (took|swallowed) all| (pills|tablets) gone)',
      ['took', 'swallowed', 'gone'],
    ],
    ['^(?!.*? lol\\b).*? (pills|tablets) (\\w+ ){0,2}gone', ['gone']],
  ])('reads %s for the words a match needs', (source, words) => {
    expect(ruleTriggers(source)?.map((t) => t.word)).toEqual(words);
  });

  it.each([
    [' (wish ){00,1}death', 'death'],
    [' (kill[\\])(]|foo)', 'foo'],
    [' (a|b){0,2}c\\b', 'c'],
    [' x?(pills|tablets)', 'pills'],
  ])('selects the rule %s for a message it matches: "%s"', (source, text) => {
    const rule: SafetyRule = { level: 'crisis', kind: 'test', pattern: new RegExp(source, 'u') };
    expect(rule.pattern.test(normalizeForSafety(text))).toBe(true);
    expect(createRuleFilter([rule])(normalizeForSafety(text))).toContain(rule);
  });

  it.each(['(kill|end) myself', ' .* myself', ' [a-z]+ myself', ' \\w+', '^(?=.*?pills)'])(
    'leaves a pattern it cannot read for certain to run on every message: %s',
    (source) => {
      expect(ruleTriggers(source)).toBeUndefined();
    },
  );
});
