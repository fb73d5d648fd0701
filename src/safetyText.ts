/** The safety check reads this much of a message: more than any channel delivers in one. */
export const SAFETY_TEXT_LIMIT = 30_000;

/**
 * Lowercase, unaccented text without apostrophes ("dont", "im"), every other mark a space, and a
 * space at each end so that patterns can anchor on whole words.
 */
export function normalizeForSafety(text: string): string {
  const words = text
    .slice(0, SAFETY_TEXT_LIMIT)
    .replace(/<at>[^<]{0,200}<\/at>/gi, ' ')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return ` ${words} `;
}

/** A message folded as above, with the ordinary idioms of safety.yaml ("kill time") blanked out. */
export function foldForSafety(text: string, idioms: readonly RegExp[]): string {
  let folded = normalizeForSafety(text);
  for (const idiom of idioms) folded = folded.replace(idiom, ' ');
  return folded;
}
