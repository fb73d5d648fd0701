import Fuse from 'fuse.js';
import { lettersDropped, slips } from './slips';

export type TypoCorrector = (word: string) => string | undefined;

const MIN_WORD_LENGTH = 4;

/** How many slips a misspelling of this word may hold: one in a short word, two in a longer one. */
const maxSlips = (word: string): number => (word.length <= 5 ? 1 : 2);

const FUSE_OPTIONS = { threshold: 0.34, ignoreLocation: true };

/**
 * Maps a misspelt word to the closest word the knowledge base knows. Its candidates are the known
 * words with the same first letter that it shares a form with when each drops at most one letter:
 * one letter changed, added, dropped or swapped with a neighbour, or one added and another dropped.
 * fuse.js, fast on short strings, ranks those few; a lookup never scans the vocabulary, and nothing
 * a person typed is kept after it.
 */
export function createTypoCorrector(vocabulary: Iterable<string>): TypoCorrector {
  const byForm = new Map<string, string[]>();
  for (const word of new Set(vocabulary)) {
    if (word.length < MIN_WORD_LENGTH) continue;
    for (const form of lettersDropped(word, 1)) {
      const key = `${word[0] ?? ''}${form}`;
      const words = byForm.get(key);
      if (words) words.push(word);
      else byForm.set(key, [word]);
    }
  }
  const ranker = new Fuse<string>([], FUSE_OPTIONS);
  return (word) => {
    if (word.length < MIN_WORD_LENGTH || /\d/.test(word)) return undefined;
    const first = word[0] ?? '';
    let candidates: string[] = [];
    for (const form of lettersDropped(word, 1)) {
      const known = byForm.get(first + form);
      if (known) candidates = candidates.concat(known);
    }
    if (candidates.length === 0) return undefined;
    const unique = [...new Set(candidates)];
    let best = unique[0];
    if (unique.length > 1) {
      ranker.setCollection(unique);
      best = ranker.search(word, { limit: 1 })[0]?.item;
    }
    return best !== undefined && slips(word, best, maxSlips(word)) <= maxSlips(word)
      ? best
      : undefined;
  };
}
