import type { Respeller } from './safetySpelling';

/** The safety check reads this much of a message: more than any channel delivers in one. */
export const SAFETY_TEXT_LIMIT = 30_000;

/**
 * Emoji that stand for a means of harm are read as the word they stand for, and tears of laughter
 * as "lol", so that a joke marked with them ("I'm going to kill him 😂") reads as one marked "lol".
 */
const EMOJI_WORDS: Readonly<Record<string, string>> = {
  '\u{1F602}': 'lol',
  '\u{1F923}': 'lol',
  '\u{1F52A}': 'knife',
  '\u{1F5E1}': 'knife',
  '\u{1FA78}': 'blood',
  '\u{1F48A}': 'pills',
  '\u{1FAA2}': 'rope',
  '\u{1F52B}': 'gun',
  '\u{26B0}': 'coffin',
  '\u{1FAA6}': 'grave',
};
const WORD_EMOJI = new RegExp(`[${Object.keys(EMOJI_WORDS).join('')}]`, 'gu');

/**
 * Lowercase, unaccented text without apostrophes ("dont", "im"), every other mark a space, and a
 * space at each end so that patterns can anchor on whole words.
 */
export function normalizeForSafety(text: string): string {
  const words = text
    .slice(0, SAFETY_TEXT_LIMIT)
    .replace(/<at>[^<]{0,200}<\/at>/gi, ' ')
    .replace(WORD_EMOJI, (emoji) => ` ${EMOJI_WORDS[emoji] ?? ''} `)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return ` ${words} `;
}

/** Folded text with the ordinary idioms of safety.yaml ("kill time") blanked out. */
export function blankIdioms(folded: string, idioms: readonly RegExp[]): string {
  let blanked = folded;
  for (const idiom of idioms) blanked = blanked.replace(idiom, ' ');
  return blanked;
}

/**
 * A message folded as above, its misspelt risk words spelt right (see safetySpelling.ts), and the
 * ordinary idioms blanked out: the reading that risk words are learnt from.
 */
export function foldForSafety(
  text: string,
  idioms: readonly RegExp[],
  respell: Respeller = (folded) => folded,
): string {
  return blankIdioms(respell(normalizeForSafety(text)), idioms);
}
