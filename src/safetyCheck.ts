import { concernThreshold, crisisThreshold, riskScore, wordsOf, type RiskWords } from './riskWords';
import { ruleTriggers } from './ruleTriggers';
import { blankIdioms, normalizeForSafety } from './safetyText';
import { createRespeller, type SafetySpelling } from './safetySpelling';

export type RiskLevel = 'crisis' | 'concern';

export interface SafetyRule {
  readonly level: RiskLevel;
  readonly kind: string;
  readonly pattern: RegExp;
}

export interface SafetyRules {
  /** Ordinary idioms ("kill time"), blanked out before the rules run. */
  readonly ignore: readonly RegExp[];
  /** Crisis rules first, then concern rules. */
  readonly rules: readonly SafetyRule[];
  /** The second reading, for messages no rule matched; see riskWords.ts. */
  readonly riskWords?: RiskWords;
  /** How misspelt risk words are read; see safetySpelling.ts. */
  readonly spelling?: SafetySpelling;
  /** Risk told as over: in the past, the person well now, nothing bringing it back. */
  readonly recovered?: Recovered;
}

export interface Recovered {
  readonly past: RegExp;
  readonly well: RegExp;
  /** Words that bring the risk back to the present; any of them and the message is not past. */
  readonly now: RegExp;
}

/** The kind a crisis reading gets when the message tells of it as over; see Recovered. */
export const RECOVERED_KIND = 'past-recovered';

export type Risk =
  { readonly level: 'none' } | { readonly level: RiskLevel; readonly kind: string };

export type SafetyCheck = (text: string) => Risk;

/** The kind a risk read from the weights of its words gets: no one rule names it. */
export const RISK_WORDS_KIND = 'risk-words';

/** Concern rules whose kind starts so tell of risk in the past; the risk words never overrule them. */
export const PAST_KIND = 'past-';

/** Which rules a message could match, from the words it holds; see ruleTriggers.ts. */
export type RuleFilter<R = SafetyRule> = (normalized: string) => readonly R[];

/** Every rule that one of the message's words could start a match of, in the tiers' order. */
export function createRuleFilter<R extends { readonly pattern: RegExp } = SafetyRule>(
  rules: readonly R[],
): RuleFilter<R> {
  const always: number[] = [];
  const exact = new Map<string, number[]>();
  const prefixes = new Map<string, number[]>();
  let longestPrefix = 0;
  rules.forEach((rule, index) => {
    const triggers = ruleTriggers(rule.pattern.source);
    if (!triggers) {
      always.push(index);
      return;
    }
    for (const { word, prefix } of triggers) {
      const map = prefix ? prefixes : exact;
      map.set(word, [...(map.get(word) ?? []), index]);
      if (prefix) longestPrefix = Math.max(longestPrefix, word.length);
    }
  });
  return (normalized) => {
    const hit = new Set(always);
    for (const word of normalized.split(/[^a-z0-9]+/)) {
      if (word === '') continue;
      for (const index of exact.get(word) ?? []) hit.add(index);
      for (let n = Math.min(word.length, longestPrefix); n > 0; n -= 1) {
        for (const index of prefixes.get(word.slice(0, n)) ?? []) hit.add(index);
      }
    }
    return [...hit].sort((a, b) => a - b).map((index) => rules[index] as R);
  };
}

const SEVERITY: Readonly<Record<Risk['level'], number>> = { none: 0, concern: 1, crisis: 2 };

/**
 * Reads the whole message for signs of risk; it runs before anything else on every message. A
 * message with misspelt risk words is read twice, as typed and spelt right, and the graver
 * reading counts, so that spelling can only ever add to what the rules see.
 */
export function createSafetyCheck(safety: SafetyRules): SafetyCheck {
  const candidates = createRuleFilter(safety.rules);
  // Blanking only ever removes words, so an idiom none of whose words is in the message is skipped.
  const idioms = createRuleFilter(safety.ignore.map((pattern) => ({ pattern })));
  const respell = safety.spelling ? createRespeller(safety.spelling) : undefined;
  const recovered = safety.recovered;
  const isOver = (normalized: string): boolean =>
    recovered !== undefined &&
    recovered.past.test(normalized) &&
    recovered.well.test(normalized) &&
    !recovered.now.test(normalized);
  // A message's length counts its idioms (`folded` is the text before they are blanked), so that
  // blanking an idiom never makes a message "short". It is counted only when no rule has decided.
  const readRisk = (normalized: string, folded: string): Risk => {
    const hit = candidates(normalized).find((rule) => rule.pattern.test(normalized));
    // A crisis rule decides, and so does a concern rule for risk told as past ("years ago, and
    // I'm well now"): the words must not undo that. Any other concern the words may raise.
    if (hit && (hit.level === 'crisis' || hit.kind.startsWith(PAST_KIND))) {
      return { level: hit.level, kind: hit.kind };
    }
    const score = safety.riskWords ? riskScore(safety.riskWords, normalized) : 0;
    const wordCount = wordsOf(folded).length;
    if (
      safety.riskWords &&
      score >= safety.riskWords.concernAt &&
      score >= crisisThreshold(safety.riskWords, wordCount)
    ) {
      return { level: 'crisis', kind: RISK_WORDS_KIND };
    }
    if (hit) return { level: hit.level, kind: hit.kind };
    if (safety.riskWords && score >= concernThreshold(safety.riskWords, wordCount)) {
      return { level: 'concern', kind: RISK_WORDS_KIND };
    }
    return { level: 'none' };
  };
  const read = (folded: string): Risk => {
    const normalized = blankIdioms(
      folded,
      idioms(folded).map((idiom) => idiom.pattern),
    );
    const risk = readRisk(normalized, folded);
    return risk.level === 'crisis' && isOver(normalized)
      ? { level: 'concern', kind: RECOVERED_KIND }
      : risk;
  };
  return (text) => {
    const typed = normalizeForSafety(text);
    const asTyped = read(typed);
    const spelt = respell?.(typed) ?? typed;
    if (spelt === typed || asTyped.level === 'crisis') return asTyped;
    const asSpelt = read(spelt);
    return SEVERITY[asSpelt.level] > SEVERITY[asTyped.level] ? asSpelt : asTyped;
  };
}
