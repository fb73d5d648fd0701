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
  // For each stem, the entries that use it and how much: the query's few stems are looked up
  // once each, and only the entries asked about are read from them.
  const byStem = new Map<string, Map<number, number>>();
  for (const { entry, asked, answered } of documents) {
    for (const stem of answered) posting(byStem, stem).set(entry, ANSWER_WEIGHT);
    for (const stem of asked) posting(byStem, stem).set(entry, 1);
  }
  const count = documents.length;
  const weightOf = (entries: number): number => Math.log(1 + count / entries) ** 2;
  const unknown = weightOf(1);
  return (stems, entries) => {
    const sums = new Float64Array(entries.length);
    let total = 0;
    for (const stem of new Set(stems)) {
      const users = byStem.get(stem);
      if (!users) {
        total += unknown;
        continue;
      }
      const weight = weightOf(users.size);
      total += weight;
      entries.forEach((entry, i) => (sums[i] = (sums[i] ?? 0) + weight * (users.get(entry) ?? 0)));
    }
    return new Map(entries.map((entry, i) => [entry, total > 0 ? (sums[i] ?? 0) / total : 0]));
  };
}

function posting(byStem: Map<string, Map<number, number>>, stem: string): Map<number, number> {
  const users = byStem.get(stem) ?? new Map<number, number>();
  byStem.set(stem, users);
  return users;
}
