import { fork, type ChildProcess } from 'node:child_process';
import { on } from 'node:events';
import path from 'node:path';
import type { ServerMessage } from './benchServer';

export type ServerKind = 'service' | 'echo';

export interface Usage {
  readonly rss: number;
  readonly heapUsed: number;
  /** CPU time the process has used since it started, user and system together. */
  readonly cpuMs: number;
}

export interface BenchServer {
  readonly url: string;
  /** The server's memory and CPU time; `collect` runs a full GC first where the child allows it. */
  usage(collect?: boolean): Promise<Usage>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 20_000;

function waitForPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start')), START_TIMEOUT_MS);
    child.once('exit', (code) => reject(new Error(`the server exited with code ${code}`)));
    child.on('message', (message: ServerMessage) => {
      if (message.type !== 'listening') return;
      clearTimeout(timer);
      resolve(message.port);
    });
  });
}

async function askUsage(child: ChildProcess, collect: boolean): Promise<Usage> {
  if (!child.connected) throw new Error('the server process has exited');
  // A server that has stopped answering must not hold the benchmark up for ever.
  const replies = on(child, 'message', { signal: AbortSignal.timeout(10_000) });
  child.send(collect ? 'gc' : 'usage');
  try {
    for await (const [message] of replies as AsyncIterable<[ServerMessage]>) {
      if (message.type !== 'usage') continue;
      return { rss: message.rss, heapUsed: message.heapUsed, cpuMs: message.cpuMs };
    }
  } catch (err) {
    throw new Error('the server did not report its usage', { cause: err });
  }
  throw new Error('the server process has exited');
}

/**
 * The node flags `npm start` runs the service with, and so the benchmarks too. A heap capped at
 * 512 MiB, far above the 80-odd MiB the service keeps live, stops V8 from growing its headroom
 * with the allocation rate: RSS stays flat under load instead of rising by a quarter.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-old-space-size=512'];

/**
 * Starts one bot in its own process on a free loopback port; `execArgv` goes to its node, after
 * SERVICE_NODE_FLAGS for the service. The echo bot runs with node's defaults.
 */
export async function spawnBenchServer(
  kind: ServerKind,
  execArgv: readonly string[] = [],
): Promise<BenchServer> {
  const child = fork(path.join(__dirname, 'benchServer.js'), [kind], {
    execArgv: [...(kind === 'service' ? SERVICE_NODE_FLAGS : []), ...execArgv],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await waitForPort(child);
  return {
    url: `http://127.0.0.1:${port}`,
    usage: (collect = false) => askUsage(child, collect),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        // Leaving the channel lets the child exit by itself, and write its profile as it goes.
        child.disconnect();
      }),
  };
}
