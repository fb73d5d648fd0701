/** What matching found for a question, and the policy that turns it into a decision. */

export interface Candidate {
  readonly entryId: string;
  readonly score: number;
  /** The phrase score alone, before the topic model's view is weighed in. */
  readonly wording: number;
  /** The phrasing of the entry that matched best. */
  readonly phrasing: string;
}

export interface Evidence {
  readonly score: number;
  /** The best phrase score of any entry: only the question's wording brings it in scope. */
  readonly wording: number;
  readonly candidates: readonly Candidate[];
  /** Misspelt words and what they were read as. */
  readonly corrections: readonly string[];
  /** The closest question the FAQ does not answer, when one matched. */
  readonly notCovered?: Candidate;
}

export type MatchDecision =
  | (Evidence & { readonly outcome: 'answer'; readonly entryId: string })
  | (Evidence & { readonly outcome: 'clarify'; readonly entryIds: readonly string[] })
  | (Evidence & { readonly outcome: 'fallback' });

export interface MatchPolicy {
  /** A top score at least this high, clear of the runner-up, is answered. */
  readonly answerAt: number;
  /** How far ahead of the runner-up an answer must be. */
  readonly margin: number;
  /** Below this, the question gets the fallback, unless it is near scope (below). */
  readonly clarifyAt: number;
  /**
   * Wording from this up to `clarifyAt` is near scope: if the blend scores the top entry at least
   * `nearScore`, and no question the FAQ does not answer is within `offerAgainst` of it, that entry
   * is offered as a choice instead of the fallback. It is never answered.
   */
  readonly nearWording: number;
  readonly nearScore: number;
  /** Entries within this distance of the top score are offered together. */
  readonly offerWithin: number;
  /** A lead this large over every other entry is answered even below `answerAt`. */
  readonly aloneBy: number;
  /**
   * When the wording is as close to a question the FAQ does not answer, an entry this far ahead
   * of that question in the blended scores is still offered as a choice.
   */
  readonly offerAgainst: number;
  /** An answer's wording may trail the closest wording among the candidates by at most this. */
  readonly wordingWithin: number;
}

export const DEFAULT_POLICY: MatchPolicy = {
  answerAt: 0.55,
  margin: 0.08,
  clarifyAt: 0.4,
  nearWording: 0.3,
  nearScore: 0.5,
  offerWithin: 0.2,
  aloneBy: 0.15,
  offerAgainst: 0.25,
  wordingWithin: 0.15,
};

/**
 * The decision on a question's evidence: an answer, "did you mean" choices, or the fallback.
 * Whether a question is in scope at all, and whether it is closer to a question the FAQ does not
 * answer, is judged on wording alone, since the topic model always leans towards some entry.
 */
export function decideMatch(evidence: Evidence, policy: MatchPolicy): MatchDecision {
  const [top, second] = evidence.candidates;
  const uncovered = evidence.notCovered?.score ?? 0;
  const unanswered = evidence.notCovered?.wording ?? 0;
  if (!top) return { ...evidence, outcome: 'fallback' };
  if (evidence.wording < policy.clarifyAt) {
    const nearScope =
      evidence.wording >= policy.nearWording &&
      top.score >= policy.nearScore &&
      top.score - uncovered >= policy.offerAgainst;
    return nearScope
      ? { ...evidence, outcome: 'clarify', entryIds: [top.entryId] }
      : { ...evidence, outcome: 'fallback' };
  }
  if (unanswered >= evidence.wording - policy.margin / 2) {
    // A close call against a question the FAQ does not answer gets the fallback, unless the blend
    // puts an entry far ahead of that question: then it is offered, never answered.
    if (top.score - uncovered < policy.offerAgainst) return { ...evidence, outcome: 'fallback' };
    return { ...evidence, outcome: 'clarify', entryIds: [top.entryId] };
  }
  const lead = top.score - Math.max(second?.score ?? 0, uncovered);
  const clearWinner = top.score >= policy.answerAt && lead >= policy.margin;
  const farAhead = lead >= policy.aloneBy;
  if ((clearWinner || farAhead) && wordedWell(top, evidence.candidates, policy)) {
    return { ...evidence, outcome: 'answer', entryId: top.entryId };
  }
  const floor = Math.max(top.score - policy.offerWithin, uncovered);
  const offered = evidence.candidates.filter((c) => c.score >= floor);
  if (offered.length === 0) return { ...evidence, outcome: 'fallback' };
  return { ...evidence, outcome: 'clarify', entryIds: offered.map((c) => c.entryId) };
}

/**
 * An entry is answered only if its own wording is in scope and not far behind the closest
 * wording among the candidates: one the topic model carried past a clearly closer phrasing is
 * offered instead.
 */
function wordedWell(
  top: Candidate,
  candidates: readonly Candidate[],
  policy: MatchPolicy,
): boolean {
  const closest = Math.max(...candidates.map((c) => c.wording));
  return top.wording >= policy.clarifyAt && closest - top.wording <= policy.wordingWithin;
}
