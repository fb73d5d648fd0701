export interface PhraseHit {
  readonly entry: number;
  readonly phrasing: number;
  readonly score: number;
}

export interface PhraseIndex {
  /** Stems the knowledge base contains. */
  has(stem: string): boolean;
  /** The best-scoring phrasing of each entry that shares a stem with the query. */
  search(stems: readonly string[]): PhraseHit[];
}

/**
 * An inverted index from stems to phrasings, scored by IDF-weighted cosine similarity. A query
 * only visits the phrasings that share one of its stems, so its cost follows the postings it
 * touches, not entries × phrasings.
 */
export function createPhraseIndex(
  phrasings: readonly { entry: number; stems: string[] }[],
): PhraseIndex {
  const entryCount = new Set(phrasings.map((p) => p.entry)).size;
  const entriesWith = new Map<string, Set<number>>();
  const postings = new Map<string, number[]>();
  phrasings.forEach(({ entry, stems }, i) => {
    for (const stem of new Set(stems)) {
      const entries = entriesWith.get(stem) ?? new Set<number>();
      entries.add(entry);
      entriesWith.set(stem, entries);
      const list = postings.get(stem) ?? [];
      list.push(i);
      postings.set(stem, list);
    }
  });
  const unknownWeight = Math.log(1 + entryCount);
  const weight = (stem: string): number => {
    const df = entriesWith.get(stem)?.size;
    return df ? Math.log(1 + entryCount / df) : unknownWeight;
  };
  const norms = Float64Array.from(phrasings, ({ stems }) =>
    Math.sqrt([...new Set(stems)].reduce((sum, s) => sum + weight(s) ** 2, 0)),
  );
  const owner = Int32Array.from(phrasings, (p) => p.entry);
  const dots = new Float64Array(phrasings.length);
  const weights = new Map([...postings.keys()].map((s) => [s, weight(s)]));

  const search = (stems: readonly string[]): PhraseHit[] => {
    const unique = [...new Set(stems)];
    let queryNorm = 0;
    const touched: number[] = [];
    for (const stem of unique) {
      const w = weights.get(stem) ?? unknownWeight;
      queryNorm += w * w;
      for (const p of postings.get(stem) ?? []) {
        if (dots[p] === 0) touched.push(p);
        dots[p] = (dots[p] ?? 0) + w * w;
      }
    }
    const best = new Map<number, PhraseHit>();
    for (const p of touched) {
      const score = (dots[p] ?? 0) / Math.sqrt(queryNorm) / (norms[p] ?? 1);
      dots[p] = 0;
      const entry = owner[p] ?? 0;
      if ((best.get(entry)?.score ?? 0) < score) best.set(entry, { entry, phrasing: p, score });
    }
    return [...best.values()].sort((a, b) => b.score - a.score || a.entry - b.entry);
  };
  return { has: (stem) => weights.has(stem), search };
}
