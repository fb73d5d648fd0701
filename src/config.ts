import path from 'node:path';
import { ConfigError } from './configError';
import { readCredentials, type Credentials } from './credentialsConfig';
import { readDirectLine, type DirectLine } from './directLineConfig';
import { isLoopback } from './loopback';
import { readOrigins } from './originList';
import { readStateStorage, type StateStorage } from './stateStorageSettings';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly logLevel: string;
  readonly knowledgeDir: string;
  /** Absent means local mode: Bot Framework authentication is off and the bot stays on loopback. */
  readonly credentials?: Credentials;
  readonly allowPublicLocalMode: boolean;
  /** Serves the website chat to the public; /api/messages stays off unless credentials are set. */
  readonly publicWidget: boolean;
  /** Sites that may embed the chat page and call /api/chat from their own pages. */
  readonly widgetAllowedOrigins: readonly string[];
  /** Azure Bot Service's Direct Line, for a widget on the practice's own page; absent means off. */
  readonly directLine?: DirectLine;
  /** A conversation's state is forgotten after this many idle minutes. */
  readonly stateTtlMinutes: number;
  /** Shared by every instance; absent means in-memory state, for one instance only. */
  readonly stateStorage?: StateStorage;
  /** Key for hashing ids in logs; random per process when not configured. */
  readonly logHashKey?: string;
}

export type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export type { AppType, Credentials } from './credentialsConfig';

function readPort(raw: string | undefined, problems: string[]): number {
  if (raw === undefined || raw === '') return 3978;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT must be a whole number from 0 to 65535, got "${raw}"`);
  }
  return port;
}

function readBoolean(name: string, raw: string | undefined, problems: string[]): boolean {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  problems.push(`${name} must be "true" or "false", got "${raw}"`);
  return false;
}

/** Reads and validates the environment once, listing every bad key in one error. */
export function loadConfig(env: Env): Config {
  const problems: string[] = [];
  const port = readPort(env.PORT, problems);
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const credentials = readCredentials(env, problems);
  const allowPublicLocalMode = readBoolean(
    'ALLOW_PUBLIC_LOCAL_MODE',
    env.ALLOW_PUBLIC_LOCAL_MODE,
    problems,
  );
  const host = env.HOST || (credentials ? '0.0.0.0' : '127.0.0.1');
  const publicWidget = readBoolean('PUBLIC_WIDGET', env.PUBLIC_WIDGET, problems);
  const widgetAllowedOrigins = readOrigins(
    'WIDGET_ALLOWED_ORIGINS',
    env.WIDGET_ALLOWED_ORIGINS,
    problems,
  );
  const directLine = readDirectLine(
    env,
    { hasCredentials: credentials !== undefined, trustedOrigins: widgetAllowedOrigins },
    problems,
  );
  // The public widget turns /api/messages off, so nothing unauthenticated faces the network.
  if (!credentials && !isLoopback(host) && !allowPublicLocalMode && !publicWidget) {
    problems.push(
      `HOST "${host}" is not a loopback address, and no MicrosoftApp* credentials are set: without them anyone could call the bot. Set credentials, PUBLIC_WIDGET=true for the website chat alone, or ALLOW_PUBLIC_LOCAL_MODE=true if you really mean it`,
    );
  }
  const stateTtlMinutes = Number(env.STATE_TTL_MINUTES || 30);
  if (!Number.isFinite(stateTtlMinutes) || stateTtlMinutes <= 0 || stateTtlMinutes > 24 * 60) {
    problems.push(
      `STATE_TTL_MINUTES must be a number of minutes from 1 to 1440, got "${env.STATE_TTL_MINUTES ?? ''}"`,
    );
  }
  const stateStorage = readStateStorage(env, problems);
  const logHashKey = env.LOG_HASH_KEY || undefined;
  if (logHashKey !== undefined && logHashKey.length < 16) {
    problems.push('LOG_HASH_KEY must be at least 16 characters long');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    port,
    host,
    logLevel,
    knowledgeDir: path.resolve(env.KNOWLEDGE_DIR || 'knowledge'),
    allowPublicLocalMode,
    publicWidget,
    widgetAllowedOrigins: Object.freeze(widgetAllowedOrigins),
    stateTtlMinutes,
    ...(credentials ? { credentials: Object.freeze(credentials) } : {}),
    ...(directLine ? { directLine: Object.freeze(directLine) } : {}),
    ...(stateStorage ? { stateStorage: Object.freeze(stateStorage) } : {}),
    ...(logHashKey ? { logHashKey } : {}),
  });
}
