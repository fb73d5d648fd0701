import type { BenchServer } from './spawnBenchServer';

export interface MemorySampler {
  /** Stops sampling and returns the highest RSS seen, in bytes. */
  stop(): Promise<number>;
}

/** Polls a server's RSS while it is under load, since the peak is gone once the load stops. */
export function sampleMemory(server: BenchServer, intervalMs = 500): MemorySampler {
  let peak = 0;
  let failure: unknown;
  let pending: Promise<void> = Promise.resolve();
  const sample = (): void => {
    pending = server.usage().then(
      ({ rss }) => {
        peak = Math.max(peak, rss);
      },
      // Kept for stop(), since nothing awaits a sample that a later one replaces.
      (err: unknown) => {
        failure ??= err;
      },
    );
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await pending;
      if (failure !== undefined) throw failure;
      return peak;
    },
  };
}
