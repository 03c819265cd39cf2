/**
 * A per-client token bucket: each client may burst up to `burst` requests, refilled at `perMinute` per minute.
 * The table of clients is bounded: when full, the least recently seen client is dropped (it starts afresh).
 */
export interface RateLimiter {
  /** Takes one token for `client`. When none is left, says how many whole seconds until one is. */
  take(client: string): { allowed: true } | { allowed: false; retryAfterSeconds: number };
}

export interface RateLimitOptions {
  perMinute: number;
  burst: number;
  maxClients: number;
  now: () => number;
}

/** Creates a limiter. A perMinute of 0 disables limiting. */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = options.perMinute / 60_000;

  function take(client: string): ReturnType<RateLimiter['take']> {
    if (options.perMinute <= 0) return { allowed: true };
    const now = options.now();
    const previous = buckets.get(client);
    buckets.delete(client);
    const elapsed = previous ? Math.max(0, now - previous.at) : 0;
    const tokens = previous ? Math.min(options.burst, previous.tokens + elapsed * perMs) : options.burst;
    while (buckets.size >= options.maxClients) {
      const oldest = buckets.keys().next();
      if (oldest.done) break;
      buckets.delete(oldest.value);
    }
    if (tokens >= 1) {
      buckets.set(client, { tokens: tokens - 1, at: now });
      return { allowed: true };
    }
    buckets.set(client, { tokens, at: now });
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
  }

  return { take };
}
