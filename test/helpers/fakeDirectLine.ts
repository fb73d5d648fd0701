import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const TOKEN_PATH = '/v3/directline/tokens/generate';

/** Words only the fake's failure answer holds, to show that none of it reaches the browser. */
export const DIRECT_LINE_INTERNALS = 'BadArgument: tenant 4711 at directline-internal-node-7';

export interface TokenRequest {
  readonly path: string;
  readonly authorized: boolean;
  readonly body: unknown;
}

export type FakeAnswer = 'token' | 'failure' | 'silence';

export interface FakeDirectLine {
  readonly url: string;
  /** Every request received, with whether it carried the secret. */
  readonly requests: TokenRequest[];
  /** From now on: a token, a 500 with internals in its body, or no answer at all. */
  answerWith(answer: FakeAnswer): void;
  close(): Promise<void>;
}

/** A stand-in for Direct Line's token service on loopback, which accepts one secret only. */
export async function startFakeDirectLine(secret: string): Promise<FakeDirectLine> {
  const requests: TokenRequest[] = [];
  let answer: FakeAnswer = 'token';
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      const authorized = req.headers.authorization === `Bearer ${secret}`;
      const body = text === '' ? undefined : (JSON.parse(text) as unknown);
      requests.push({ path: req.url ?? '', authorized, body });
      if (answer === 'silence') return;
      if (!authorized || req.url !== TOKEN_PATH || answer === 'failure') {
        res.writeHead(authorized ? 500 : 403, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'Failure', message: DIRECT_LINE_INTERNALS } }));
        return;
      }
      const n = requests.length;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ conversationId: `conv-${n}`, token: `token-${n}`, expires_in: 3600 }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answerWith: (next) => {
      answer = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
