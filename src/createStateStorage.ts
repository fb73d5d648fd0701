import type { Storage } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import type { Config } from './config';
import { ExpiringMemoryStorage } from './expiringStorage';
import { RenewingStorage } from './renewingStorage';
import { TimeToLiveStorage } from './timeToLiveStorage';

/**
 * A channel waits about 15 seconds for a turn, which reads state and then writes it. The storage
 * client's default retries (4 tries, seconds apart) outlast that, so a failing store would cost the
 * person even the apology: here each call gets two tries, each of which the service stops after
 * 2 seconds, and the call gives up after 5 whatever happens.
 */
const RETRY_OPTIONS = { maxTries: 2, retryDelayInMs: 250, tryTimeoutInMs: 2_000 };
const CALL_TIMEOUT_MS = 5_000;

/** In-memory state for one instance, or state in Azure Blob Storage that every instance shares. */
export function createStateStorage(
  config: Pick<Config, 'stateTtlMinutes' | 'stateStorage'>,
): Storage {
  const ttlMs = config.stateTtlMinutes * 60_000;
  const shared = config.stateStorage;
  if (!shared) return new ExpiringMemoryStorage(ttlMs);
  const blobs = (): Storage =>
    new BlobsStorage(shared.connectionString, shared.container, {
      storagePipelineOptions: { retryOptions: RETRY_OPTIONS },
    });
  return new TimeToLiveStorage(new RenewingStorage(blobs, CALL_TIMEOUT_MS), ttlMs);
}
