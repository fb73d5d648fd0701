import Fuse from 'fuse.js';
import { oneLetterIndex, slips } from './slips';

export type TypoCorrector = (word: string) => string | undefined;

const MIN_WORD_LENGTH = 4;

/** How many slips a misspelling of this word may hold: one in a short word, two in a longer one. */
const maxSlips = (word: string): number => (word.length <= 5 ? 1 : 2);

const FUSE_OPTIONS = { threshold: 0.34, ignoreLocation: true };

/**
 * Maps a misspelt word to the closest word the knowledge base knows, with the same first letter.
 * Its candidates share a form with it when each drops at most one letter: one letter changed,
 * added, dropped or swapped with a neighbour, or one added and another dropped. A word one slip
 * away wins, fuse.js ranking those equally close; two slips, allowed in longer words, only where
 * fuse.js also ranks the word first, since a real word the knowledge base lacks is often two slips
 * from one it has. A lookup never scans the vocabulary, and nothing a person typed is kept.
 */
export function createTypoCorrector(vocabulary: Iterable<string>): TypoCorrector {
  const known = [...vocabulary].filter((word) => word.length >= MIN_WORD_LENGTH);
  const near = oneLetterIndex(known, true);
  const longest = Math.max(0, ...known.map((word) => word.length));
  const ranker = new Fuse<string>([], FUSE_OPTIONS);
  const rank = (word: string, words: string[]): string | undefined => {
    if (words.length <= 1) return words[0];
    ranker.setCollection(words);
    return ranker.search(word, { limit: 1 })[0]?.item;
  };
  return (word) => {
    const limit = maxSlips(word);
    // A word longer than any known one by more than its slips has nothing within reach.
    if (word.length < MIN_WORD_LENGTH || word.length > longest + limit || /\d/.test(word)) {
      return undefined;
    }
    const candidates = near(word);
    const oneSlip = [...candidates].filter((candidate) => slips(word, candidate, 1) <= 1);
    if (oneSlip.length > 0) return rank(word, oneSlip) ?? oneSlip[0];
    if (limit < 2) return undefined;
    const best = rank(word, [...candidates]);
    return best !== undefined && slips(word, best, limit) <= limit ? best : undefined;
  };
}
