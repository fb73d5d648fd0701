import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { loadConfig } from '../config';
import { createApp } from '../createApp';
import { createLogger } from '../createLogger';
import { createEchoServer } from './echoServer';

/** What a benchmark server reports to the process that started it. */
export type ServerMessage =
  | { readonly type: 'listening'; readonly port: number }
  | {
      readonly type: 'usage';
      readonly rss: number;
      readonly heapUsed: number;
      readonly cpuMs: number;
    };

function createServer(kind: string | undefined): Server {
  if (kind === 'echo') return createEchoServer();
  if (kind === 'service') {
    return createApp(loadConfig({ PORT: '0', LOG_LEVEL: 'silent' }), createLogger('silent')).server;
  }
  throw new Error(`benchServer: expected "service" or "echo", got "${String(kind)}"`);
}

const send = (message: ServerMessage): boolean | undefined => process.send?.(message);

/**
 * A child process that serves one bot on a free loopback port, so that the load generator in the
 * parent and the server under test each get a core. It answers "usage" with its memory and CPU time, and
 * exits when the parent goes, which also writes a --cpu-prof profile.
 */
function main(): void {
  const server = createServer(process.argv[2]);
  server.listen(0, '127.0.0.1', () => {
    send({ type: 'listening', port: (server.address() as AddressInfo).port });
  });
  process.on('message', (request) => {
    // The parent asks for a collected heap only where the child was started with --expose-gc.
    if (request === 'gc') globalThis.gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    const { user, system } = process.cpuUsage();
    send({ type: 'usage', rss, heapUsed, cpuMs: (user + system) / 1000 });
  });
  process.once('disconnect', () => process.exit(0));
}

main();
