export interface RateLimit {
  /** Requests a key may make per minute, on average. */
  readonly perMinute: number;
  /** Requests a key may make at once after being idle. */
  readonly burst: number;
  /** Keys remembered at most; idle keys are forgotten first. */
  readonly maxKeys?: number;
}

export interface RateLimiter {
  /** Spends one request for `key`: 0 when it may go ahead, otherwise the seconds to wait. */
  take(key: string): number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per key, in memory: enough for one process serving one practice's website. Keys
 * whose bucket has filled up again carry no information, so they are the first to be forgotten.
 */
export function createRateLimiter(limit: RateLimit, now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const perMs = limit.perMinute / 60_000;
  const maxKeys = limit.maxKeys ?? 10_000;
  const level = (bucket: Bucket, at: number): number =>
    Math.min(limit.burst, bucket.tokens + (at - bucket.at) * perMs);

  const forget = (at: number): void => {
    for (const [key, bucket] of buckets) {
      if (buckets.size <= maxKeys) return;
      if (level(bucket, at) >= limit.burst) buckets.delete(key);
    }
    // Still full of busy keys: the longest unseen go, since a Map iterates in insertion order.
    for (const key of buckets.keys()) {
      if (buckets.size <= maxKeys) return;
      buckets.delete(key);
    }
  };

  return {
    take(key) {
      const at = now();
      const seen = buckets.get(key);
      const tokens = seen ? level(seen, at) : limit.burst;
      buckets.delete(key);
      if (tokens < 1) {
        buckets.set(key, { tokens, at });
        return Math.max(1, Math.ceil((1 - tokens) / perMs / 1000));
      }
      buckets.set(key, { tokens: tokens - 1, at });
      if (buckets.size > maxKeys) forget(at);
      return 0;
    },
  };
}
