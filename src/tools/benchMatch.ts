import { loadKnowledge } from '../loadKnowledge';
import { createMatcher, type Matcher } from '../matcher';
import { loadEvalSet } from './evalSet';
import { DEFAULT_SETS } from './runEval';
import { createSyntheticKnowledge } from './syntheticKnowledge';

const ROUNDS = 5;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function time<T>(work: () => T): [T, number] {
  const start = process.hrtime.bigint();
  const result = work();
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}

function measure(name: string, build: () => Matcher, messages: readonly string[]): void {
  const [match, buildMs] = time(build);
  for (const m of messages) match(m);
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const m of messages) samples.push(time(() => match(m))[1]);
  }
  samples.sort((a, b) => a - b);
  const fmt = (ms: number): string => `${ms.toFixed(3)} ms`;
  process.stdout.write(
    `${name.padEnd(34)} load+index ${fmt(buildMs).padStart(11)}   p50 ${fmt(percentile(samples, 50))}   p99 ${fmt(percentile(samples, 99))}   max ${fmt(samples.at(-1) ?? 0)}   (${samples.length} matches)\n`,
  );
}

function main(): void {
  const dir = process.env.KNOWLEDGE_DIR ?? 'knowledge';
  // The first load in a process is the one a starting service pays: nothing is compiled yet.
  const [knowledge, coldMs] = time(() => {
    const loaded = loadKnowledge(dir);
    createMatcher(loaded);
    return loaded;
  });
  process.stdout.write(
    `shipped knowledge base, first load+index in this process: ${coldMs.toFixed(1)} ms\n`,
  );
  const messages = DEFAULT_SETS.flatMap((file) =>
    loadEvalSet(file, new Set(knowledge.byId.keys())).map((i) => i.q),
  );
  process.stdout.write(`matching ${messages.length} eval messages, ${ROUNDS} rounds each\n`);
  measure(
    `shipped (${knowledge.entries.length} entries, reload)`,
    () => createMatcher(loadKnowledge(dir)),
    messages,
  );
  const large = createSyntheticKnowledge(knowledge, 5000);
  measure('synthetic (5,000 entries, seed 42)', () => createMatcher(large), messages);
}

main();
