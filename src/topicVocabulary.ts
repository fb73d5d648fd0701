/** The features the topic model counts, as small ids. */
export interface Vocabulary {
  readonly featureCount: number;
  /** The ids of a text's known stems and pairs of neighbouring stems, in order, repeats kept. */
  featuresOf(stems: readonly string[]): number[];
}

/** Ids for every stem and every pair of neighbouring stems; a pair is keyed by number, not text. */
export function createVocabulary(phrasings: readonly { stems: readonly string[] }[]): Vocabulary {
  const stemIds = new Map<string, number>();
  for (const { stems } of phrasings)
    for (const s of stems) if (!stemIds.has(s)) stemIds.set(s, stemIds.size);
  const pairKey = (a: number, b: number): number => a * stemIds.size + b;
  const pairIds = new Map<number, number>();
  for (const { stems } of phrasings) {
    for (let i = 1; i < stems.length; i += 1) {
      const key = pairKey(stemIds.get(stems[i - 1] ?? '') ?? 0, stemIds.get(stems[i] ?? '') ?? 0);
      if (!pairIds.has(key)) pairIds.set(key, stemIds.size + pairIds.size);
    }
  }
  return {
    featureCount: stemIds.size + pairIds.size,
    featuresOf(stems) {
      const out: number[] = [];
      let previous = -1;
      for (const s of stems) {
        const id = stemIds.get(s) ?? -1;
        if (id >= 0) out.push(id);
        const pair = previous >= 0 && id >= 0 ? pairIds.get(pairKey(previous, id)) : undefined;
        if (pair !== undefined) out.push(pair);
        previous = id;
      }
      return out;
    },
  };
}
