import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { createChatCors } from './chatCors';
import { createChatRoute } from './chatRoute';
import { clientKey } from './clientAddress';
import type { Config } from './config';
import { DIRECT_LINE_TOKEN_PATH, registerDirectLineToken } from './directLineTokenRoute';
import type { FaqAdapter } from './faqAdapter';
import type { Knowledge } from './knowledge';
import { createNonce, pageHeaders } from './pageHeaders';
import { createRateLimiter, type RateLimit } from './rateLimiter';
import { createStaticFileRoute } from './staticFileRoute';
import { WEBCHAT_BUNDLE, WEBCHAT_LICENSE, WEBCHAT_VERSION } from './webChatBundle';
import { renderWebChatPage } from './webChatPage';

/** A person asks a question every few seconds at most; a page load spends one on the welcome. */
export const CHAT_RATE_LIMIT: RateLimit = { perMinute: 30, burst: 10 };

export interface WebChatOptions {
  readonly adapter: FaqAdapter;
  readonly logic: (context: TurnContext) => Promise<void>;
  readonly logger: Logger;
  /** The live knowledge, which may be reloaded while the server runs. */
  readonly knowledge: () => Knowledge;
  readonly config: Config;
  /** The folder holding Web Chat's bundle and its license notices. */
  readonly bundleDir: string;
}

function createPageRoute(options: WebChatOptions) {
  return (_req: Request, res: Response, next: () => void): void => {
    const nonce = createNonce();
    const { practice, resources } = options.knowledge();
    const html = renderWebChatPage({
      practice,
      emergency: resources.emergency,
      nonce,
      bundleUrl: `/webchat/${WEBCHAT_BUNDLE}?v=${WEBCHAT_VERSION}`,
    });
    res.writeHead(200, {
      ...pageHeaders(nonce, options.config.widgetAllowedOrigins),
      'content-type': 'text/html; charset=utf-8',
    });
    res.end(html);
    next();
  };
}

/**
 * The routes the public widget serves; /api/messages joins them only with credentials, and the
 * Direct Line token only with its secret.
 */
function allowOnlyWidgetPaths(server: Server, config: Config): void {
  const paths = ['/', `/webchat/${WEBCHAT_BUNDLE}`, `/webchat/${WEBCHAT_LICENSE}`, '/api/chat'];
  const allowed = new Set([
    ...paths,
    '/healthz',
    ...(config.credentials ? ['/api/messages'] : []),
    ...(config.directLine ? [DIRECT_LINE_TOKEN_PATH] : []),
  ]);
  server.pre((req: Request, res: Response, next: (err?: false) => void) => {
    if (allowed.has(req.getPath())) return next();
    res.send(404, { error: 'Not found.' });
    return next(false);
  });
}

function registerBundle(server: Server, bundleDir: string, logger: Logger): void {
  const files = [
    [WEBCHAT_BUNDLE, 'text/javascript; charset=utf-8'],
    [WEBCHAT_LICENSE, 'text/plain; charset=utf-8'],
  ] as const;
  for (const [name, type] of files) {
    server.get(`/webchat/${name}`, createStaticFileRoute(path.join(bundleDir, name), type, logger));
  }
}

function registerChat(server: Server, options: WebChatOptions): void {
  const { config } = options;
  const cors = createChatCors(config.widgetAllowedOrigins);
  // Only the public widget faces strangers; locally, tests and tools may ask as fast as they like.
  const limiter = config.publicWidget ? createRateLimiter(CHAT_RATE_LIMIT) : undefined;
  const chat = createChatRoute({ ...options, botAppId: config.credentials?.appId ?? '' });
  server.opts('/api/chat', (req: Request, res: Response, next: () => void) => {
    cors.preflight(req, res);
    next();
  });
  server.post('/api/chat', async (req: Request, res: Response) => {
    cors.allow(req, res);
    const wait = limiter?.take(clientKey(req.socket.remoteAddress)) ?? 0;
    if (wait === 0) return chat(req, res);
    res.setHeader('retry-after', String(wait));
    res.setHeader('connection', 'close');
    res.send(429, { error: 'Too many messages; please wait a moment.' });
  });
}

/**
 * The website chat: its page, Web Chat's bundle and license, and POST /api/chat. It is served in
 * local mode and with PUBLIC_WIDGET=true; a deployment with credentials alone serves channels
 * only. With PUBLIC_WIDGET=true every other route answers 404, whoever registered it. With a
 * Direct Line secret, the bundle and POST /api/directline/token are served in any mode, for the
 * practice's own page running Web Chat through Azure Bot Service.
 */
export function registerWebChat(server: Server, options: WebChatOptions): void {
  const { config, logger } = options;
  const selfHosted = !config.credentials || config.publicWidget;
  if (config.publicWidget) allowOnlyWidgetPaths(server, config);
  if (selfHosted || config.directLine) registerBundle(server, options.bundleDir, logger);
  if (config.directLine) {
    const allowedOrigins = config.widgetAllowedOrigins;
    registerDirectLineToken(server, { directLine: config.directLine, allowedOrigins, logger });
  }
  if (!selfHosted) return;
  server.get('/', createPageRoute(options));
  registerChat(server, options);
}
