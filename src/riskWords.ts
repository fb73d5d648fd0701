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
  /** From here up to `crisisAt`, the question is answered with the reminder line. */
  readonly concernAt: number;
}

/** No single word can clear a message: a reassuring word counts for at most this much. */
export const LOWEST_WEIGHT = -3;

/** Words too common to weigh anything on their own; they still count within pairs. */
const FILLER = new Set(
  (
    'a an the is are was were be been to of in on at for with and or but so if it its this that ' +
    'these those do does did have has had will would can could should just there here then than ' +
    'too very really also about into from by as'
  ).split(' '),
);

/**
 * The features of text folded by foldForSafety (idioms already blanked): the stem of each
 * word that is not filler, and each pair of neighbouring words as "first_second".
 */
export function riskFeatures(folded: string): string[] {
  const words = folded.split(' ').filter((word) => word !== '');
  const features = new Set<string>();
  words.forEach((word, i) => {
    if (!FILLER.has(word)) features.add(stem(word));
    const next = words[i + 1];
    if (next !== undefined) features.add(`${word}_${next}`);
  });
  return [...features];
}

/** How much the features of folded text add up to. */
export function riskScore(words: RiskWords, folded: string): number {
  let score = 0;
  for (const feature of riskFeatures(folded)) {
    score += Math.max(LOWEST_WEIGHT, words.weights.get(feature) ?? 0);
  }
  return score;
}
