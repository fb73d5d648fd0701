import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadKnowledge } from '../src/loadKnowledge';
import { expandShared } from '../src/loadSafety';
import { createSafetyCheck } from '../src/safetyCheck';
import { examplesOf } from '../src/safetyExamples';
import { normalizeForSafety } from '../src/safetyText';
import { editedKnowledge, loadError } from './helpers/editedKnowledge';

interface Rule {
  kind?: string;
  pattern: string;
  examples?: unknown;
}

const file = parse(readFileSync('knowledge/safety.yaml', 'utf8')) as Record<
  'ignore' | 'crisis' | 'concern',
  Rule[]
> & { shared?: Record<string, string> };
const shared = new Map(Object.entries(file.shared ?? {}));
const check = createSafetyCheck(loadKnowledge('knowledge').safety);
const examplesOfTier = (rules: Rule[]) =>
  rules.flatMap((rule) =>
    examplesOf(rule.examples).map(
      (example) => [rule.kind ?? 'idiom', example, expandShared(rule.pattern, shared)] as const,
    ),
  );

describe('the safety phrases in knowledge/safety.yaml', () => {
  it('give every rule examples', () => {
    for (const rule of [...file.ignore, ...file.crisis, ...file.concern])
      expect(examplesOf(rule.examples).length).toBeGreaterThan(0);
  });

  it.each(examplesOfTier(file.crisis))(
    'crisis tier (%s): its rule catches "%s"',
    (_kind, example, pattern) => {
      expect(new RegExp(pattern, 'u').test(normalizeForSafety(example))).toBe(true);
      expect(check(example).level).toBe('crisis');
    },
  );

  it.each(examplesOfTier(file.concern))(
    'concern tier (%s): "%s" is answered with a reminder',
    (_kind, example, pattern) => {
      expect(new RegExp(pattern, 'u').test(normalizeForSafety(example))).toBe(true);
      expect(check(example).level).toBe('concern');
    },
  );

  it.each(examplesOfTier(file.ignore))(
    'ignore list (%s): "%s" is no alarm',
    (_kind, example, pattern) => {
      expect(new RegExp(pattern, 'u').test(normalizeForSafety(example))).toBe(true);
      expect(check(example).level).not.toBe('crisis');
    },
  );

  it.each([
    "I don't want to commit to something I can't get out of. If the group isn't for me, what happens?",
    'is it a contract you cant get out of',
    'we walked over the bridge to the park',
    'I walked out of the building and called my mum',
    'stepped off the train and realised I forgot my wallet',
    'I drove over the bridge to get here',
    "I'm stuck in the middle of two friends who aren't speaking",
    'my husband will be out at 4am with the shotgun and the dog for duck season',
    "I'm thinking of cutting my individual sessions down to once a month, is that ok?",
    'been thinking about cutting my therapy appointments to every other week',
    'I broke my duolingo streak lol',
    'back to square one with my essay',
    'how do I hide the burns from cooking on my hands',
    'bye for now, see you at group',
  ])('reads an everyday look-alike as no crisis: "%s"', (text) => {
    expect(check(text).level).not.toBe('crisis');
  });

  it.each([
    "i'm locked in and can't get out",
    "he took my keys and I can't get out of the house",
    'i cant get out of here please help',
    "I'm going to step off the roof",
    "I'll walk in front of a bus",
    'i want to drive off a bridge',
    'thinking about jumping off the bridge tonight',
    'he is outside with a shotgun',
    "I'm thinking of cutting my arms again",
    'thinking about cutting tonight',
    'bye world',
    'i swalowed like 30 paracetemol',
  ])('still reads the risk beside them as a crisis: "%s"', (text) => {
    expect(check(text).level).toBe('crisis');
  });

  it("never raises an alarm on the FAQ's own words, its alternates or the not-covered questions", () => {
    const { entries, notCovered } = loadKnowledge('knowledge');
    const sentences = entries.flatMap((e) => [
      e.question,
      e.label,
      ...e.alternates,
      ...e.answer.split(/(?<=[.!?])\s+/),
    ]);
    const alarms = [...sentences, ...notCovered].filter((text) => check(text).level === 'crisis');
    expect(alarms).toEqual([]);
  });
});

describe('shared pieces of pattern', () => {
  it('are placed where a pattern names them', () => {
    expect(expandShared(' a {{piece}} b {{piece}}', new Map([['piece', '(x|y)']]))).toBe(
      ' a (x|y) b (x|y)',
    );
    const rules = loadKnowledge('knowledge').safety.rules;
    expect(rules.some((rule) => rule.pattern.source.includes('{{'))).toBe(false);
    expect(shared.size).toBeGreaterThan(0);
    for (const piece of shared.values())
      expect(rules.some((rule) => rule.pattern.source.includes(piece))).toBe(true);
  });

  it('stop start-up when a pattern names a piece that "shared" does not define, naming the line', () => {
    let edited = '';
    const err = loadError(
      editedKnowledge('knowledge', 'safety.yaml', (text) => {
        const line = text.split('\n').find((l) => l.includes('{{told-calmly}}')) ?? '';
        edited = text.replace(line, line.replace('{{told-calmly}}', '{{told-calmy}}'));
        return edited;
      }),
    );
    expect(err.message).toMatch(/uses \{\{told-calmy\}\}, which "shared" does not define/);
    expect(err.file).toMatch(/safety\.yaml$/);
    expect(err.line).toBe(edited.split('\n').findIndex((l) => l.includes('{{told-calmy}}')) + 1);
  });

  it('stop start-up on a piece with a bad name, naming its line', () => {
    let edited = '';
    const err = loadError(
      editedKnowledge('knowledge', 'safety.yaml', (text) => {
        edited = text.replace('  told-calmly:', '  Told Calmly:');
        return edited;
      }),
    );
    expect(err.message).toMatch(/shared piece "Told Calmly" must be a lowercase name/);
    expect(err.line).toBe(edited.split('\n').findIndex((l) => l.startsWith('  Told Calmly:')) + 1);
  });
});

describe('the edges of the safety phrases (test/fixtures/safety-edges.yaml)', () => {
  const edges = parse(readFileSync('test/fixtures/safety-edges.yaml', 'utf8')) as Record<
    'atRisk' | 'ordinary',
    string[]
  >;

  it.each(edges.atRisk)('read risk told beside an exclusion\'s words as a crisis: "%s"', (text) => {
    expect(check(text).level).toBe('crisis');
  });

  it.each(edges.ordinary)('leave the look-alike an exclusion is for: "%s"', (text) => {
    expect(check(text).level).not.toBe('crisis');
  });
});
