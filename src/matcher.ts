import { createAnalyzer } from './analyzer';
import { createCoverageIndex } from './coverageIndex';
import type { Entry } from './knowledge';
import { MATCH_PREFIX_LENGTH, normalizeText } from './normalizeText';
import { createPhraseIndex, type PhraseHit } from './phraseIndex';
import { splitWords } from './tokens';
import { createTopicModel } from './topicModel';
import { createTypoCorrector } from './typoCorrector';

export interface Candidate {
  readonly entryId: string;
  readonly score: number;
  /** The phrase score alone, before the topic model's view is weighed in. */
  readonly wording: number;
  /** The phrasing of the entry that matched best. */
  readonly phrasing: string;
}

interface Evidence {
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

export interface MatcherKnowledge {
  readonly entries: readonly Entry[];
  readonly synonyms: readonly (readonly string[])[];
  readonly notCovered: readonly string[];
}

export const DEFAULT_POLICY: MatchPolicy = {
  answerAt: 0.55,
  margin: 0.08,
  clarifyAt: 0.4,
  offerWithin: 0.2,
  aloneBy: 0.15,
  offerAgainst: 0.25,
  wordingWithin: 0.15,
};
const MAX_CHOICES = 3;
const NOT_COVERED = '(not covered)';
/** How much the best single phrasing counts against the whole entry's vocabulary. */
const BLEND = 0.7;
/** A single sentence of a longer message counts for a little less than the whole. */
const SEGMENT_DISCOUNT = 0.9;
/** A sentence scores on its own only with this many topic words: a bare "is that ok in group?" does not. */
const MIN_SEGMENT_STEMS = 4;
/** How many entries, by their best phrasing, go on to be scored in full. */
const SHORTLIST = 12;
/** How much the topic model's probability counts against the phrase scores. */
const TOPIC_WEIGHT = 0.35;

export function createMatcher(
  knowledge: MatcherKnowledge,
  policy: MatchPolicy = DEFAULT_POLICY,
): Matcher {
  const { entries } = knowledge;
  const analyzer = createAnalyzer(knowledge.synonyms);
  const phrasings = [
    ...entries.flatMap((entry, index) =>
      [entry.question, entry.label, ...entry.alternates].map((text) => ({ entry: index, text })),
    ),
    ...knowledge.notCovered.map((text) => ({ entry: entries.length, text })),
  ].map((p) => {
    const words = splitWords(normalizeText(p.text));
    return { ...p, words, stems: analyzer.stemsOfWords(words) };
  });
  const index = createPhraseIndex(phrasings);
  const topics = createTopicModel(phrasings);
  const asked = new Map<number, string[]>();
  for (const p of phrasings) {
    const stems = asked.get(p.entry) ?? [];
    for (const s of p.stems) stems.push(s);
    asked.set(p.entry, stems);
  }
  const coverage = createCoverageIndex(
    [...entries, undefined].map((entry, i) => ({
      entry: i,
      asked: asked.get(i) ?? [],
      answered: entry ? analyzer.stems(entry.answer) : [],
    })),
  );
  const typo = createTypoCorrector(new Set(phrasings.flatMap((p) => p.words)));
  const correct = (word: string, wordStem: string): string | undefined =>
    index.has(wordStem) ? undefined : typo(word);
  const toCandidate = (hit: PhraseHit & { wording: number }): Candidate => ({
    entryId: entries[hit.entry]?.id ?? NOT_COVERED,
    score: round(hit.score),
    wording: round(hit.wording),
    phrasing: phrasings[hit.phrasing]?.text ?? '',
  });

  return (text) => {
    const corrections: string[] = [];
    const prefix = text.slice(0, MATCH_PREFIX_LENGTH);
    const segments = prefix
      .split(/[.?!;\n]+/)
      .map((segment) => analyzer.stems(segment, correct, corrections));
    const best = new Map<number, PhraseHit>();
    const score = (stems: string[], discount: number): void => {
      const hits = index.search(stems, SHORTLIST);
      const covered = coverage(
        stems,
        hits.map((h) => h.entry),
      );
      for (const hit of hits) {
        const blended =
          discount * (BLEND * hit.score + (1 - BLEND) * (covered.get(hit.entry) ?? 0));
        if ((best.get(hit.entry)?.score ?? 0) < blended)
          best.set(hit.entry, { ...hit, score: blended });
      }
    };
    const whole = segments.flat();
    if (whole.length > 0) score(whole, 1);
    const parts = segments.filter((stems) => stems.length >= MIN_SEGMENT_STEMS);
    if (parts.length > 1) for (const stems of parts) score(stems, SEGMENT_DISCOUNT);
    const hits = [...best.values()];
    const shortlist = hits.map((h) => h.entry);
    const likely = topics(whole, shortlist);
    const ranked = hits
      .map((h, i) => ({
        ...h,
        score: (1 - TOPIC_WEIGHT) * h.score + TOPIC_WEIGHT * (likely[i] ?? 0),
        wording: h.score,
      }))
      .sort((a, b) => b.score - a.score || a.entry - b.entry);
    const notCovered = ranked.find((h) => h.entry === entries.length);
    const candidates = ranked
      .filter((h) => h.entry !== entries.length)
      .slice(0, MAX_CHOICES)
      .map(toCandidate);
    return decide(
      {
        score: candidates[0]?.score ?? 0,
        wording: round(
          Math.max(0, ...hits.filter((h) => h.entry !== entries.length).map((h) => h.score)),
        ),
        candidates,
        corrections,
        ...(notCovered ? { notCovered: toCandidate(notCovered) } : {}),
      },
      policy,
    );
  };
}

function decide(evidence: Evidence, policy: MatchPolicy): MatchDecision {
  const [top, second] = evidence.candidates;
  const uncovered = evidence.notCovered?.score ?? 0;
  // A close call against a question the FAQ does not answer gets the fallback: it never guesses.
  // Both are judged on wording alone, since the topic model always leans towards some entry.
  const unanswered = evidence.notCovered?.wording ?? 0;
  if (!top || evidence.wording < policy.clarifyAt) return { ...evidence, outcome: 'fallback' };
  if (unanswered >= evidence.wording - policy.margin / 2) {
    // Unless the blend puts an entry far ahead of that question: then it is offered, not answered.
    if (top.score - uncovered < policy.offerAgainst) return { ...evidence, outcome: 'fallback' };
    return { ...evidence, outcome: 'clarify', entryIds: [top.entryId] };
  }
  const lead = top.score - Math.max(second?.score ?? 0, uncovered);
  const clearWinner = top.score >= policy.answerAt && lead >= policy.margin;
  const farAhead = lead >= policy.aloneBy;
  // An entry the topic model carried past a clearly closer wording is offered, not answered.
  const closest = Math.max(...evidence.candidates.map((c) => c.wording));
  const agreed = closest - top.wording <= policy.wordingWithin;
  if ((clearWinner || farAhead) && agreed) {
    return { ...evidence, outcome: 'answer', entryId: top.entryId };
  }
  const floor = Math.max(policy.clarifyAt, top.score - policy.offerWithin, uncovered);
  const offered = evidence.candidates.filter((c) => c.score >= floor);
  return { ...evidence, outcome: 'clarify', entryIds: offered.map((c) => c.entryId) };
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
