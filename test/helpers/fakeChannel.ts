import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeChannel {
  readonly url: string;
  /** The activities the bot sent back. */
  readonly received: unknown[];
  /** What the channel answers to the bot's replies from now on. */
  respondWith(status: number, delayMs?: number): void;
  close(): Promise<void>;
}

/** A stand-in for the channel's connector service, which receives the bot's replies. */
export async function startFakeChannel(): Promise<FakeChannel> {
  const received: unknown[] = [];
  let status = 200;
  let delay = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push(body === '' ? undefined : (JSON.parse(body) as unknown));
      setTimeout(() => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${received.length}` }));
      }, delay);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    received,
    respondWith: (next, delayMs = 0) => {
      status = next;
      delay = delayMs;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
