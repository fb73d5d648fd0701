import fc from 'fast-check';
import { loadKnowledge } from '../src/loadKnowledge';
import { createPhraseIndex } from '../src/phraseIndex';
import { splitWords, stem } from '../src/tokens';
import { normalizeText } from '../src/normalizeText';

const knowledge = loadKnowledge('knowledge');
const phrasings = knowledge.entries.flatMap((entry, index) =>
  [entry.question, ...entry.alternates].map((text) => ({
    entry: index,
    stems: splitWords(normalizeText(text)).map(stem),
  })),
);
const index = createPhraseIndex(phrasings);
const vocabulary = [...new Set(phrasings.flatMap((p) => p.stems))].sort();
const query = fc.array(fc.oneof(fc.constantFrom(...vocabulary), fc.constant('zzqx')), {
  minLength: 1,
  maxLength: 30,
});

describe('the phrase index', () => {
  it('ranks the same entries first whatever the limit, best first and ties to the lower entry', () => {
    fc.assert(
      fc.property(query, fc.integer({ min: 1, max: 12 }), (stems, limit) => {
        const all = index.search(stems, 1000);
        expect(index.search(stems, limit)).toEqual(all.slice(0, limit));
        all.slice(1).forEach((hit, i) => {
          const before = all[i];
          expect(
            (before?.score ?? 0) > hit.score ||
              ((before?.score ?? 0) === hit.score && (before?.entry ?? 0) < hit.entry),
          ).toBe(true);
        });
        expect(new Set(all.map((h) => h.entry)).size).toBe(all.length);
      }),
      { seed: 20261127, numRuns: 200 },
    );
  });

  it('leaves nothing of one query behind for the next', () => {
    const asked = ['confidential', 'group'].map(stem);
    const first = index.search(asked, 12);
    expect(first.length).toBeGreaterThan(0);
    index.search(vocabulary.slice(0, 40), 12);
    expect(index.search(asked, 12)).toEqual(first);
  });

  it('gives no hits for a limit of 0 or for words it does not know', () => {
    expect(index.search(['group'], 0)).toEqual([]);
    expect(index.search(['zzqx'], 12)).toEqual([]);
  });
});
