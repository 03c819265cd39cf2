/**
 * A short-lived cache of results by key, bounded in size, where concurrent requests for the same key share one
 * computation. Only fulfilled results are stored; a rejected computation is forgotten.
 */
export interface SharedCache<T> {
  /**
   * The cached value for `key` when fresh (`source: 'cache'`), else the computation already running for it
   * (`'shared'`), else a new computation (`'fresh'`).
   */
  get(key: string, compute: () => Promise<T>): Promise<{ value: T; source: 'cache' | 'shared' | 'fresh' }>;
  /** Entries currently stored (not counting computations in flight). */
  size(): number;
  clear(): void;
}

export interface SharedCacheOptions<T> {
  ttlMs: number;
  maxEntries: number;
  /** Clock in ms; injectable for tests. */
  now: () => number;
  /** Whether a result may be stored (default: all). Results not kept are still shared while in flight. */
  keep?: (value: T) => boolean;
}

/** Creates a cache. A ttlMs of 0 still shares concurrent computations but stores nothing. */
export function createSharedCache<T>(options: SharedCacheOptions<T>): SharedCache<T> {
  const stored = new Map<string, { value: T; expires: number }>();
  const inFlight = new Map<string, Promise<T>>();

  function store(key: string, value: T): void {
    if (options.ttlMs <= 0 || options.maxEntries <= 0 || options.keep?.(value) === false) return;
    stored.delete(key);
    while (stored.size >= options.maxEntries) {
      const oldest = stored.keys().next();
      if (oldest.done) break;
      stored.delete(oldest.value);
    }
    stored.set(key, { value, expires: options.now() + options.ttlMs });
  }

  async function get(key: string, compute: () => Promise<T>) {
    const hit = stored.get(key);
    if (hit && hit.expires > options.now()) return { value: hit.value, source: 'cache' as const };
    if (hit) stored.delete(key);
    const running = inFlight.get(key);
    if (running) return { value: await running, source: 'shared' as const };
    const promise = compute();
    inFlight.set(key, promise);
    try {
      const value = await promise;
      store(key, value);
      return { value, source: 'fresh' as const };
    } finally {
      inFlight.delete(key);
    }
  }

  return { get, size: () => stored.size, clear: () => stored.clear() };
}
