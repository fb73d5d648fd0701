/** The longest prefix of a message that matching reads; the safety check reads the whole text. */
export const MATCH_PREFIX_LENGTH = 600;

const CONTRACTIONS: Readonly<Record<string, string>> = {
  re: 'are',
  m: 'am',
  ve: 'have',
  ll: 'will',
  d: 'would',
};

/** Lowercase, unaccented, straight-quoted text with single spaces and no punctuation. */
export function normalizeText(text: string): string {
  // A Teams @mention the channel left in the text names someone; it asks nothing.
  const bounded = text.slice(0, MATCH_PREFIX_LENGTH);
  const prefix = bounded.includes('<') ? bounded.replace(/<at>[^<]{0,200}<\/at>/gi, ' ') : bounded;
  // Most messages are plain ASCII; only the others pay for Unicode decomposition and classes.
  const ascii = /^[\t\n\r\x20-\x7e]*$/.test(prefix);
  const lower = (ascii ? prefix : prefix.normalize('NFKD').replace(/\p{M}+/gu, '')).toLowerCase();
  // Every step but the last reads apostrophes; most text has none.
  if (!/['’‘`´]/.test(lower))
    return lower.replace(ascii ? /[^a-z0-9]+/g : /[^\p{L}\p{N}]+/gu, ' ').trim();
  return lower
    .replace(/[’‘`´]/g, "'")
    .replace(/\b(can|won)'t\b/g, (_, w: string) => (w === 'can' ? 'can not' : 'will not'))
    .replace(/n't\b/g, ' not')
    .replace(/'(re|m|ve|ll|d)\b/g, (_, s: string) => ` ${CONTRACTIONS[s] ?? ''}`)
    .replace(/'s\b/g, '')
    .replace(ascii ? /[^a-z0-9']+/g : /[^\p{L}\p{N}']+/gu, ' ')
    .replace(/'/g, '')
    .trim();
}
