import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

/** Azurite's built-in account; its key is published in Azurite's documentation, not a secret. */
export const ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface Azurite {
  readonly port: number;
  stop(): Promise<void>;
}

export const connectionStringFor = (port: number): string =>
  `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${ACCOUNT_KEY};BlobEndpoint=http://127.0.0.1:${port}/devstoreaccount1;`;

const LISTEN_PROBE =
  "require('node:net').createServer().listen(0, '127.0.0.1', function () { this.close(); })";

/**
 * Why this machine cannot run a local service for a test, or undefined when it can. A sandbox
 * with no child processes or no loopback is outside the project, and only that may skip a test:
 * Azurite failing on a machine that could run it is the project's failure.
 */
export function loopbackUnavailable(): string | undefined {
  const probe = spawnSync(process.execPath, ['-e', LISTEN_PROBE], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (probe.error) return `cannot start a child process (${probe.error.message})`;
  if (probe.status !== 0) return `cannot listen on 127.0.0.1 (${probe.stderr.trim()})`;
  return undefined;
}

/** Resolves with the port once Azurite says where it listens; rejects if it exits or stalls first. */
function addressOf(child: ChildProcessByStdio<null, Readable, Readable>): Promise<number> {
  let output = '';
  return new Promise((resolve, reject) => {
    const fail = (why: string): void => {
      clearTimeout(timer);
      reject(new Error(`Azurite did not start: ${why}\n${output}`));
    };
    const onExit = (code: number | null): void => fail(`it exited with ${code ?? 'a signal'}`);
    const timer = setTimeout(() => fail('no address within 15 s'), 15_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve(Number(match[1]));
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('error', (err) => fail(err.message));
    child.once('exit', onExit);
  });
}

/**
 * Azurite's blob service as a child process on loopback, in memory only, with telemetry off: this
 * machine has no network, and a test must not phone home anyway.
 */
export async function startAzurite(port = 0): Promise<Azurite> {
  const child = spawn(
    process.execPath,
    [
      require.resolve('azurite/dist/src/blob/main.js'),
      ...['--blobHost', '127.0.0.1', '--blobPort', String(port), '--extentMemoryLimit', '64'],
      ...['--inMemoryPersistence', '--skipApiVersionCheck', '--loose', '--silent'],
      '--disableTelemetry',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Azurite closes gracefully on SIGTERM, but waits for idle keep-alive connections to go.
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const force = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(force);
  };
  try {
    return { port: await addressOf(child), stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
