import { createVocabulary, type Vocabulary } from './topicVocabulary';

/**
 * How likely each of the given entries is to be the one a question is about, from 0 to 1, as
 * against the others given.
 */
export type TopicModel = (stems: readonly string[], entries: readonly number[]) => number[];

/** Smoothing for a stem an entry's phrasings never use: small, so that words people use weigh. */
export const ALPHA = 0.1;
/** Softens the model's certainty, which a naive Bayes model overstates on long messages. */
export const TEMPERATURE = 2;
/** A feature used by more entries than this is looked up per entry asked about, not walked. */
const WALK_LIMIT = 64;

/** Where a stamp counter wraps, before the typed arrays that hold it would. */
const LAST_STAMP = 0x7fffffff;

/**
 * A naive Bayes model trained on every phrasing of every entry, over stems and pairs of
 * neighbouring stems ("stay" after "long" tells more than either). Where the phrase index finds
 * the one phrasing nearest a question, this weighs every word people have used for each entry, so
 * a long message whose words spread over several phrasings still points to its entry.
 *
 * It compares only the distinct entries it is given, the phrase index's shortlist: each of a
 * question's features costs the entries that use it, up to WALK_LIMIT, or a lookup per entry
 * given beyond that, whatever the size of the knowledge base.
 */
export function createTopicModel(
  phrasings: readonly { entry: number; stems: readonly string[] }[],
): TopicModel {
  const vocabulary = createVocabulary(phrasings);
  const { featureCount } = vocabulary;
  const { start, entryOf, liftOf, unused } = createPostings(phrasings, vocabulary);
  // An entry no phrasing names is scored as if it had none of its own words.
  const unusedBy = (entry: number): number =>
    unused[entry] ?? Math.log(ALPHA / (ALPHA * featureCount));
  const seen = new Int32Array(featureCount);
  const slotOf = new Int32Array(unused.length);
  const askedAt = new Int32Array(unused.length);
  let stamp = 0;

  const addLifts = (id: number, entries: readonly number[], z: Float64Array): void => {
    const from = start[id] ?? 0;
    const to = start[id + 1] ?? 0;
    if (to - from <= WALK_LIMIT) {
      for (let i = from; i < to; i += 1) {
        const entry = entryOf[i] ?? 0;
        if (askedAt[entry] !== stamp) continue;
        const slot = slotOf[entry] ?? 0;
        z[slot] = (z[slot] ?? 0) + (liftOf[i] ?? 0);
      }
      return;
    }
    entries.forEach((entry, slot) => {
      const i = indexOf(entryOf, from, to, entry);
      if (i >= 0) z[slot] = (z[slot] ?? 0) + (liftOf[i] ?? 0);
    });
  };

  return (stems, entries) => {
    if (stamp === LAST_STAMP) {
      seen.fill(0);
      askedAt.fill(0);
      stamp = 0;
    }
    stamp += 1;
    const known: number[] = [];
    for (const id of vocabulary.featuresOf(stems)) {
      if (seen[id] === stamp) continue;
      seen[id] = stamp;
      known.push(id);
    }
    if (known.length === 0) return entries.map(() => 1 / entries.length);
    const z = Float64Array.from(entries, (entry) => known.length * unusedBy(entry));
    entries.forEach((entry, slot) => {
      if (entry < 0 || entry >= askedAt.length) return;
      askedAt[entry] = stamp;
      slotOf[entry] = slot;
    });
    for (const id of known) addLifts(id, entries, z);
    return softmax(z);
  };
}

/** Probabilities from log-likelihoods, softened by TEMPERATURE. */
function softmax(logLikelihoods: Float64Array): number[] {
  const most = Math.max(...logLikelihoods);
  const weights = Array.from(logLikelihoods, (z) => Math.exp((z - most) / TEMPERATURE));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / sum);
}

interface Postings {
  /** Where each feature's row starts in `entryOf` and `liftOf`; one more for the end. */
  readonly start: Int32Array;
  /** The entries using each feature, ascending. */
  readonly entryOf: Int32Array;
  /** For each, log(1 + count / α): how much likelier the feature makes it than an unused one. */
  readonly liftOf: Float32Array;
  /** For each entry, log P(feature | entry) of a feature it never used: α / (total + αV). */
  readonly unused: Float64Array;
}

/**
 * Postings by feature in compressed rows, counted in one pass over the phrasings taken entry by
 * entry, so that a large knowledge base costs a few typed arrays rather than millions of objects.
 */
function createPostings(
  phrasings: readonly { entry: number; stems: readonly string[] }[],
  vocabulary: Vocabulary,
): Postings {
  const { featureCount } = vocabulary;
  const byEntry = [...phrasings].sort((a, b) => a.entry - b.entry);
  const entryCount = (byEntry.at(-1)?.entry ?? -1) + 1;
  // One slot per feature and entry using it; `lastSlot` finds the current entry's slot again.
  const lastSlot = new Int32Array(featureCount).fill(-1);
  const seen = new Int32Array(featureCount).fill(-1);
  const slotFeature: number[] = [];
  const slotEntry: number[] = [];
  const slotCount: number[] = [];
  const totals = new Float64Array(entryCount);
  byEntry.forEach(({ entry, stems }, p) => {
    for (const id of vocabulary.featuresOf(stems)) {
      if (seen[id] === p) continue;
      seen[id] = p;
      totals[entry] = (totals[entry] ?? 0) + 1;
      const slot = lastSlot[id] ?? -1;
      if (slot >= 0 && slotEntry[slot] === entry) {
        slotCount[slot] = (slotCount[slot] ?? 0) + 1;
        continue;
      }
      lastSlot[id] = slotFeature.length;
      slotFeature.push(id);
      slotEntry.push(entry);
      slotCount.push(1);
    }
  });
  const start = new Int32Array(featureCount + 1);
  for (const id of slotFeature) start[id + 1] = (start[id + 1] ?? 0) + 1;
  for (let id = 0; id < featureCount; id += 1)
    start[id + 1] = (start[id + 1] ?? 0) + (start[id] ?? 0);
  const next = start.slice(0, featureCount);
  const entryOf = new Int32Array(slotFeature.length);
  const liftOf = new Float32Array(slotFeature.length);
  slotFeature.forEach((id, slot) => {
    const at = next[id] ?? 0;
    next[id] = at + 1;
    entryOf[at] = slotEntry[slot] ?? 0;
    liftOf[at] = Math.log(1 + (slotCount[slot] ?? 0) / ALPHA);
  });
  const unused = totals.map((total) => Math.log(ALPHA / (total + ALPHA * featureCount)));
  return { start, entryOf, liftOf, unused };
}

function indexOf(sorted: Int32Array, from: number, to: number, value: number): number {
  let low = from;
  let high = to - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = sorted[mid] ?? 0;
    if (at === value) return mid;
    if (at < value) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}
