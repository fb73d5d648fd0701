import { createAnalyzer } from './analyzer';
import { createCoverageIndex } from './coverageIndex';
import type { Entry } from './knowledge';
import { MATCH_PREFIX_LENGTH, normalizeText } from './normalizeText';
import { createPhraseIndex, type PhraseHit } from './phraseIndex';
import {
  DEFAULT_POLICY,
  decideMatch,
  type Candidate,
  type MatchDecision,
  type MatchPolicy,
} from './decideMatch';
import { splitWords } from './tokens';
import { createTopicModel } from './topicModel';
import { createTypoCorrector } from './typoCorrector';

export type Matcher = (text: string) => MatchDecision;

export interface MatcherKnowledge {
  readonly entries: readonly Entry[];
  readonly synonyms: readonly (readonly string[])[];
  readonly notCovered: readonly string[];
}

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
    return decideMatch(
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

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
