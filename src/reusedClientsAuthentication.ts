import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import {
  AuthenticationConstants,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';

/** Enough for every channel's service address and the bot's one or two identities. */
const MAX_CLIENTS = 64;

/** The app id the connector builds outbound credentials for, as botbuilder reads it. */
const appIdOf = (identity: ClaimsIdentity): string =>
  identity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
  identity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
  '';

/** A small map that forgets its oldest entry when full. */
class BoundedCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly max: number) {}

  get(key: string, create: () => T): T {
    const found = this.entries.get(key);
    if (found !== undefined) return found;
    const made = create();
    if (this.entries.size >= this.max) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    this.entries.set(key, made);
    return made;
  }

  forget(key: string, value: T): void {
    if (this.entries.get(key) === value) this.entries.delete(key);
  }
}

class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly clients: BoundedCache<Promise<ConnectorClient>>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = JSON.stringify([this.appId, serviceUrl, audience ?? null]);
    return this.clients.get(key, () => {
      const made = this.inner.create(serviceUrl, audience);
      // A client that failed to build is not kept: the next turn tries again.
      made.catch(() => this.clients.forget(key, made));
      return made;
    });
  }
}

/**
 * botbuilder's authentication, except that it builds a connector client and a user token client
 * once per bot identity and service address, instead of on every turn. The clients hold no
 * conversation data, only the bot's own credentials, whose tokens they already cache.
 */
export class ReusedClientsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new BoundedCache<Promise<ConnectorClient>>(MAX_CLIENTS);
  private readonly userTokens = new BoundedCache<Promise<UserTokenClient>>(MAX_CLIENTS);

  override async authenticateRequest(
    activity: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>[0],
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    if (!result.connectorFactory) return result;
    return {
      ...result,
      connectorFactory: this.reusing(result.connectorFactory, result.claimsIdentity),
    };
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(super.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const key = appIdOf(claimsIdentity);
    return this.userTokens.get(key, () => {
      const made = super.createUserTokenClient(claimsIdentity);
      made.catch(() => this.userTokens.forget(key, made));
      return made;
    });
  }

  private reusing(inner: ConnectorFactory, identity: ClaimsIdentity): ConnectorFactory {
    return new ReusingConnectorFactory(inner, appIdOf(identity), this.connectors);
  }
}
