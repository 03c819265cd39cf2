import { describe, expect, test } from 'vitest';
import { createRateLimiter } from '../../../probe/rate-limit';
import { createSemaphore } from '../../../probe/semaphore';

describe('createRateLimiter', () => {
  test('a burst, then one request per refill interval, with Retry-After in whole seconds', () => {
    let t = 0;
    const limiter = createRateLimiter({ perMinute: 60, burst: 3, maxClients: 10, now: () => t });
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('b').allowed).toBe(true);
    t += 1000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  test('perMinute 0 turns limiting off', () => {
    const limiter = createRateLimiter({ perMinute: 0, burst: 1, maxClients: 1, now: () => 0 });
    expect(Array.from({ length: 100 }, () => limiter.take('a').allowed).every(Boolean)).toBe(true);
  });

  test('the client table stays bounded', () => {
    const limiter = createRateLimiter({ perMinute: 1, burst: 1, maxClients: 2, now: () => 0 });
    for (const client of ['a', 'b', 'c']) limiter.take(client);
    // 'a' was dropped to make room, so it starts afresh.
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('c').allowed).toBe(false);
  });
});

describe('createSemaphore', () => {
  test('runs at most `limit` tasks at once, queues up to maxWaiting, refuses the rest', async () => {
    const slots = createSemaphore(2, 1);
    let running = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const task = () =>
      new Promise<string>((resolve) => {
        running += 1;
        peak = Math.max(peak, running);
        releases.push(() => {
          running -= 1;
          resolve('done');
        });
      });
    const runs = [slots.run(task), slots.run(task), slots.run(task), slots.run(task)];
    expect(await runs[3]).toEqual({ queued: false });
    expect(slots.active()).toBe(2);
    expect(slots.waiting()).toBe(1);
    while (releases.length > 0 || slots.active() > 0) {
      releases.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(await Promise.all(runs.slice(0, 3))).toEqual([
      { queued: true, value: 'done' },
      { queued: true, value: 'done' },
      { queued: true, value: 'done' },
    ]);
    expect(peak).toBe(2);
  });
});
