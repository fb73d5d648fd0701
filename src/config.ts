import path from 'node:path';
import { ConfigError } from './configError';
import { readDirectLine, type DirectLine } from './directLineConfig';
import { isLoopback } from './loopback';
import { readOrigins } from './originList';
import { readStateStorage, type StateStorage } from './stateStorageSettings';

export type AppType = 'SingleTenant' | 'UserAssignedMSI';

export interface Credentials {
  readonly appType: AppType;
  readonly appId: string;
  readonly appPassword?: string;
  readonly tenantId: string;
  /** Where the channel's token signing keys are published, when not at the public cloud's address. */
  readonly openIdMetadataUrl?: string;
}

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

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const APP_KEYS = [
  'MicrosoftAppType',
  'MicrosoftAppId',
  'MicrosoftAppPassword',
  'MicrosoftAppTenantId',
] as const;

export { isLoopback };

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

/**
 * Tests point token validation at their own identity provider, and a closed network at a mirror.
 * Plain http is allowed on loopback only: keys fetched over it elsewhere could be swapped in transit.
 */
function readOpenIdMetadataUrl(raw: string | undefined, problems: string[]): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  const host = url?.hostname.replace(/^\[|\]$/g, '') ?? '';
  if (url?.protocol !== 'https:' && !(url?.protocol === 'http:' && isLoopback(host))) {
    problems.push(
      `BOT_OPENID_METADATA_URL must be an https URL, or http on this machine, got "${raw}"`,
    );
  }
  return raw;
}

function readCredentials(env: Env, problems: string[]): Credentials | undefined {
  const present = APP_KEYS.filter((key) => (env[key] ?? '') !== '');
  const openIdMetadataUrl = readOpenIdMetadataUrl(env.BOT_OPENID_METADATA_URL, problems);
  if (present.length === 0) {
    if (openIdMetadataUrl !== undefined) {
      problems.push(
        'BOT_OPENID_METADATA_URL needs the MicrosoftApp* settings: without them no token is checked',
      );
    }
    return undefined;
  }
  const appType = env.MicrosoftAppType ?? '';
  const appId = env.MicrosoftAppId ?? '';
  const appPassword = env.MicrosoftAppPassword ?? '';
  const tenantId = env.MicrosoftAppTenantId ?? '';
  const before = problems.length;
  if (appType !== 'SingleTenant' && appType !== 'UserAssignedMSI') {
    problems.push(
      `MicrosoftAppType must be "SingleTenant" or "UserAssignedMSI" when any MicrosoftApp* setting is present, got "${appType}"`,
    );
  }
  if (appId === '') problems.push(`MicrosoftAppId is required for ${appType || 'any app type'}`);
  if (tenantId === '')
    problems.push(`MicrosoftAppTenantId is required for ${appType || 'any app type'}`);
  if (appType === 'SingleTenant' && appPassword === '') {
    problems.push('MicrosoftAppPassword is required for SingleTenant');
  }
  if (appType === 'UserAssignedMSI' && appPassword !== '') {
    problems.push('MicrosoftAppPassword must not be set for UserAssignedMSI (it uses no secret)');
  }
  if (problems.length > before) return undefined;
  return {
    appType: appType as AppType,
    appId,
    tenantId,
    ...(appPassword === '' ? {} : { appPassword }),
    ...(openIdMetadataUrl === undefined ? {} : { openIdMetadataUrl }),
  };
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
