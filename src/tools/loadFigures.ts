import type { LoadResult } from './runLoad';

export interface LoadFigures {
  readonly ok: number;
  readonly failed: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Throughput and latency over one or more runs against the same server, taken as one. */
export function loadFigures(runs: readonly LoadResult[]): LoadFigures {
  const latencies = new Float64Array(runs.reduce((n, r) => n + r.latencies.length, 0));
  let at = 0;
  for (const run of runs) {
    latencies.set(run.latencies, at);
    at += run.latencies.length;
  }
  latencies.sort();
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  return {
    ok: latencies.length,
    failed: runs.reduce((sum, r) => sum + r.failed, 0),
    perSecond: seconds > 0 ? latencies.length / seconds : 0,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}
