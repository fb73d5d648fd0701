import { stem } from './tokens';

/**
 * The second reading of a message for risk: every word and pair of words carries a weight, learnt
 * from labelled messages (`npm run safety:words`), and a message whose words add up to enough is
 * read as a crisis, or as a concern a little below that. It catches risk said in ways that no
 * phrase in safety.yaml foresaw: "took 40 of my sleeping tablets", "sorry for everything, love
 * you mum".
 */
export interface RiskWords {
  readonly weights: ReadonlyMap<string, number>;
  /** A message whose words add up to this much gets the crisis reply. */
  readonly crisisAt: number;
  /** From here up to the crisis threshold, the question is answered with the reminder line. */
  readonly concernAt: number;
  /**
   * A short message needs less: one of n words reaches a threshold from `from + perWord * n`, when
   * that is lower. A few words that add up to that much are little else but risk.
   */
  readonly crisisShort?: ShortThreshold;
  readonly concernShort?: ShortThreshold;
}

export interface ShortThreshold {
  readonly from: number;
  readonly perWord: number;
}

const lower = (at: number, short: ShortThreshold | undefined, wordCount: number): number =>
  short ? Math.min(at, short.from + short.perWord * wordCount) : at;

/** How much the words of a message of `wordCount` words must add up to for the crisis reply. */
export const crisisThreshold = (words: RiskWords, wordCount: number): number =>
  lower(words.crisisAt, words.crisisShort, wordCount);

/** How much they must add up to for the reminder line. */
export const concernThreshold = (words: RiskWords, wordCount: number): number =>
  lower(words.concernAt, words.concernShort, wordCount);

/** No single word can clear a message: a reassuring word, or pair, takes off at most this much. */
export const LOWEST_WEIGHT = -3;

/** Words too common to weigh anything on their own; they still count within pairs. */
const FILLER = new Set(
  (
    'a an the is are was were be been to of in on at for with and or but so if it its this that ' +
    'these those do does did have has had will would can could should just there here then than ' +
    'too very really also about into from by as'
  ).split(' '),
);

/** The words of folded text, in order. */
export const wordsOf = (folded: string): string[] =>
  folded.split(' ').filter((word) => word !== '');

/** What the word at `i` adds: its stem unless it is filler, and the pair it starts. */
function featuresAt(words: readonly string[], i: number): string[] {
  const word = words[i] ?? '';
  const next = words[i + 1];
  return [
    ...(FILLER.has(word) ? [] : [stem(word)]),
    ...(next === undefined ? [] : [`${word}_${next}`]),
  ];
}

/**
 * The features of text folded by foldForSafety (idioms already blanked): the stem of each
 * word that is not filler, and each pair of neighbouring words as "first_second".
 */
export function riskFeatures(folded: string): string[] {
  const words = wordsOf(folded);
  return [...new Set(words.flatMap((_, i) => featuresAt(words, i)))];
}

/**
 * Risk is read in runs of at most this many neighbouring words, so that ordinary words around it
 * cannot dilute it, and a long ordinary message cannot add up to an alarm on its length alone.
 */
export const RISK_SPAN = 20;

/**
 * The most that any run of up to RISK_SPAN neighbouring words of folded text adds up to: each word
 * counts for its stem and for the pair it starts, and no feature for less than LOWEST_WEIGHT. A
 * feature counts once in a run, however often it recurs ("he ... he ... he"), as it does when
 * the weights are learnt.
 */
export function riskScore(words: RiskWords, folded: string): number {
  const list = wordsOf(folded);
  const weigh = (feature: string): number =>
    Math.max(LOWEST_WEIGHT, words.weights.get(feature) ?? 0);
  // Each word's two features, as featuresAt gives them, with where each next recurs: this runs on
  // every message, so it builds no lists of features.
  const n = list.length;
  const weight = new Float64Array(2 * n);
  const next = new Int32Array(2 * n).fill(n);
  const lastSeen = new Map<string, number>();
  const note = (feature: string, slot: number): void => {
    weight[slot] = weigh(feature);
    const seen = lastSeen.get(feature);
    if (seen !== undefined) next[slot] = seen;
    lastSeen.set(feature, Math.floor(slot / 2));
  };
  for (let i = n - 1; i >= 0; i -= 1) {
    const word = list[i] ?? '';
    const after = list[i + 1];
    if (after !== undefined) note(`${word}_${after}`, 2 * i + 1);
    if (!FILLER.has(word)) note(stem(word), 2 * i);
  }
  let best = 0;
  for (let end = 0; end < n; end += 1) {
    let run = 0;
    for (let start = end; start > end - RISK_SPAN && start >= 0; start -= 1) {
      // A feature counts where it last occurs in the run.
      for (let j = 0; j < 2; j += 1) {
        if ((next[2 * start + j] ?? n) > end) run += weight[2 * start + j] ?? 0;
      }
      if (run > best) best = run;
    }
  }
  return best;
}
