import browser from 'webextension-polyfill';
import { badgeFor } from '@/core/badge';
import { estimateClockSkew, skewFromProbe } from '@/core/clock';
import { mapError } from '@/core/error-map';
import { observationFromSecurityInfo } from '@/core/security-info';
import { badgeInputFor } from '@/core/tab-badge';
import { afterLoad } from './after-load';
import { showBadge } from './badge';
import type { ResponseCapture } from './response-timing';
import type { SecurityCapture } from './capture-firefox';
import { probeHost } from './probe-cache';
import { getTabRecordFor, originOf, removeTabRecord, updateTabRecord, withFrame } from './tab-store';
import type { FrameRecord } from './tab-store';

/**
 * The background's reactions to browser events. Every step reads and writes storage.session, so a background that was
 * unloaded between two events picks up where it left off. Promises per tab only order work; they hold no state.
 */
const pending = new Map<number, Promise<unknown>>();

/** Runs `work` after the tab's earlier work has settled (failed or not), so reads and badge writes do not interleave. */
function track<T>(tabId: number, work: () => Promise<T>): Promise<T> {
  const chained = (pending.get(tabId) ?? Promise.resolve()).then(work, work);
  pending.set(tabId, chained);
  void chained.finally(() => {
    if (pending.get(tabId) === chained) pending.delete(tabId);
  });
  return chained;
}

/** Recomputes and shows the badge of a tab from its stored record. */
export async function refreshBadge(tabId: number, url?: string): Promise<void> {
  const tabUrl = url ?? (await browser.tabs.get(tabId).catch(() => undefined))?.url;
  if (!tabUrl) return;
  const record = await getTabRecordFor(tabId, tabUrl);
  const now = Date.now();
  await showBadge(tabId, badgeFor(badgeInputFor(record, tabUrl, now), now));
}

/** The local clock against the response's Date header (not for cached responses: their Date is old). */
function clockOf(capture: ResponseCapture) {
  return capture.dateHeader && capture.requestStartMs !== null && !capture.fromCache
    ? estimateClockSkew({
        dateHeader: capture.dateHeader,
        requestStartMs: capture.requestStartMs,
        responseStartMs: capture.responseMs,
      })
    : null;
}

/**
 * Adds a frame's state to the record of the page it is embedded in, when that page is still the tab's record (same
 * origin) and the frame comes from another origin. Run inside track(tabId).
 */
async function attachFrame(tabId: number, pageUrl: string, frame: FrameRecord): Promise<void> {
  const pageOrigin = originOf(pageUrl);
  if (!pageOrigin || frame.origin === pageOrigin) return;
  const record = await getTabRecordFor(tabId, pageUrl);
  if (!record) return;
  await updateTabRecord(tabId, pageUrl, { frames: withFrame(record.frames, frame) }, frame.at);
}

/** What the browser saw for a captured response, as the core's observation. */
function observe(capture: SecurityCapture, now: number) {
  return observationFromSecurityInfo(capture.securityInfo, {
    url: capture.url,
    capturedAt: now,
    serverIp: capture.serverIp,
    fromCache: capture.fromCache,
    dateHeader: capture.dateHeader,
    leafFallback: capture.leafFallback,
  });
}

/** A frame's response security info (Firefox): what the browser accepted for it, attached to its page. */
function onFrameSecurityCapture(capture: SecurityCapture): void {
  const origin = originOf(capture.url);
  const pageUrl = capture.topUrl;
  if (!origin || !pageUrl) return;
  const now = Date.now();
  void track(capture.tabId, async () => {
    const obs = observe(capture, now);
    if (!obs.ok) return;
    await attachFrame(capture.tabId, pageUrl, {
      origin,
      host: new URL(capture.url).hostname,
      at: now,
      observation: obs.value,
    });
  }).catch(logError);
}

/** A frame failed to load (webNavigation): certificate failures are kept with the page, once it has loaded. */
export function onFrameError(tabId: number, frameUrl: string, error: string): void {
  const mapped = mapError(error);
  const origin = originOf(frameUrl);
  if (!mapped.certificateError || !origin?.startsWith('https:')) return;
  const at = Date.now();
  afterLoad(tabId, () => {
    void track(tabId, async () => {
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      if (!tab?.url) return;
      await attachFrame(tabId, tab.url, { origin, host: new URL(frameUrl).hostname, at, failure: mapped });
    }).catch(logError);
  });
}

/** A response's security info (Firefox): store what the browser saw, then ask the probe off the load path. */
export function onSecurityCapture(capture: SecurityCapture): void {
  if (capture.type === 'sub_frame') return onFrameSecurityCapture(capture);
  const now = Date.now();
  const work = async () => {
    const obs = observe(capture, now);
    const clock = clockOf(capture);
    await updateTabRecord(
      capture.tabId,
      capture.url,
      {
        observation: obs.ok ? obs.value : undefined,
        overridden: obs.ok ? obs.value.overriddenErrorCategory !== null : false,
        failure: undefined,
        clock,
        // A new page: its frames are captured after it (the frames of the last page are gone).
        frames: [],
      },
      now,
    );
    // The commit may have refreshed the badge before the record was stored: show it now that it is.
    const tab = await browser.tabs.get(capture.tabId).catch(() => undefined);
    if (tab?.url && originOf(tab.url) === originOf(capture.url)) await refreshBadge(capture.tabId, tab.url);
  };
  void track(capture.tabId, work)
    .catch(logError)
    .then(() => askProbe(capture.tabId, capture.url));
}

/** A main-frame response without certificate access (Chromium): note the server and clock, then ask the probe. */
export function onResponseCapture(capture: ResponseCapture): void {
  const now = Date.now();
  const clock = clockOf(capture);
  void track(capture.tabId, () =>
    updateTabRecord(
      capture.tabId,
      capture.url,
      { serverIp: capture.serverIp, clock, failure: undefined, observation: undefined, frames: [] },
      now,
    ),
  )
    .catch(logError)
    .then(() => askProbe(capture.tabId, capture.url));
}

/** A main-frame load failed (webNavigation or webRequest error string). Non-failures (aborts) are ignored. */
export function onLoadError(tabId: number, url: string, error: string, from: 'navigation' | 'request'): void {
  const mapped = mapError(error);
  if (mapped.causes.length === 0 && !mapped.certificateError) return;
  const now = Date.now();
  void track(tabId, async () => {
    const current = await getTabRecordFor(tabId, url);
    const previous = current?.failure;
    // The numeric code (navigation) says more than the localised message (request): keep the better one.
    const keepPrevious =
      previous && now - previous.at < 10_000 && from === 'request' && previous.mapped.causes.length > 0;
    if (!keepPrevious) {
      await updateTabRecord(
        tabId,
        url,
        { failure: { mapped, at: now }, observation: undefined, frames: [] },
        now,
      );
    }
    await refreshBadge(tabId, url);
  })
    .catch(logError)
    .then(() => askProbe(tabId, url));
}

/** The navigation committed: the badge set now stays (badges set earlier are wiped on commit). */
export function onCommitted(tabId: number, url: string): void {
  // Shown once the page has loaded (at most a few seconds later): nothing of ours runs during the load.
  afterLoad(tabId, () => void track(tabId, () => refreshBadge(tabId, url)).catch(logError));
}

export function onTabRemoved(tabId: number): void {
  void removeTabRecord(tabId).catch(logError);
}

/** Gets the probe's second opinion for the tab's host (cached per host), stores it on the record, refreshes the badge. */
export async function askProbe(tabId: number, url: string, options: { force?: boolean } = {}): Promise<void> {
  const origin = originOf(url);
  if (!origin || !origin.startsWith('https:')) return;
  const { hostname, port } = new URL(url);
  try {
    const answer = await probeHost(hostname, port ? Number(port) : 443, options);
    if (!answer) return await forgetProbe(tabId, url);
    await track(tabId, async () => {
      const probe = answer.result.ok
        ? { report: answer.result.report, at: answer.at }
        : { error: answer.result.error, at: answer.at };
      const record = await getTabRecordFor(tabId, url);
      // No Date header to judge the local clock by (a failed load): the probe's own clock, from a fresh answer.
      const clock =
        record?.clock ??
        (answer.result.ok && !answer.result.report.cached && answer.sentAt
          ? skewFromProbe(answer.result.report.probedAt, answer.at, answer.sentAt)
          : null);
      await updateTabRecord(tabId, url, { probe, clock }, Date.now());
      await refreshBadgeIfShowing(tabId, origin);
    });
  } catch (error) {
    logError(error);
  }
}

/**
 * The probe is off: an answer the record kept from before it was turned off no longer speaks for the page (in
 * Chromium it would still give the badge its days).
 */
async function forgetProbe(tabId: number, url: string): Promise<void> {
  await track(tabId, async () => {
    const record = await getTabRecordFor(tabId, url);
    if (!record?.probe) return;
    await updateTabRecord(tabId, url, { probe: undefined }, Date.now());
    await refreshBadgeIfShowing(tabId, originOf(url));
  });
}

/** Refreshes the tab's badge if the tab still shows `origin`. */
async function refreshBadgeIfShowing(tabId: number, origin: string | null): Promise<void> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  // Chromium commits a certificate interstitial seconds after the error: until then the tab has only a pending URL.
  const tabUrl = tab?.url || tab?.pendingUrl;
  if (origin && tabUrl && originOf(tabUrl) === origin) await refreshBadge(tabId, tabUrl);
}

function logError(error: unknown): void {
  console.error('certglance:', error);
}
