import { normalizeForSafety } from './safetyText';

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
}

export type Risk =
  { readonly level: 'none' } | { readonly level: RiskLevel; readonly kind: string };

export type SafetyCheck = (text: string) => Risk;

/** Reads the whole message for signs of risk; it runs before anything else on every message. */
export function createSafetyCheck(safety: SafetyRules): SafetyCheck {
  return (text) => {
    let normalized = normalizeForSafety(text);
    for (const idiom of safety.ignore) normalized = normalized.replace(idiom, ' ');
    const hit = safety.rules.find((rule) => rule.pattern.test(normalized));
    return hit ? { level: hit.level, kind: hit.kind } : { level: 'none' };
  };
}
