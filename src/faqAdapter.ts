import {
  CloudAdapter,
  DeliveryModes,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import { authenticationOptions } from './authenticationOptions';
import type { Credentials } from './config';
import { createTenantIssuerReset } from './forgetTenantIssuers';
import { ReusedClientsAuthentication } from './reusedClientsAuthentication';
import type { ReplyHealth } from './replyHealth';

type AuthenticateRequestResult = Awaited<
  ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
>;

/**
 * botbuilder's CloudAdapter, with its request handling left out: the server checks the request
 * and authenticates it first, because the stock handler answers bad requests with a 500 that
 * carries internals.
 */
export class FaqAdapter extends CloudAdapter {
  constructor(
    readonly authentication: ConfigurationBotFrameworkAuthentication,
    private readonly forgetTenantIssuers: () => void,
  ) {
    super(authentication);
  }

  async authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await this.authentication.authenticateRequest(activity, authHeader);
    } finally {
      this.forgetTenantIssuers();
    }
  }

  /**
   * The authentication of a turn the server builds itself (the website chat's): there is no
   * caller to check, so it runs as the bot's own identity, as botbuilder's proactive turns do.
   * Local mode's anonymous identity would do only while credentials are unset: botbuilder then
   * builds credentials for the caller's app id, and an anonymous caller has none. Nothing is sent
   * with them: such a turn asks for "expectReplies" and has no serviceUrl.
   */
  ownTurnAuth(botAppId: string): AuthenticateRequestResult {
    const claimsIdentity = this.createClaimsIdentity(botAppId);
    return {
      claimsIdentity,
      audience: botAppId,
      connectorFactory: this.authentication.createConnectorFactory(claimsIdentity),
    };
  }

  runTurn(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

export function createAdapter(
  credentials: Credentials | undefined,
  logger: Logger,
  health: ReplyHealth,
  sorry: () => string,
): FaqAdapter {
  const authentication = new ReusedClientsAuthentication(authenticationOptions(credentials));
  const adapter = new FaqAdapter(authentication, createTenantIssuerReset());
  adapter.onTurnError = async (context, err) => {
    logger.error({ err, channel: context.activity.channelId }, 'turn failed');
    if (context.activity.deliveryMode !== DeliveryModes.ExpectReplies) health.failed();
    try {
      await context.sendActivity(sorry());
    } catch (sendErr) {
      logger.error({ err: sendErr }, 'could not send the error reply');
    }
  };
  return adapter;
}
