export interface TopicDocument {
  readonly entry: number;
  /** Stems people use for the entry: its question, label and alternates. */
  readonly asked: readonly string[];
  /** Stems of the answer text, which count for less. */
  readonly answered: readonly string[];
}

/** How much of a query's information each of the given entries explains, from 0 to 1. */
export type CoverageIndex = (
  stems: readonly string[],
  entries: readonly number[],
) => Map<number, number>;

const ANSWER_WEIGHT = 0.5;

/**
 * An index over whole entries: every word anyone used for the entry, and, at half weight, the
 * words of its answer. It catches a question that spreads over several alternates, or that
 * names something only the answer mentions ("the dinner table").
 */
export function createCoverageIndex(documents: readonly TopicDocument[]): CoverageIndex {
  const vocabularies = new Map<number, Map<string, number>>();
  const documentFrequency = new Map<string, number>();
  for (const { entry, asked, answered } of documents) {
    const vocabulary = new Map<string, number>();
    for (const stem of answered) vocabulary.set(stem, ANSWER_WEIGHT);
    for (const stem of asked) vocabulary.set(stem, 1);
    for (const stem of vocabulary.keys())
      documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
    vocabularies.set(entry, vocabulary);
  }
  const count = documents.length;
  const unknown = Math.log(1 + count);
  return (stems, entries) => {
    const unique = [...new Set(stems)];
    const weights = unique.map((stem) => {
      const df = documentFrequency.get(stem);
      return (df ? Math.log(1 + count / df) : unknown) ** 2;
    });
    const total = weights.reduce((a, b) => a + b, 0);
    const covered = new Map<number, number>();
    for (const entry of entries) {
      const vocabulary = vocabularies.get(entry);
      let sum = 0;
      unique.forEach((stem, i) => (sum += (weights[i] ?? 0) * (vocabulary?.get(stem) ?? 0)));
      covered.set(entry, total > 0 ? sum / total : 0);
    }
    return covered;
  };
}
