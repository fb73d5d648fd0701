import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The issuer of every token the Bot Framework channels send to a bot in the public cloud. */
export const CHANNEL_ISSUER = 'https://api.botframework.com';

export interface SignOptions {
  /** Defaults to the published key's id. */
  readonly kid?: string;
  /** Defaults to the published key; any other key makes a forgery. */
  readonly key?: KeyObject;
}

export interface FakeIdentityProvider {
  /** OpenID metadata, as login.botframework.com serves it, pointing at this provider's keys. */
  readonly metadataUrl: string;
  sign(claims: Record<string, unknown>, options?: SignOptions): string;
  close(): Promise<void>;
}

const base64url = (value: unknown): string =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

/** A fresh RSA key that no provider publishes, for forging signatures. */
export function createRogueKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}

/** Signs a JWT with RS256 by hand, so the test depends on no JWT library the bot also uses. */
function signJwt(claims: Record<string, unknown>, key: KeyObject, kid: string): string {
  const input = `${base64url({ alg: 'RS256', typ: 'JWT', kid })}.${base64url(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

/**
 * Serves OpenID metadata and a JWKS on loopback, like the Bot Framework's login service: one RSA
 * key, endorsed for the given channels, so token validation runs for real and offline.
 */
export async function startFakeIdentityProvider(
  endorsements: readonly string[] = ['webchat', 'msteams', 'sms'],
): Promise<FakeIdentityProvider> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = `test-key-${process.pid}-${Date.now()}`;
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, kty: 'RSA', use: 'sig', endorsements };
  let base = '';
  const server = createServer((req, res) => {
    const documents: Record<string, unknown> = {
      '/v1/.well-known/openidconfiguration': {
        issuer: CHANNEL_ISSUER,
        authorization_endpoint: `${base}/v1/authorize`,
        jwks_uri: `${base}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      },
      '/v1/.well-known/keys': { keys: [jwk] },
    };
    const document = documents[req.url ?? ''];
    res.writeHead(document ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(document ?? { error: 'not found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    sign: (claims, options = {}) => signJwt(claims, options.key ?? privateKey, options.kid ?? kid),
    close: () =>
      new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
