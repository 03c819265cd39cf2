/** Caps how many tasks run at once; the rest wait in a bounded queue. */
export interface Semaphore {
  /**
   * Runs `task` when a slot is free. Resolves to `{ queued: false }` without running it when the queue is full.
   */
  run<T>(task: () => Promise<T>): Promise<{ queued: true; value: T } | { queued: false }>;
  /** Tasks running now. */
  active(): number;
  /** Tasks waiting for a slot. */
  waiting(): number;
}

/** Creates a semaphore with `limit` slots and room for `maxWaiting` waiting tasks. */
export function createSemaphore(limit: number, maxWaiting: number): Semaphore {
  let running = 0;
  const queue: (() => void)[] = [];

  function release(): void {
    const next = queue.shift();
    if (next) next();
    else running -= 1;
  }

  async function run<T>(task: () => Promise<T>) {
    if (running >= limit) {
      if (queue.length >= maxWaiting) return { queued: false as const };
      await new Promise<void>((resolve) => queue.push(resolve));
    } else {
      running += 1;
    }
    try {
      return { queued: true as const, value: await task() };
    } finally {
      release();
    }
  }

  return { run, active: () => running, waiting: () => queue.length };
}
