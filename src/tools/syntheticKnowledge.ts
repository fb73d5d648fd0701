import type { Entry } from '../knowledge';
import type { MatcherKnowledge } from '../matcher';

/** A small seeded generator, so that every run builds the same knowledge base. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'tas',
  'vo',
  'zu',
  'pel',
  'dra',
  'fin',
  'gor',
  'hul',
  'sen',
  'tri',
  'wex',
  'yam',
];

/**
 * A knowledge base of `size` entries shaped like the real one: each entry's phrasings are a real
 * entry's phrasings with their rarer words swapped for words of the entry's own topic, so
 * lengths, shared common words and variety follow the real ones.
 */
export function createSyntheticKnowledge(
  real: MatcherKnowledge,
  size: number,
  seed = 42,
): MatcherKnowledge {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const word = (): string =>
    Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join('');
  const entries: Entry[] = [];
  for (let i = 0; i < size; i += 1) {
    const template = pick(real.entries);
    const topic = new Map<string, string>();
    const swap = (text: string): string =>
      text.replace(/[a-z]{6,}/gi, (w) => {
        if (random() < 0.4) return w;
        const key = w.toLowerCase();
        if (!topic.has(key)) topic.set(key, word());
        return topic.get(key) ?? w;
      });
    entries.push({
      ...template,
      id: `${template.id}-${i}`,
      label: `Topic ${i}`,
      question: swap(template.question),
      alternates: template.alternates.map(swap),
      followUps: [],
    });
  }
  return { entries, synonyms: real.synonyms, notCovered: real.notCovered };
}
