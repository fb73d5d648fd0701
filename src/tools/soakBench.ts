import { count, mib, ms, print, row, signedPercent } from './benchFormat';
import type { LoadMix } from './loadMix';
import { loadFigures } from './loadFigures';
import { runLoad, type LoadResult } from './runLoad';
import { spawnBenchServer, type BenchServer, type Usage } from './spawnBenchServer';

export interface SoakSettings {
  readonly connections: number;
  readonly warmupTurns: number;
  readonly turns: number;
  /** The turns run in steps of this size, with the memory read after each. */
  readonly step: number;
}

const WIDTHS = [10, 10, 8, 13, 7, 9, 6];

async function readMemory(server: BenchServer): Promise<Usage> {
  const { rss, cpuMs } = await server.usage();
  // A full collection shows what the service still holds; RSS also counts garbage not yet freed.
  const { heapUsed } = await server.usage(true);
  return { rss, heapUsed, cpuMs };
}

function line(turns: number, memory: Usage, change: string, load: LoadResult): string {
  const { perSecond, p99, failed } = loadFigures([load]);
  const cells = [count(turns), mib(memory.rss), change, mib(memory.heapUsed)];
  return row([...cells, count(perSecond), ms(p99), count(failed)], WIDTHS);
}

/**
 * Many turns over a bounded set of conversations against the real service. Its state is bounded
 * and expires, so once the warm-up has started every conversation, memory should stay flat.
 */
export async function soak(mix: LoadMix, settings: SoakSettings): Promise<void> {
  print([
    `${count(settings.warmupTurns)}-turn warm-up, then ${count(settings.turns)} turns over ${count(mix.conversations)} conversations, ${settings.connections} connections`,
    '',
    row(['after turn', 'RSS', 'change', 'heap after GC', 'req/s', 'p99', 'failed'], WIDTHS),
  ]);
  const server = await spawnBenchServer('service', ['--expose-gc']);
  try {
    const load = { url: server.url, connections: settings.connections, nextBody: mix.nextBody };
    const warm = await runLoad({ ...load, amount: settings.warmupTurns });
    const base = await readMemory(server);
    print([line(settings.warmupTurns, base, '', warm)]);
    let change = 0;
    for (let done = 0; done < settings.turns; done += settings.step) {
      const amount = Math.min(settings.step, settings.turns - done);
      const result = await runLoad({ ...load, amount });
      const memory = await readMemory(server);
      change = (memory.rss - base.rss) / base.rss;
      print([line(settings.warmupTurns + done + amount, memory, signedPercent(change), result)]);
    }
    print([
      '',
      `RSS change from the warm-up to the end: ${signedPercent(change)} (target: within 10%)`,
    ]);
  } finally {
    await server.stop();
  }
}
