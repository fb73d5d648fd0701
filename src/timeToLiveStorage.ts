import type { Storage, StoreItems } from 'botbuilder';

interface Stamped {
  readonly savedAt?: number;
  readonly item?: object;
  readonly eTag?: string;
}

/**
 * A store that never expires anything itself (Azure Blob Storage), made to forget a conversation
 * idle for `ttlMs` as the in-memory store does: each item is saved with the time it was written,
 * and an older one reads as absent, so a stale choice or crisis flag never comes back. The
 * store's lifecycle rule deletes the leftovers later.
 */
export class TimeToLiveStorage implements Storage {
  constructor(
    private readonly inner: Storage,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const result: StoreItems = {};
    for (const [key, value] of Object.entries(await this.inner.read(keys))) {
      const { savedAt, item, eTag } = value as Stamped;
      // An item with no time, written by something else, counts as stale too.
      if (savedAt !== undefined && this.now() - savedAt < this.ttlMs) {
        result[key] = { ...item, ...(eTag === undefined ? {} : { eTag }) };
      }
    }
    return result;
  }

  write(changes: StoreItems): Promise<void> {
    const stamped: StoreItems = {};
    for (const [key, value] of Object.entries(changes)) {
      // The eTag stays outside the item: the store compares it to refuse a stale write.
      const { eTag, ...item } = value as { eTag?: string };
      stamped[key] = { savedAt: this.now(), item, ...(eTag === undefined ? {} : { eTag }) };
    }
    return this.inner.write(stamped);
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}
