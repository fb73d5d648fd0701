import http, { type IncomingHttpHeaders } from 'node:http';

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

export interface RequestOptions {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** The loopback address to send from, so that a test can be two different visitors. */
  readonly localAddress?: string;
}

/**
 * A plain node:http request: unlike fetch, it can send from a chosen local address and set the
 * Origin header, as a browser on another site would.
 */
export function request(url: string, options: RequestOptions = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export interface ChatReply {
  readonly conversationId: string;
  readonly activities: {
    type: string;
    text?: string;
    suggestedActions?: { actions: { title: string; value: string }[] };
  }[];
}

/** POSTs a JSON body to /api/chat. */
export function postChat(
  baseUrl: string,
  body: unknown,
  options: Omit<RequestOptions, 'body' | 'method'> = {},
): Promise<RawResponse> {
  return request(`${baseUrl}/api/chat`, {
    ...options,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export const replyOf = (res: RawResponse): ChatReply => JSON.parse(res.text) as ChatReply;
