import { describe, expect, test } from 'vitest';
import { createSharedCache } from '../../../probe/cache';

function clock(start = 0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('createSharedCache', () => {
  test('a fresh value is reused until its TTL, then computed again', async () => {
    const time = clock();
    const cache = createSharedCache<number>({ ttlMs: 1000, maxEntries: 10, now: time.now });
    let runs = 0;
    const compute = async () => ++runs;
    expect(await cache.get('k', compute)).toEqual({ value: 1, source: 'fresh' });
    time.advance(999);
    expect(await cache.get('k', compute)).toEqual({ value: 1, source: 'cache' });
    time.advance(1);
    expect(await cache.get('k', compute)).toEqual({ value: 2, source: 'fresh' });
  });

  test('concurrent requests for one key share one computation', async () => {
    const cache = createSharedCache<string>({ ttlMs: 0, maxEntries: 10, now: () => 0 });
    let runs = 0;
    let release!: (v: string) => void;
    const compute = () => {
      runs += 1;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const all = Promise.all(Array.from({ length: 50 }, () => cache.get('k', compute)));
    release('done');
    const results = await all;
    expect(runs).toBe(1);
    expect(results.filter((r) => r.source === 'fresh')).toHaveLength(1);
    expect(results.filter((r) => r.source === 'shared')).toHaveLength(49);
    expect(cache.size()).toBe(0);
  });

  test('the oldest entry goes when the cache is full', async () => {
    const cache = createSharedCache<string>({ ttlMs: 1000, maxEntries: 2, now: () => 0 });
    for (const key of ['a', 'b', 'c']) await cache.get(key, async () => key);
    expect(cache.size()).toBe(2);
    expect((await cache.get('a', async () => 'again')).source).toBe('fresh');
    expect((await cache.get('c', async () => 'again')).source).toBe('cache');
  });

  test('a rejected computation is not stored, and keep() can refuse a value', async () => {
    const cache = createSharedCache<string>({
      ttlMs: 1000,
      maxEntries: 10,
      now: () => 0,
      keep: (v) => v !== 'busy',
    });
    await expect(cache.get('k', () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    await cache.get('k', async () => 'busy');
    expect(cache.size()).toBe(0);
  });
});
