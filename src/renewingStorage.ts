import type { Storage, StoreItems } from 'botbuilder';
import { StorageTimeoutError } from './storageTimeoutError';

/**
 * A store whose calls give up after `timeoutMs`, and which is made anew after any failure.
 * - The Azure storage client's own time limit only asks the service to stop; a store that never
 *   answers (a network that drops packets) would hold the turn, and the channel, forever.
 * - botbuilder-azure-blobs' BlobsStorage checks its container once and keeps that check's promise,
 *   a rejected one too: an outage at an instance's first turn would fail every later turn until
 *   a restart.
 */
export class RenewingStorage implements Storage {
  private current: Storage;

  constructor(
    private readonly create: () => Storage,
    private readonly timeoutMs: number,
  ) {
    this.current = create();
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.guard((store) => store.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.guard((store) => store.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.guard((store) => store.delete(keys));
  }

  private async guard<T>(call: (store: Storage) => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new StorageTimeoutError(this.timeoutMs)), this.timeoutMs);
    });
    try {
      return await Promise.race([call(this.current), deadline]);
    } catch (err) {
      this.current = this.create();
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }
}
