import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export type Label = 'fallback' | 'crisis' | 'smalltalk' | 'benign';

export interface EvalItem {
  readonly q: string;
  /** Acceptable entry ids, or one label. */
  readonly expect: readonly string[] | Label;
  readonly channel: string;
}

const LABELS = new Set<string>(['fallback', 'crisis', 'smalltalk', 'benign']);

/** Reads an eval file: a YAML list of { q, expect, channel? }; every id must be known. */
export function loadEvalSet(file: string, knownIds: ReadonlySet<string>): EvalItem[] {
  const data = parse(readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(data)) throw new Error(`${file}: must be a YAML list of items`);
  return data.map((raw: unknown, i) => {
    const item = raw as { q?: unknown; expect?: unknown; channel?: unknown };
    const where = `${file}: item ${i + 1}`;
    if (typeof item.q !== 'string') throw new Error(`${where}: "q" must be text`);
    const expect = Array.isArray(item.expect) ? item.expect : [item.expect];
    if (expect.length === 1 && LABELS.has(String(expect[0]))) {
      return { q: item.q, expect: expect[0] as Label, channel: String(item.channel ?? 'webchat') };
    }
    for (const id of expect) {
      if (typeof id !== 'string' || !knownIds.has(id))
        throw new Error(`${where}: unknown expect "${String(id)}"`);
    }
    return { q: item.q, expect: expect as string[], channel: String(item.channel ?? 'webchat') };
  });
}
