import type { Env } from './config';
import { isHttpsOrLoopback } from './loopback';

export type AppType = 'SingleTenant' | 'UserAssignedMSI';

export interface Credentials {
  readonly appType: AppType;
  readonly appId: string;
  readonly appPassword?: string;
  readonly tenantId: string;
  /** Where the channel's token signing keys are published, when not at the public cloud's address. */
  readonly openIdMetadataUrl?: string;
}

const APP_KEYS = [
  'MicrosoftAppType',
  'MicrosoftAppId',
  'MicrosoftAppPassword',
  'MicrosoftAppTenantId',
] as const;

/**
 * Tests point token validation at their own identity provider, and a closed network at a mirror.
 * Plain http is allowed on loopback only: keys fetched over it elsewhere could be swapped in transit.
 */
function readOpenIdMetadataUrl(raw: string | undefined, problems: string[]): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!URL.canParse(raw) || !isHttpsOrLoopback(new URL(raw))) {
    problems.push(
      `BOT_OPENID_METADATA_URL must be an https URL, or http on this machine, got "${raw}"`,
    );
  }
  return raw;
}

export function readCredentials(env: Env, problems: string[]): Credentials | undefined {
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
