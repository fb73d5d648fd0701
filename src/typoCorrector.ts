import Fuse from 'fuse.js';

export type TypoCorrector = (word: string) => string | undefined;

const MIN_WORD_LENGTH = 4;
const CACHE_LIMIT = 5000;

/**
 * Maps a misspelt word to the closest word the knowledge base knows. fuse.js is fast on short
 * strings, so it searches single words, bucketed by first letter, never whole phrases.
 */
export function createTypoCorrector(vocabulary: Iterable<string>): TypoCorrector {
  const buckets = new Map<string, string[]>();
  for (const word of vocabulary) {
    if (word.length < MIN_WORD_LENGTH) continue;
    const bucket = buckets.get(word[0] ?? '') ?? [];
    bucket.push(word);
    buckets.set(word[0] ?? '', bucket);
  }
  const indexes = new Map<string, Fuse<string>>();
  for (const [letter, words] of buckets) {
    indexes.set(
      letter,
      new Fuse(words, { includeScore: true, threshold: 0.34, ignoreLocation: true }),
    );
  }
  const cache = new Map<string, string | undefined>();
  return (word) => {
    if (word.length < MIN_WORD_LENGTH || /\d/.test(word)) return undefined;
    if (cache.has(word)) return cache.get(word);
    const [best] = indexes.get(word[0] ?? '')?.search(word, { limit: 1 }) ?? [];
    const lengthGap = best ? Math.abs(best.item.length - word.length) : 99;
    const corrected = best && lengthGap <= 2 ? best.item : undefined;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, corrected);
    return corrected;
  };
}
