import { normalizeForSafety } from './safetyText';

/** Recognises requests for clinical advice, which the bot must never answer from the FAQ. */
export type ClinicalCheck = (text: string) => boolean;

export function createClinicalCheck(patterns: readonly RegExp[]): ClinicalCheck {
  return (text) => {
    const normalized = normalizeForSafety(text.slice(0, 2000));
    return patterns.some((pattern) => pattern.test(normalized));
  };
}
