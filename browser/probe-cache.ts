import browser from 'webextension-polyfill';
import { inspectViaProbe, type ProbeResult } from './probe-client';
import { loadSettings } from './settings';

/** How long one probe answer serves a host, so a busy site is inspected once per few minutes. */
export const PROBE_TTL_MS = 3 * 60_000;
const PREFIX = 'probe:';
const MAX_ENTRIES = 300;

export interface CachedProbe {
  at: number;
  /** When the request to the probe went out (local clock): with `at`, the round trip for a clock estimate. */
  sentAt: number;
  probeUrl: string;
  result: ProbeResult;
}

const inFlight = new Map<string, Promise<CachedProbe | null>>();

/**
 * The probe's answer for host:port: from storage.session when fresh (and from the same probe URL), else a new
 * inspection; concurrent calls share one. null when the probe is off.
 */
export function probeHost(
  host: string,
  port: number,
  options: { force?: boolean } = {},
): Promise<CachedProbe | null> {
  const key = `${PREFIX}${host}:${port}`;
  const pending = inFlight.get(key);
  if (pending && !options.force) return pending;
  const run = (async () => {
    const { settings } = await loadSettings();
    if (!settings.probeUrl) return null;
    if (!options.force) {
      const cached = (await browser.storage.session.get(key))[key] as CachedProbe | undefined;
      if (cached && cached.probeUrl === settings.probeUrl && Date.now() - cached.at < PROBE_TTL_MS)
        return cached;
    }
    const sentAt = Date.now();
    const result = await inspectViaProbe(settings, host, port);
    const entry: CachedProbe = { at: Date.now(), sentAt, probeUrl: settings.probeUrl, result };
    await browser.storage.session.set({ [key]: entry });
    await evict();
    return entry;
  })();
  inFlight.set(key, run);
  void run.finally(() => inFlight.delete(key));
  return run;
}

async function evict(): Promise<void> {
  const all = await browser.storage.session.get(null);
  const keys = Object.keys(all).filter((k) => k.startsWith(PREFIX));
  if (keys.length <= MAX_ENTRIES) return;
  keys.sort((a, b) => (all[a] as CachedProbe).at - (all[b] as CachedProbe).at);
  await browser.storage.session.remove(keys.slice(0, keys.length - MAX_ENTRIES));
}
