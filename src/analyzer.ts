import { normalizeText } from './normalizeText';
import { isContentWord, splitWords, stem } from './tokens';

/** Turns text into the stems that matching compares. */
export interface Analyzer {
  /**
   * `correct` may replace a word, given with its stem, that the knowledge base does not know;
   * corrections are reported.
   */
  stems(
    text: string,
    correct?: (word: string, stem: string) => string | undefined,
    corrections?: string[],
  ): string[];
  /** The same, for the knowledge base's own words, already split from normalised text. */
  stemsOfWords(words: readonly string[]): string[];
}

export function createAnalyzer(synonyms: readonly (readonly string[])[]): Analyzer {
  const canonical = new Map<string, string>();
  for (const [first, ...rest] of synonyms) {
    if (first === undefined) continue;
    for (const word of rest) canonical.set(stem(normalizeText(word)), stem(normalizeText(first)));
  }
  // The stems of the knowledge base's own words, kept for reuse: a phrasing's words recur across
  // thousands of phrasings, and most words of a question are among them. Words only a person
  // typed are stemmed and forgotten.
  const known = new Map<string, string>();
  const stemsOfWords = (words: readonly string[]): string[] => {
    const stems: string[] = [];
    for (const word of words) {
      if (!isContentWord(word)) continue;
      let s = known.get(word);
      if (s === undefined) {
        s = stem(word);
        known.set(word, s);
      }
      stems.push(canonical.get(s) ?? s);
    }
    return stems;
  };
  return {
    stemsOfWords,
    stems(text, correct, corrections) {
      const stems: string[] = [];
      for (const word of splitWords(normalizeText(text))) {
        if (!isContentWord(word)) continue;
        const own = known.get(word) ?? stem(word);
        const fixed = correct?.(word, own);
        if (fixed !== undefined && fixed !== word) corrections?.push(`${word}→${fixed}`);
        const s = fixed === undefined ? own : stem(fixed);
        stems.push(canonical.get(s) ?? s);
      }
      return stems;
    },
  };
}
