import { isHttpsOrLoopback } from './loopback';

export interface DirectLine {
  /** The Direct Line channel's secret: a master key to every conversation, kept on the server. */
  readonly secret: string;
  /** Direct Line's base address: the global one, a regional one, or a stand-in for tests. */
  readonly endpoint: string;
}

export const DEFAULT_DIRECT_LINE_ENDPOINT = 'https://directline.botframework.com';

type Env = Readonly<Record<string, string | undefined>>;

interface Needs {
  readonly hasCredentials: boolean;
  readonly trustedOrigins: readonly string[];
}

/** Scheme, host and port only, since the API's paths are appended to it. */
function readEndpoint(raw: string | undefined, problems: string[]): string {
  if (raw === undefined || raw === '') return DEFAULT_DIRECT_LINE_ENDPOINT;
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  const bare = url !== undefined && `${url.origin}/` === url.href;
  if (!url || !bare || !isHttpsOrLoopback(url)) {
    problems.push(
      `DIRECT_LINE_ENDPOINT must be an https address with no path, such as https://europe.directline.botframework.com, or http on this machine, got "${raw}"`,
    );
    return raw;
  }
  return url.origin;
}

/**
 * The secret goes into an Authorization header; a character a header cannot hold would make
 * fetch throw an error that quotes it, and errors are logged. So its value is never echoed here.
 */
function checkSecret(secret: string, problems: string[]): void {
  if (!/^[\x21-\x7e]+$/.test(secret)) {
    problems.push(
      "DIRECT_LINE_SECRET must be the secret from the Azure Bot's Direct Line channel, with no spaces or other characters outside printable ASCII (its value is not shown)",
    );
  }
}

/**
 * Direct Line is on only with a secret. It needs the MicrosoftApp* settings, because Azure Bot
 * Service delivers its messages to /api/messages with them, and WIDGET_ALLOWED_ORIGINS, because
 * those sites' pages are the only ones that may fetch a token and host Web Chat.
 */
export function readDirectLine(env: Env, needs: Needs, problems: string[]): DirectLine | undefined {
  const secret = env.DIRECT_LINE_SECRET ?? '';
  if (secret === '') {
    if ((env.DIRECT_LINE_ENDPOINT ?? '') !== '') {
      problems.push('DIRECT_LINE_ENDPOINT needs DIRECT_LINE_SECRET: without it Direct Line is off');
    }
    return undefined;
  }
  const before = problems.length;
  checkSecret(secret, problems);
  const endpoint = readEndpoint(env.DIRECT_LINE_ENDPOINT, problems);
  if (!needs.hasCredentials) {
    problems.push(
      'DIRECT_LINE_SECRET needs the MicrosoftApp* settings: Azure Bot Service delivers Direct Line messages to /api/messages with them',
    );
  }
  if (needs.trustedOrigins.length === 0) {
    problems.push(
      'DIRECT_LINE_SECRET needs WIDGET_ALLOWED_ORIGINS: the sites whose pages may fetch a token and host Web Chat',
    );
  }
  return problems.length > before ? undefined : { secret, endpoint };
}
