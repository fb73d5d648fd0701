import type { Storage, StoreItems } from 'botbuilder';

interface Stored {
  readonly json: string;
  readonly eTag: string;
  readonly expires: number;
}

/**
 * In-memory conversation state that forgets a conversation after it has been idle for `ttlMs`.
 * Memory stays bounded however many people write, and nobody's state outlives its use.
 */
export class ExpiringMemoryStorage implements Storage {
  private readonly items = new Map<string, Stored>();
  private etag = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.items.size;
  }

  /** The keys held now, for tests and diagnostics; they are hashes, never raw ids. */
  keys(): string[] {
    return [...this.items.keys()];
  }

  async read(keys: string[]): Promise<StoreItems> {
    this.sweep();
    const result: StoreItems = {};
    for (const key of keys) {
      const stored = this.items.get(key);
      if (stored && stored.expires > this.now()) result[key] = JSON.parse(stored.json) as unknown;
    }
    return result;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, value] of Object.entries(changes)) {
      const current = this.items.get(key);
      const expected = (value as { eTag?: string }).eTag;
      if (current && expected && expected !== '*' && current.eTag !== expected) {
        throw new Error(`Storage: the item was changed by another writer.`);
      }
      this.etag += 1;
      const eTag = String(this.etag);
      // Deleting first keeps the map in expiry order, so a sweep stops at the first live item.
      this.items.delete(key);
      this.items.set(key, {
        json: JSON.stringify({ ...(value as object), eTag }),
        eTag,
        expires: this.now() + this.ttlMs,
      });
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.items.delete(key);
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, stored] of this.items) {
      if (stored.expires > now) break;
      this.items.delete(key);
    }
  }
}
