import { oneLetterIndex, slips } from './slips';

/**
 * People in distress misspell the very words that tell of risk: "my husbnd beats me", "took a
 * hole bottel of pills", "sooside". Before the safety check reads a message, each word that no
 * ordinary message uses is read as the risk word it is one slip from (two, for long words), and
 * short or sound-alike forms listed in safety.yaml ("tuk", "gona") are read as what they stand for.
 * A word people use in ordinary messages is never read as anything else.
 */
export interface SafetySpelling {
  /** Words people are known to use: never read as another word. */
  readonly known: ReadonlySet<string>;
  /** Words that carry risk, strongest first: what a slip is read as. */
  readonly risk: readonly string[];
  /** Short and sound-alike forms, read as the words they stand for ("tuk" as "took"). */
  readonly forms: ReadonlyMap<string, string>;
}

/** A word shorter than this is read as another only through `forms`. */
const MIN_LENGTH = 4;
/** Each of two words run together has at least this many letters. */
const MIN_PART = 2;
/** From this length, a word may be two slips from the risk word it is read as. */
export const TWO_SLIPS_FROM = 7;
const slipsAllowed = (length: number): number =>
  length >= TWO_SLIPS_FROM ? 2 : length >= MIN_LENGTH ? 1 : 0;

const sorted = (word: string) => [...word].sort().join('');
const undoubled = (word: string) => word.replace(/(.)\1/, '$1');

/**
 * How usual a slip from `intended` to `typed` is, as a rank: letters swapped ("blaed" for
 * "blade") or a double letter typed single or twice ("realy", "cutt"), then a letter changed in
 * place ("hert" for "hurt"), then a letter added or dropped.
 */
function likelihood(typed: string, intended: string): number {
  if (sorted(typed) === sorted(intended)) return 3;
  if (undoubled(typed) === intended || undoubled(intended) === typed) return 3;
  return typed.length === intended.length ? 2 : 1;
}

/** Whether one list of numbers sorts before another, the first difference deciding. */
function before(a: readonly number[], b: readonly number[]): boolean {
  const i = a.findIndex((n, j) => n !== b[j]);
  return i >= 0 && (a[i] ?? 0) < (b[i] ?? 0);
}

/** Reads folded text (see safetyText.ts) with its misspelt risk words spelt right. */
export type Respeller = (folded: string) => string;

export function createRespeller(spelling: SafetySpelling): Respeller {
  // A slip of one letter is found through the forms each risk word takes with one letter dropped,
  // whatever its first letter; two slips keep the first letter, so those candidates are the risk
  // words with the same first letter and a length within two. Either way a misspelling is compared
  // only with the few words it could be, and nothing is built that costs much at start-up.
  const near = oneLetterIndex(spelling.risk, false);
  const byStart = new Map<string, string[]>();
  for (const word of spelling.risk) {
    const start = `${word[0] ?? ''}${word.length}`;
    byStart.set(start, [...(byStart.get(start) ?? []), word]);
  }
  const rank = new Map(spelling.risk.map((word, i) => [word, i]));
  const risky = (word: string) => rank.has(word);
  const known = (word: string) =>
    spelling.known.has(word) || spelling.forms.has(word) || risky(word);

  /**
   * The risk word `word` is closest to, within the slips its length allows, if any: the fewest
   * slips, then the likelier slip, then the stronger word.
   */
  const longest = Math.max(0, ...spelling.risk.map((word) => word.length));
  const closest = (word: string): string | undefined => {
    const limit = slipsAllowed(word.length);
    // No risk word is within reach of a longer word, and a very long one costs much to take apart.
    if (word.length > longest + limit) return undefined;
    let best: { word: string; order: readonly number[] } | undefined;
    const consider = (candidate: string): void => {
      // Two slips only where the first letter holds: "sucidie", not "seaside".
      const allowed = candidate[0] === word[0] ? limit : Math.min(limit, 1);
      const d = slips(word, candidate, allowed);
      if (d > allowed) return;
      const order = [d, -likelihood(word, candidate), rank.get(candidate) ?? 0];
      if (!best || before(order, best.order)) best = { word: candidate, order };
    };
    near(word).forEach(consider);
    if (limit > 1) {
      for (let length = word.length - limit; length <= word.length + limit; length += 1) {
        byStart.get(`${word[0] ?? ''}${length}`)?.forEach(consider);
      }
    }
    return best?.word;
  };

  // Both parts of a split are known words, so each is at most this long: a longer message of one
  // "word" (a pasted string, a key held down) is never taken apart letter by letter.
  let longestKnown = 0;
  for (const words of [spelling.known, spelling.forms.keys(), spelling.risk]) {
    for (const word of words) longestKnown = Math.max(longestKnown, word.length);
  }
  /** Two known words run together, one of them a risk word: "killmyself", "dontwant". */
  const split = (word: string): string | undefined => {
    const from = Math.max(MIN_PART, word.length - longestKnown);
    const to = Math.min(word.length - MIN_PART, longestKnown);
    for (let i = from; i <= to; i += 1) {
      const [left, right] = [word.slice(0, i), word.slice(i)];
      if (known(left) && known(right) && (risky(left) || risky(right) || risky(read(left)))) {
        return `${read(left)} ${read(right)}`;
      }
    }
    return undefined;
  };

  const read = (word: string): string => spelling.forms.get(word) ?? word;

  const respell = (word: string): string => {
    const form = spelling.forms.get(word);
    if (form !== undefined) return form;
    if (word.length < MIN_LENGTH || spelling.known.has(word) || /\d/.test(word)) return word;
    // A dropped g ("comin", "sittin") first, then two words run together, then a slip.
    const dropped = word.endsWith('in') && spelling.known.has(`${word}g`) ? `${word}g` : undefined;
    return dropped ?? split(word) ?? closest(word) ?? word;
  };

  return (folded) => {
    let changed = false;
    // A word that recurs in the message is read once; nothing is kept after the message.
    const readAs = new Map<string, string>();
    const words = folded.split(' ').map((word) => {
      if (word === '') return word;
      let spelt = readAs.get(word);
      if (spelt === undefined) {
        spelt = respell(word);
        readAs.set(word, spelt);
      }
      if (spelt !== word) changed = true;
      return spelt;
    });
    return changed ? words.join(' ') : folded;
  };
}
