import type { Request, Response } from 'restify';

export interface ChatCors {
  /** Lets an allowed site's page read the response; other sites get no CORS headers. */
  allow(req: Request, res: Response): void;
  /** Answers a preflight: 204 for an allowed site, 403 for any other. */
  preflight(req: Request, res: Response): void;
}

/**
 * CORS for /api/chat and /api/directline/token, from WIDGET_ALLOWED_ORIGINS. The chat page itself
 * is same-origin and needs none of it; the list is for sites that call the bot from their own
 * pages. /api/chat's JSON content type forces a preflight, so a browser on any other site never
 * sends the POST at all; the token's bodiless POST needs none, so that route checks Origin too.
 */
export function createChatCors(allowedOrigins: readonly string[]): ChatCors {
  const allowed = new Set(allowedOrigins);
  const originOf = (req: Request): string | undefined => {
    const origin = req.headers.origin;
    return typeof origin === 'string' && allowed.has(origin) ? origin : undefined;
  };
  return {
    allow(req, res) {
      res.setHeader('vary', 'Origin');
      const origin = originOf(req);
      if (!origin) return;
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-expose-headers', 'Retry-After');
    },
    preflight(req, res) {
      res.setHeader('vary', 'Origin');
      const origin = originOf(req);
      if (!origin) {
        res.send(403, { error: 'This site may not call the chat.' });
        return;
      }
      res.writeHead(204, {
        'access-control-allow-origin': origin,
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'content-type',
        'access-control-max-age': '600',
      });
      res.end();
    },
  };
}
