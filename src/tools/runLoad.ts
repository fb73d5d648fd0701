import autocannon from 'autocannon';

export interface LoadOptions {
  readonly url: string;
  readonly connections: number;
  /** Seconds to run for, unless `amount` is given. */
  readonly seconds?: number;
  /** Requests to send; overrides `seconds`. */
  readonly amount?: number;
  readonly nextBody: () => string;
}

export interface LoadResult {
  /** Responses other than 2xx, and connection errors (timeouts among them). */
  readonly failed: number;
  readonly seconds: number;
  /** Milliseconds per 2xx response, in order, so that runs can be merged. */
  readonly latencies: Float64Array;
}

/**
 * POSTs to /api/messages with autocannon. Latencies are kept here rather than read from
 * autocannon's histogram, which rounds them to whole milliseconds.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.amount === undefined
      ? { duration: options.seconds ?? 10 }
      : { amount: options.amount }),
    requests: [
      {
        method: 'POST',
        path: '/api/messages',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: options.nextBody() }),
      },
    ],
  });
  instance.on('response', (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  const result = await instance;
  return {
    failed: result.non2xx + result.errors,
    seconds: result.duration,
    latencies: Float64Array.from(latencies).sort(),
  };
}
