import { randomBytes } from 'node:crypto';
import type { DirectLine } from './directLineConfig';
import { DirectLineError } from './directLineError';

/** What the browser gets: enough for Web Chat, and nothing that opens another conversation. */
export interface IssuedToken {
  readonly token: string;
  readonly conversationId: string;
  /** Seconds until the token expires; Web Chat refreshes it with Direct Line before then. */
  readonly expiresIn: number;
  readonly userId: string;
}

export interface DirectLineTokenOptions extends DirectLine {
  /** The sites that may host Web Chat with the token; Direct Line embeds them in it. */
  readonly trustedOrigins: readonly string[];
  readonly timeoutMs: number;
}

/**
 * Direct Line binds the token to this id and rewrites any other id a client sends, but only for
 * ids starting with "dl_". 128 random bits make it unguessable, so no one can pose as another.
 */
export function newDirectLineUserId(): string {
  return `dl_${randomBytes(16).toString('hex')}`;
}

function issuedToken(body: unknown, userId: string): IssuedToken {
  const { token, conversationId, expires_in: expiresIn } = (body ?? {}) as Record<string, unknown>;
  if (
    typeof token !== 'string' ||
    token === '' ||
    typeof conversationId !== 'string' ||
    typeof expiresIn !== 'number' ||
    !(expiresIn > 0)
  ) {
    throw new DirectLineError('Direct Line answered a token request without a usable token');
  }
  return { token, conversationId, expiresIn, userId };
}

async function post(url: string, init: RequestInit): Promise<unknown> {
  try {
    const res = await fetch(url, init);
    if (!res.ok) {
      await res.body?.cancel();
      throw new DirectLineError(`Direct Line answered ${res.status} to a token request`, {
        status: res.status,
      });
    }
    return await res.json();
  } catch (err) {
    if (err instanceof DirectLineError) throw err;
    // AbortSignal.timeout's DOMException: checked by name, as it may come from another realm.
    const timedOut = (err as { name?: unknown } | null)?.name === 'TimeoutError';
    const message = timedOut ? 'did not answer in time' : 'could not be reached or read';
    throw new DirectLineError(`Direct Line ${message}`, { cause: err, timedOut });
  }
}

/**
 * Exchanges the Direct Line secret for a token to one new conversation. The timeout covers the
 * whole exchange, body included, so a hung Direct Line cannot hold the visitor's request. A
 * redirect is refused rather than followed: the secret goes to the configured address only.
 */
export function createDirectLineTokens(options: DirectLineTokenOptions) {
  const url = `${options.endpoint}/v3/directline/tokens/generate`;
  return async (): Promise<IssuedToken> => {
    const userId = newDirectLineUserId();
    const body = await post(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${options.secret}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ user: { id: userId }, trustedOrigins: options.trustedOrigins }),
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    return issuedToken(body, userId);
  };
}
