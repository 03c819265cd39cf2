import browser from 'webextension-polyfill';
import type { FrameRecord, TabRecord } from '@/core/tab-record';

export type { FrameRecord, TabRecord };

const PREFIX = 'tab:';
/** Upper bound on stored tabs; the least recently updated go first. */
export const MAX_TABS = 200;
/** Upper bound on certificates kept per chain. */
export const MAX_CHAIN = 10;
/** Upper bound on frames kept per page (one per origin); the oldest go first. */
export const MAX_FRAMES = 10;

const key = (tabId: number) => `${PREFIX}${tabId}`;

/** scheme://host:port, with default ports made explicit, or null for URLs that are not http(s). */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    const port = u.port || (u.protocol === 'https:' ? '443' : '80');
    return `${u.protocol}//${u.hostname}:${port}`;
  } catch {
    return null;
  }
}

export async function getTabRecord(tabId: number): Promise<TabRecord | undefined> {
  const value = (await browser.storage.session.get(key(tabId)))[key(tabId)];
  return value && typeof value === 'object' ? (value as TabRecord) : undefined;
}

/** The record for a tab, only if it belongs to the given URL's origin (never the last site's certificate on a new one). */
export async function getTabRecordFor(tabId: number, url: string): Promise<TabRecord | undefined> {
  const record = await getTabRecord(tabId);
  return record && record.origin === originOf(url) ? record : undefined;
}

const locks = new Map<number, Promise<unknown>>();

/** Serialises read-modify-write per tab: events of one load arrive close together. */
function withTabLock<T>(tabId: number, fn: () => Promise<T>): Promise<T> {
  const previous = locks.get(tabId) ?? Promise.resolve();
  const next = previous.then(fn, fn);
  locks.set(tabId, next);
  void next.finally(() => {
    if (locks.get(tabId) === next) locks.delete(tabId);
  });
  return next;
}

function boundChain<T extends { observation?: TabRecord['observation'] }>(holder: T): T {
  if (holder.observation && holder.observation.chain.length > MAX_CHAIN) {
    return {
      ...holder,
      observation: { ...holder.observation, chain: holder.observation.chain.slice(0, MAX_CHAIN) },
    };
  }
  return holder;
}

function bound(record: TabRecord): TabRecord {
  const bounded = boundChain(record);
  if (bounded.frames) bounded.frames = bounded.frames.slice(-MAX_FRAMES).map(boundChain);
  return bounded;
}

/** The page's frames with `frame` in place of any earlier one from its origin, newest last, at most MAX_FRAMES. */
export function withFrame(frames: readonly FrameRecord[] | undefined, frame: FrameRecord): FrameRecord[] {
  return [...(frames ?? []).filter((f) => f.origin !== frame.origin), frame].slice(-MAX_FRAMES);
}

/**
 * Updates the tab's record for a load of `url`. A record of another origin is replaced, not merged.
 * `fresh` starts a new record even for the same origin (a new main-frame navigation).
 */
export function updateTabRecord(
  tabId: number,
  url: string,
  patch: Partial<Omit<TabRecord, 'tabId' | 'url' | 'origin' | 'host'>>,
  now: number,
  options: { fresh?: boolean } = {},
): Promise<TabRecord | undefined> {
  const origin = originOf(url);
  if (origin === null) return Promise.resolve(undefined);
  return withTabLock(tabId, async () => {
    const current = await getTabRecord(tabId);
    const base: TabRecord =
      current && current.origin === origin && !options.fresh
        ? current
        : { tabId, url, origin, host: new URL(url).hostname, updatedAt: now };
    const record = bound({ ...base, ...patch, url, updatedAt: now });
    await browser.storage.session.set({ [key(tabId)]: record });
    // Only a new tab's record can take the store past its bound: updates of a stored one read nothing more.
    if (current === undefined) await evictOldest();
    return record;
  });
}

export async function removeTabRecord(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}

async function evictOldest(): Promise<void> {
  const all = await browser.storage.session.get(null);
  const keys = Object.keys(all).filter((k) => k.startsWith(PREFIX));
  if (keys.length <= MAX_TABS) return;
  const byAge = keys.sort(
    (a, b) => ((all[a] as TabRecord).updatedAt ?? 0) - ((all[b] as TabRecord).updatedAt ?? 0),
  );
  await browser.storage.session.remove(byAge.slice(0, keys.length - MAX_TABS));
}
