import { CallerIdConstants, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import type { Credentials } from './config';

/**
 * ConfigurationBotFrameworkAuthentication drops every public-cloud default as soon as one endpoint
 * is given (the channel's token issuer among them, which then matches no token), so moving the
 * channel's OpenID metadata means restating all the others.
 */
const publicCloud = (
  openIdMetadataUrl: string,
): ConfigurationBotFrameworkAuthenticationOptions => ({
  ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
  ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
  ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
  ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
  ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
  OAuthUrl: AuthenticationConstants.OAuthUrl,
  CallerId: CallerIdConstants.PublicAzureChannel,
  ValidateAuthority: true,
});

/** The settings botbuilder authenticates with; none at all means authentication is off. */
export function authenticationOptions(
  credentials: Credentials | undefined,
): ConfigurationBotFrameworkAuthenticationOptions {
  if (!credentials) return {};
  return {
    MicrosoftAppType: credentials.appType,
    MicrosoftAppId: credentials.appId,
    MicrosoftAppPassword: credentials.appPassword ?? '',
    MicrosoftAppTenantId: credentials.tenantId,
    ...(credentials.openIdMetadataUrl ? publicCloud(credentials.openIdMetadataUrl) : {}),
  };
}
