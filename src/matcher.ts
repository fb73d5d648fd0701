import type { Entry } from './knowledge';
import { MATCH_PREFIX_LENGTH, normalizeText } from './normalizeText';
import { createPhraseIndex } from './phraseIndex';
import { isContentWord, splitWords, stem } from './tokens';
import { createTypoCorrector } from './typoCorrector';

export interface Candidate {
  readonly entryId: string;
  readonly score: number;
  /** The phrasing of the entry that matched best. */
  readonly phrasing: string;
}

export type MatchDecision =
  | { readonly outcome: 'answer'; readonly entryId: string; readonly score: number; readonly candidates: readonly Candidate[]; readonly corrections: readonly string[] }
  | { readonly outcome: 'clarify'; readonly entryIds: readonly string[]; readonly score: number; readonly candidates: readonly Candidate[]; readonly corrections: readonly string[] }
  | { readonly outcome: 'fallback'; readonly score: number; readonly candidates: readonly Candidate[]; readonly corrections: readonly string[] };

export type Matcher = (text: string) => MatchDecision;

export interface MatchPolicy {
  /** A top score at least this high, clear of the runner-up, is answered. */
  readonly answerAt: number;
  /** How far ahead of the runner-up an answer must be. */
  readonly margin: number;
  /** Below this, the question gets the fallback. */
  readonly clarifyAt: number;
  /** Entries within this distance of the top score are offered together. */
  readonly offerWithin: number;
}

export const DEFAULT_POLICY: MatchPolicy = { answerAt: 0.6, margin: 0.08, clarifyAt: 0.42, offerWithin: 0.15 };
const MAX_CHOICES = 3;

/** The stems of one phrase; `correct` may replace words the knowledge base does not know. */
function analyze(text: string, correct?: (word: string) => string | undefined, corrections?: string[]): string[] {
  const stems: string[] = [];
  for (const word of splitWords(normalizeText(text))) {
    if (!isContentWord(word)) continue;
    let s = stem(word);
    if (correct) {
      const fixed = correct(word);
      if (fixed !== undefined && fixed !== word) {
        corrections?.push(`${word}→${fixed}`);
        s = stem(fixed);
      }
    }
    stems.push(s);
  }
  return stems;
}

export function createMatcher(entries: readonly Entry[], policy: MatchPolicy = DEFAULT_POLICY): Matcher {
  const phrasings = entries.flatMap((entry, index) =>
    [entry.question, ...entry.alternates].map((text) => ({ entry: index, text, stems: analyze(text) })),
  );
  const index = createPhraseIndex(phrasings);
  const vocabulary = new Set(phrasings.flatMap((p) => splitWords(normalizeText(p.text))));
  const typo = createTypoCorrector(vocabulary);
  const correct = (word: string): string | undefined => (index.has(stem(word)) ? undefined : typo(word));

  return (text) => {
    const corrections: string[] = [];
    const prefix = text.slice(0, MATCH_PREFIX_LENGTH);
    const segments = [prefix, ...prefix.split(/[.?!;\n]+/).filter((s) => s.trim() !== '')];
    const best = new Map<number, { score: number; phrasing: number }>();
    for (const segment of new Set(segments)) {
      const stems = analyze(segment, correct, segment === prefix ? corrections : undefined);
      if (stems.length === 0) continue;
      for (const hit of index.search(stems)) {
        if ((best.get(hit.entry)?.score ?? 0) < hit.score) best.set(hit.entry, hit);
      }
    }
    const candidates = [...best.entries()]
      .sort((a, b) => b[1].score - a[1].score || a[0] - b[0])
      .slice(0, MAX_CHOICES)
      .map(([entry, hit]) => ({
        entryId: entries[entry]?.id ?? '',
        score: Math.round(hit.score * 1000) / 1000,
        phrasing: phrasings[hit.phrasing]?.text ?? '',
      }));
    return decide(candidates, corrections, policy);
  };
}

function decide(candidates: Candidate[], corrections: string[], policy: MatchPolicy): MatchDecision {
  const [top, second] = candidates;
  if (!top || top.score < policy.clarifyAt) {
    return { outcome: 'fallback', score: top?.score ?? 0, candidates, corrections };
  }
  if (top.score >= policy.answerAt && top.score - (second?.score ?? 0) >= policy.margin) {
    return { outcome: 'answer', entryId: top.entryId, score: top.score, candidates, corrections };
  }
  const offered = candidates.filter((c) => c.score >= Math.max(policy.clarifyAt, top.score - policy.offerWithin));
  return { outcome: 'clarify', entryIds: offered.map((c) => c.entryId), score: top.score, candidates, corrections };
}
