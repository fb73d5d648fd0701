import fc from 'fast-check';
import { ALPHA, createTopicModel, TEMPERATURE } from '../src/topicModel';

type Phrasing = { entry: number; stems: string[] };

/** Naive Bayes the long way: every entry, every feature, no postings. */
function reference(phrasings: Phrasing[], stems: string[], entries: number[]): number[] {
  const featuresOf = (s: string[]): Set<string> =>
    new Set([...s, ...s.slice(1).map((w, i) => `${s[i]} ${w}`)]);
  const uses = new Map<number, Map<string, number>>();
  const vocabulary = new Set<string>();
  for (const p of phrasings) {
    const own = uses.get(p.entry) ?? new Map<string, number>();
    for (const f of featuresOf(p.stems)) {
      own.set(f, (own.get(f) ?? 0) + 1);
      vocabulary.add(f);
    }
    uses.set(p.entry, own);
  }
  const asked = [...featuresOf(stems)].filter((f) => vocabulary.has(f));
  const z = entries.map((entry) => {
    const own = uses.get(entry) ?? new Map<string, number>();
    const total = [...own.values()].reduce((a, b) => a + b, 0);
    const logP = asked.reduce(
      (sum, f) => sum + Math.log(((own.get(f) ?? 0) + ALPHA) / (total + ALPHA * vocabulary.size)),
      0,
    );
    return logP / TEMPERATURE;
  });
  const most = Math.max(...z);
  const sum = z.reduce((a, v) => a + Math.exp(v - most), 0);
  return z.map((v) => Math.exp(v - most) / sum);
}

const toy: Phrasing[] = [
  { entry: 0, stems: ['long', 'stay'] },
  { entry: 0, stems: ['long', 'stay', 'group'] },
  { entry: 0, stems: ['month', 'year', 'commit'] },
  { entry: 1, stems: ['long', 'session'] },
  { entry: 1, stems: ['minut', 'meet'] },
  { entry: 2, stems: ['share', 'talk'] },
  { entry: 2, stems: ['cri', 'front', 'peopl'] },
];

describe('the topic model', () => {
  const model = createTopicModel(toy);

  it.each([
    [['long', 'stay'], 0],
    [['long', 'session'], 1],
    // No one phrasing holds these together; the entry's phrasings do between them.
    [['commit', 'year', 'stay', 'group'], 0],
    [['talk', 'cri', 'front'], 2],
  ])('reads %j as entry %i', (stems, expected) => {
    const p = model(stems, [0, 1, 2]);
    expect(p.indexOf(Math.max(...p))).toBe(expected);
  });

  it('weighs a pair of neighbouring stems: "long session" leans further than "session long"', () => {
    const [, inOrder] = model(['long', 'session'], [0, 1]);
    const [, reversed] = model(['session', 'long'], [0, 1]);
    expect(inOrder).toBeGreaterThan(reversed ?? 1);
  });

  it('gives every entry the same chance when it knows none of the words', () => {
    expect(model(['zebra', 'quux'], [0, 1, 2])).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it('scores an entry no phrasing names as one with no words of its own', () => {
    const [known, unnamed] = model(['long', 'stay'], [0, 99]);
    expect(known).toBeGreaterThan(unnamed ?? 1);
    expect((known ?? 0) + (unnamed ?? 0)).toBeCloseTo(1, 12);
  });

  it('gives even chances, never NaN, when it has learnt nothing', () => {
    expect(createTopicModel([])(['long'], [0, 1])).toEqual([0.5, 0.5]);
    expect(createTopicModel([{ entry: 0, stems: [] }])([], [0])).toEqual([1]);
  });

  it('compares only the entries it is given, in their order', () => {
    const [a, b] = model(['share', 'talk'], [2, 1]);
    expect(a).toBeGreaterThan(0.5);
    expect((a ?? 0) + (b ?? 0)).toBeCloseTo(1, 12);
  });

  it('agrees with naive Bayes worked the long way, also for words hundreds of entries use', () => {
    // Every entry uses "group", so that word's entries are looked up rather than walked.
    const many: Phrasing[] = Array.from({ length: 300 }, (_, entry) => [
      { entry, stems: ['group', `topic${entry}`, 'talk'] },
      { entry, stems: [`topic${entry}`, entry % 3 === 0 ? 'share' : 'stay', 'group'] },
    ]).flat();
    const big = createTopicModel(many);
    const words = ['group', 'talk', 'share', 'stay', 'unknown', 'topic7', 'topic42', 'topic299'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words), { minLength: 0, maxLength: 8 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 299 }), { minLength: 1, maxLength: 20 }),
        (stems, entries) => {
          const got = big(stems, entries);
          reference(many, stems, entries).forEach((p, i) => expect(got[i]).toBeCloseTo(p, 6));
        },
      ),
      { seed: 20261127, numRuns: 200 },
    );
  });
});
