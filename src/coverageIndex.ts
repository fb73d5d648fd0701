export interface TopicDocument {
  readonly entry: number;
  /** Stems people use for the entry: its question, label and alternates. */
  readonly asked: readonly string[];
  /** Stems of the answer text, which count for less. */
  readonly answered: readonly string[];
}

/** How much of a query's information each entry explains, from 0 to 1. */
export type CoverageIndex = (stems: readonly string[]) => Map<number, number>;

const ANSWER_WEIGHT = 0.5;

/**
 * An index over whole entries: every word anyone used for the entry, and, at half weight, the
 * words of its answer. It catches a question that spreads over several alternates, or that
 * names something only the answer mentions ("the dinner table").
 */
export function createCoverageIndex(documents: readonly TopicDocument[]): CoverageIndex {
  const postings = new Map<string, Map<number, number>>();
  for (const { entry, asked, answered } of documents) {
    for (const [stems, weight] of [
      [answered, ANSWER_WEIGHT],
      [asked, 1],
    ] as const) {
      for (const stem of stems) {
        const list = postings.get(stem) ?? new Map<number, number>();
        list.set(entry, Math.max(list.get(stem === '' ? -1 : entry) ?? 0, weight));
        postings.set(stem, list);
      }
    }
  }
  const count = documents.length;
  const idf = new Map([...postings].map(([stem, list]) => [stem, Math.log(1 + count / list.size)]));
  const unknown = Math.log(1 + count);
  return (stems) => {
    let total = 0;
    const covered = new Map<number, number>();
    for (const stem of new Set(stems)) {
      const w = (idf.get(stem) ?? unknown) ** 2;
      total += w;
      for (const [entry, weight] of postings.get(stem) ?? [])
        covered.set(entry, (covered.get(entry) ?? 0) + w * weight);
    }
    for (const [entry, sum] of covered) covered.set(entry, sum / total);
    return covered;
  };
}
