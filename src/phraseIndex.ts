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
/** Stems in at least this many phrasings, and in this share of them, get a bit set. */
const BITSET_MIN_POSTINGS = 64;
const BITSET_SHARE = 32;

/**
 * An inverted index from stems to phrasings, scored by IDF-weighted cosine similarity. A query
 * walks only the postings of its rarer stems, so its cost follows those postings, not
 * entries × phrasings, even when a word like "group" is in every phrasing.
 */
export function createPhraseIndex(
  phrasings: readonly { entry: number; stems: readonly string[] }[],
): PhraseIndex {
  const owner = Int32Array.from(phrasings, (p) => p.entry);
  const entrySlots = owner.reduce((most, entry) => Math.max(most, entry + 1), 0);
  const entryCount = new Set(owner).size;
  const postings = new Map<string, number[]>();
  const stemSets = phrasings.map(({ stems }) => new Set(stems));
  stemSets.forEach((stems, i) => {
    for (const stem of stems) {
      const list = postings.get(stem);
      if (list) list.push(i);
      else postings.set(stem, [i]);
    }
  });
  const unknownWeight = Math.log(1 + entryCount);
  const weights = new Map<string, number>();
  const seenFor = new Int32Array(entrySlots);
  let stamp = 0;
  for (const [stem, list] of postings) {
    stamp += 1;
    let entries = 0;
    for (const p of list) {
      const entry = owner[p] ?? 0;
      if (seenFor[entry] !== stamp) entries += 1;
      seenFor[entry] = stamp;
    }
    weights.set(stem, Math.log(1 + entryCount / entries));
  }
  const norms = Float64Array.from(stemSets, (stems) => {
    let sum = 0;
    for (const s of stems) sum += (weights.get(s) ?? 0) ** 2;
    return Math.sqrt(sum);
  });
  for (const list of postings.values())
    list.sort((a, b) => (norms[a] ?? 0) - (norms[b] ?? 0) || a - b);
  // A stem in many phrasings also gets a bit set, so that a query can check the phrasings it has
  // already found against it instead of walking the whole list. Small lists are walked anyway.
  const bitsetFrom = Math.max(BITSET_MIN_POSTINGS, Math.ceil(phrasings.length / BITSET_SHARE));
  const bitsets = new Map<string, Uint32Array>();
  for (const [stem, list] of postings) {
    if (list.length < bitsetFrom && list.length <= COMMON_POSTINGS) continue;
    const bits = new Uint32Array(Math.ceil(phrasings.length / 32));
    for (const p of list) bits[p >>> 5] = (bits[p >>> 5] ?? 0) | (1 << (p & 31));
    bitsets.set(stem, bits);
  }
  const dots = new Float64Array(phrasings.length);
  const counted = new Int32Array(phrasings.length);
  // Per-entry bests live in typed arrays, reset after each query, so a query allocates little.
  const entryScore = new Float64Array(entrySlots);
  const entryPhrasing = new Int32Array(entrySlots);
  const byRarity = (stems: readonly string[]): { stem: string; size: number }[] =>
    [...new Set(stems)]
      .map((stem) => ({ stem, size: postings.get(stem)?.length ?? 0 }))
      .sort((a, b) => a.size - b.size);

  const search = (stems: readonly string[], limit: number): PhraseHit[] => {
    const unique = byRarity(stems);
    let queryNorm = 0;
    const touched: number[] = [];
    const add = (p: number, weight: number, mark: number): void => {
      if (counted[p] === mark) return;
      counted[p] = mark;
      if (dots[p] === 0) touched.push(p);
      dots[p] = (dots[p] ?? 0) + weight;
    };
    for (let i = 0; i < unique.length; i += 1) {
      const stem = unique[i]?.stem ?? '';
      const w = weights.get(stem) ?? unknownWeight;
      queryNorm += w * w;
      const list = postings.get(stem) ?? [];
      const bits = bitsets.get(stem);
      const seeding = i < SEEDING_STEMS;
      if (bits && (list.length > COMMON_POSTINGS || (!seeding && touched.length < list.length))) {
        // Only phrasings found already; none is added, so the loop's end stays put.
        for (let t = 0, end = touched.length; t < end; t += 1) {
          const p = touched[t] ?? 0;
          if (((bits[p >>> 5] ?? 0) >>> (p & 31)) & 1) add(p, w * w, i + 1);
        }
      } else if (!seeding) {
        for (const p of list) if (dots[p] !== 0) add(p, w * w, i + 1);
      }
      if (seeding) {
        const end = Math.min(list.length, COMMON_POSTINGS);
        for (let k = 0; k < end; k += 1) add(list[k] ?? 0, w * w, i + 1);
      }
    }
    return bestEntries(touched, Math.sqrt(queryNorm), limit);
  };

  /** The best phrasing of each entry found, ranked, with the query's scratch state cleared. */
  const bestEntries = (touched: readonly number[], queryLength: number, limit: number) => {
    const found: number[] = [];
    for (const p of touched) {
      const score = (dots[p] ?? 0) / queryLength / (norms[p] || 1);
      dots[p] = 0;
      counted[p] = 0;
      const entry = owner[p] ?? 0;
      const previous = entryScore[entry] ?? 0;
      if (previous === 0) found.push(entry);
      if (previous < score) {
        entryScore[entry] = score;
        entryPhrasing[entry] = p;
      }
    }
    const top = topEntries(found, entryScore, limit);
    const hits = top.map((entry) => ({
      entry,
      phrasing: entryPhrasing[entry] ?? 0,
      score: entryScore[entry] ?? 0,
    }));
    for (const entry of found) entryScore[entry] = 0;
    return hits;
  };
  return { has: (stem) => weights.has(stem), search };
}

/** The `limit` entries with the highest scores, ties to the lower entry, without sorting them all. */
function topEntries(entries: readonly number[], scores: Float64Array, limit: number): number[] {
  const ahead = (a: number, b: number): boolean =>
    (scores[a] ?? 0) > (scores[b] ?? 0) || ((scores[a] ?? 0) === (scores[b] ?? 0) && a < b);
  const top: number[] = [];
  if (limit <= 0) return top;
  for (const entry of entries) {
    if (top.length === limit && !ahead(entry, top[limit - 1] ?? 0)) continue;
    let at = Math.min(top.length, limit - 1);
    top[at] = entry;
    while (at > 0 && ahead(entry, top[at - 1] ?? 0)) {
      top[at] = top[at - 1] ?? 0;
      at -= 1;
      top[at] = entry;
    }
  }
  return top;
}
