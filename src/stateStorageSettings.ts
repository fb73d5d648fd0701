/** Where conversation state is shared between instances: an Azure Blob Storage container. */
export interface StateStorage {
  readonly connectionString: string;
  readonly container: string;
}

type Env = Readonly<Record<string, string | undefined>>;

const DEFAULT_CONTAINER = 'conversation-state';
// Azure's rule: 3 to 63 characters, lowercase letters, digits and single hyphens between them.
const CONTAINER_NAME = /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;

function connectionStringParts(raw: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const pair of raw.split(';')) {
    const at = pair.indexOf('=');
    if (at > 0) parts.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  return parts;
}

/** The shapes Azure's storage client accepts: an account key, a SAS, or the local emulator. */
function isConnectionString(raw: string): boolean {
  const parts = connectionStringParts(raw);
  const has = (key: string): boolean => (parts.get(key) ?? '') !== '';
  const endpoint = parts.get('BlobEndpoint') ?? '';
  if (raw.startsWith('UseDevelopmentStorage=true')) return true;
  if (endpoint !== '' && !URL.canParse(endpoint)) return false;
  if (has('DefaultEndpointsProtocol') && has('AccountKey')) {
    const protocol = parts.get('DefaultEndpointsProtocol')?.toLowerCase() ?? '';
    const located =
      endpoint !== '' || (['https', 'http'].includes(protocol) && has('EndpointSuffix'));
    return has('AccountName') && located;
  }
  return endpoint !== '' && has('SharedAccessSignature');
}

/**
 * Reads the shared state settings; absent means in-memory state, for one instance. The
 * connection string holds the account key, so no message ever repeats it.
 */
export function readStateStorage(env: Env, problems: string[]): StateStorage | undefined {
  const connectionString = env.STATE_STORAGE_CONNECTION_STRING ?? '';
  const container = env.STATE_STORAGE_CONTAINER || DEFAULT_CONTAINER;
  if (connectionString === '') {
    if ((env.STATE_STORAGE_CONTAINER ?? '') !== '') {
      problems.push('STATE_STORAGE_CONTAINER needs STATE_STORAGE_CONNECTION_STRING');
    }
    return undefined;
  }
  const before = problems.length;
  if (!isConnectionString(connectionString)) {
    problems.push(
      'STATE_STORAGE_CONNECTION_STRING must be an Azure Storage connection string, as the storage account\'s "Access keys" page shows it (DefaultEndpointsProtocol, AccountName, AccountKey, EndpointSuffix), or BlobEndpoint and SharedAccessSignature; the value is not shown, as it holds a secret',
    );
  }
  if (!CONTAINER_NAME.test(container)) {
    problems.push(
      `STATE_STORAGE_CONTAINER must be 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit, got "${container}"`,
    );
  }
  // Storage keys are keyed hashes of conversation ids: with a random key per process, each
  // instance would look for a conversation's state under a different name.
  if ((env.LOG_HASH_KEY ?? '') === '') {
    problems.push(
      'LOG_HASH_KEY is required with STATE_STORAGE_CONNECTION_STRING: every instance must hash conversation ids alike to find the same state',
    );
  }
  return problems.length > before ? undefined : { connectionString, container };
}
