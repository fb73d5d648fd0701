export interface PhraseHit {
  readonly entry: number;
  readonly phrasing: number;
  readonly score: number;
}

export interface PhraseIndex {
  /** Stems the knowledge base contains. */
  has(stem: string): boolean;
  /** The best-scoring phrasing of each of the `limit` best entries sharing a stem with the query. */
  search(stems: readonly string[], limit: number): PhraseHit[];
}

/**
 * A stem in more phrasings than this walks only this many of them, the shortest first (where it
 * weighs most), and is otherwise scored only on phrasings a rarer stem already found.
 */
const COMMON_POSTINGS = 500;
/** Only the rarest few stems of a query bring in new phrasings; the rest score those. */
const SEEDING_STEMS = 4;

/**
 * An inverted index from stems to phrasings, scored by IDF-weighted cosine similarity. A query
 * walks only the postings of its rarer stems, so its cost follows those postings, not
 * entries × phrasings, even when a word like "group" is in every phrasing.
 */
export function createPhraseIndex(
  phrasings: readonly { entry: number; stems: readonly string[] }[],
): PhraseIndex {
  const entryCount = new Set(phrasings.map((p) => p.entry)).size;
  const entriesWith = new Map<string, Set<number>>();
  const postings = new Map<string, number[]>();
  const stemSets = phrasings.map(({ stems }) => new Set(stems));
  stemSets.forEach((stems, i) => {
    const entry = phrasings[i]?.entry ?? 0;
    for (const stem of stems) {
      const entries = entriesWith.get(stem) ?? new Set<number>();
      entries.add(entry);
      entriesWith.set(stem, entries);
      const list = postings.get(stem) ?? [];
      list.push(i);
      postings.set(stem, list);
    }
  });
  const unknownWeight = Math.log(1 + entryCount);
  const weights = new Map(
    [...entriesWith].map(([stem, entries]) => [stem, Math.log(1 + entryCount / entries.size)]),
  );
  const norms = Float64Array.from(stemSets, (stems) =>
    Math.sqrt([...stems].reduce((sum, s) => sum + (weights.get(s) ?? 0) ** 2, 0)),
  );
  for (const list of postings.values())
    list.sort((a, b) => (norms[a] ?? 0) - (norms[b] ?? 0) || a - b);
  const bitmaps = new Map<string, Uint8Array>();
  for (const [stem, list] of postings) {
    if (list.length <= COMMON_POSTINGS) continue;
    const bitmap = new Uint8Array(phrasings.length);
    for (const p of list) bitmap[p] = 1;
    bitmaps.set(stem, bitmap);
  }
  const owner = Int32Array.from(phrasings, (p) => p.entry);
  const dots = new Float64Array(phrasings.length);
  const counted = new Int32Array(phrasings.length);

  const search = (stems: readonly string[], limit: number): PhraseHit[] => {
    const unique = [...new Set(stems)].sort(
      (a, b) => (postings.get(a)?.length ?? 0) - (postings.get(b)?.length ?? 0),
    );
    let queryNorm = 0;
    const touched: number[] = [];
    const add = (p: number, weight: number, mark: number): void => {
      if (counted[p] === mark) return;
      counted[p] = mark;
      if (dots[p] === 0) touched.push(p);
      dots[p] = (dots[p] ?? 0) + weight;
    };
    unique.forEach((stem, i) => {
      const w = weights.get(stem) ?? unknownWeight;
      queryNorm += w * w;
      const list = postings.get(stem) ?? [];
      const bitmap = bitmaps.get(stem);
      if (bitmap) {
        for (const p of [...touched]) if (bitmap[p] === 1) add(p, w * w, i + 1);
      } else if (i >= SEEDING_STEMS) {
        for (const p of list) if (dots[p] !== 0) add(p, w * w, i + 1);
      }
      if (i < SEEDING_STEMS) {
        const end = Math.min(list.length, COMMON_POSTINGS);
        for (let k = 0; k < end; k += 1) add(list[k] ?? 0, w * w, i + 1);
      }
    });
    const best = new Map<number, PhraseHit>();
    for (const p of touched) {
      const score = (dots[p] ?? 0) / Math.sqrt(queryNorm) / (norms[p] || 1);
      dots[p] = 0;
      counted[p] = 0;
      const entry = owner[p] ?? 0;
      if ((best.get(entry)?.score ?? 0) < score) best.set(entry, { entry, phrasing: p, score });
    }
    return [...best.values()]
      .sort((a, b) => b.score - a.score || a.entry - b.entry)
      .slice(0, limit);
  };
  return { has: (stem) => weights.has(stem), search };
}
