import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { Credentials } from './config';

type AuthenticateRequestResult = Awaited<
  ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
>;

/**
 * botbuilder's CloudAdapter, with its request handling left out: the server checks the request
 * and authenticates it first, because the stock handler answers bad requests with a 500 that
 * carries internals.
 */
export class FaqAdapter extends CloudAdapter {
  constructor(readonly authentication: ConfigurationBotFrameworkAuthentication) {
    super(authentication);
  }

  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.authentication.authenticateRequest(activity, authHeader);
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
  sorry: string,
): FaqAdapter {
  const authentication = new ConfigurationBotFrameworkAuthentication(
    credentials
      ? {
          MicrosoftAppType: credentials.appType,
          MicrosoftAppId: credentials.appId,
          MicrosoftAppPassword: credentials.appPassword ?? '',
          MicrosoftAppTenantId: credentials.tenantId,
        }
      : {},
  );
  const adapter = new FaqAdapter(authentication);
  adapter.onTurnError = async (context, err) => {
    logger.error({ err, channel: context.activity.channelId }, 'turn failed');
    try {
      await context.sendActivity(sorry);
    } catch (sendErr) {
      logger.error({ err: sendErr }, 'could not send the error reply');
    }
  };
  return adapter;
}
