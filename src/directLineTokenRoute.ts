import type { Request, Response, Server } from 'restify';
import type { Logger } from 'pino';
import { createChatCors, type ChatCors } from './chatCors';
import { clientKey } from './clientAddress';
import type { DirectLine } from './directLineConfig';
import { DirectLineError } from './directLineError';
import { createDirectLineTokens } from './directLineTokens';
import { HttpError } from './httpError';
import { createRateLimiter, type RateLimit } from './rateLimiter';
import { readEmptyBody } from './readEmptyBody';

export const DIRECT_LINE_TOKEN_PATH = '/api/directline/token';

/** A page load takes one token; a few reloads are fine, minting them in bulk is not. */
export const TOKEN_RATE_LIMIT: RateLimit = { perMinute: 10, burst: 5 };

/** Long enough for Direct Line on a slow day, short enough that the visitor is not left waiting. */
export const DIRECT_LINE_TIMEOUT_MS = 5_000;

export interface DirectLineTokenRouteOptions {
  readonly directLine: DirectLine;
  /** The sites whose pages may fetch a token; Direct Line also embeds them in the token. */
  readonly allowedOrigins: readonly string[];
  readonly logger: Logger;
  readonly timeoutMs?: number;
}

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

/** Browsers send Origin with every cross-site POST; a site not on the list gets no token minted. */
function checkOrigin(req: Request, allowedOrigins: readonly string[]): void {
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins.includes(String(origin))) {
    throw new HttpError(403, 'This site may not start a chat.');
  }
}

const UNAVAILABLE: Answer = {
  status: 502,
  body: { error: 'The chat service is unavailable; please try again later.' },
};
const TIMED_OUT: Answer = {
  status: 504,
  body: { error: 'The chat service did not answer in time; please try again.' },
};

/** Direct Line's own answer says how it failed, not what a visitor should read: it is dropped. */
function failure(err: unknown, logger: Logger): Answer {
  if (err instanceof HttpError) return { status: err.status, body: { error: err.publicMessage } };
  if (err instanceof DirectLineError) {
    logger.warn({ err, status: err.status, timedOut: err.timedOut }, 'direct line token failed');
    return err.timedOut ? TIMED_OUT : UNAVAILABLE;
  }
  logger.error({ err }, 'direct line token request failed');
  return { status: 500, body: { error: 'Something went wrong.' } };
}

function createTokenHandler(options: DirectLineTokenRouteOptions, cors: ChatCors) {
  const { allowedOrigins, logger } = options;
  const limiter = createRateLimiter(TOKEN_RATE_LIMIT);
  const issue = createDirectLineTokens({
    ...options.directLine,
    trustedOrigins: allowedOrigins,
    timeoutMs: options.timeoutMs ?? DIRECT_LINE_TIMEOUT_MS,
  });
  const answer = async (req: Request): Promise<Answer> => {
    checkOrigin(req, allowedOrigins);
    await readEmptyBody(req);
    return { status: 200, body: await issue() };
  };
  return async (req: Request, res: Response): Promise<void> => {
    cors.allow(req, res);
    // A token opens a conversation; no cache along the way may keep it.
    res.setHeader('cache-control', 'no-store');
    const wait = limiter.take(clientKey(req.socket.remoteAddress));
    const { status, body } =
      wait > 0
        ? { status: 429, body: { error: 'Too many requests; please wait a moment.' } }
        : await answer(req).catch((err: unknown) => failure(err, logger));
    if (wait > 0) res.setHeader('retry-after', String(wait));
    if (status >= 400) res.setHeader('connection', 'close');
    res.send(status, body);
  };
}

/**
 * POST /api/directline/token, for the practice's own page running Web Chat through Azure Bot
 * Service: it exchanges the Direct Line secret, which opens every conversation, for a token to a
 * single new one. Only the token, its conversation, its lifetime and the user id leave.
 */
export function registerDirectLineToken(
  server: Server,
  options: DirectLineTokenRouteOptions,
): void {
  const cors = createChatCors(options.allowedOrigins);
  server.opts(DIRECT_LINE_TOKEN_PATH, (req: Request, res: Response, next: () => void) => {
    cors.preflight(req, res);
    next();
  });
  server.post(DIRECT_LINE_TOKEN_PATH, createTokenHandler(options, cors));
}
