/**
 * What the extension shows in real Chromium, read as a person would see it: the toolbar badge of a tab (text and
 * tooltip), the popup opened for a tab (its visible text, section by section), and the settings in storage.local.
 * Everything goes through an extension page (the "control" page) with the `chrome` API, which does not wake the
 * service worker: a test can stop the worker and see what a restarted one answers. Reads are polled with a timeout,
 * since the background sets the badge and the record after commit, error and probe events.
 */
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import type { ChromiumSession } from './chromium';
import { poll } from './poll';
import type { Settings } from '../../../browser/settings';

/** The `chrome` calls made inside extension pages; typed here, as the page's global is not. */
interface ChromeForTests {
  action: {
    getBadgeText(details: { tabId: number }): Promise<string>;
    getTitle(details: { tabId: number }): Promise<string>;
  };
  storage: {
    local: { set(items: Record<string, unknown>): Promise<void> };
    session: { get(keys: string | null): Promise<Record<string, unknown>> };
  };
  tabs: {
    create(details: { url: string; active: boolean }): Promise<{ id?: number }>;
    get(tabId: number): Promise<{ url?: string; pendingUrl?: string; status?: string; title?: string }>;
    remove(tabId: number): Promise<void>;
  };
}

/** The toolbar badge of one tab. */
export interface BadgeState {
  text: string;
  /** The tooltip. */
  title: string;
}

/** The extension's settings as the options page stores them. */
export type StoredSettings = Settings;

/** What the popup shows, section by section, as visible text. */
export interface PopupText {
  /** The heading: the tab's host. */
  host: string;
  /** The level in words ("Valid", "Certificate error", "No details", "Not HTTPS"). */
  levelLabel: string;
  /** The figure at a glance: "59 days left", "Certificate expired". */
  headline: string;
  /** The sentence under it (the badge's tooltip, or what the clock means). */
  summary: string;
  /** The clock notice, when there is one, and whether it says the local clock is wrong. */
  clock: { text: string; wrong: boolean } | null;
  /** Names of the certificates of the chain, leaf first. */
  chainNames: string[];
  /** The probe section's text, null when the popup has none (plain http). */
  probe: string | null;
  /** The whole popup's text, folded parts (explanations' details, fingerprints) included. */
  text: string;
}

export { poll };

/** Opens an extension page that the tests drive the `chrome` API from (options.html: it never messages the worker). */
export async function openControlPage(session: ChromiumSession): Promise<Page> {
  const page = await session.openExtensionPage('options.html');
  await page.waitForSelector('#probe-url', { timeout: 10_000 });
  return page;
}

/** Opens `url` in a new background tab and returns its id at once, whether the load will succeed or fail. */
export function openTab(control: Page, url: string): Promise<number> {
  return control.evaluate(async (u) => {
    const c = (globalThis as unknown as { chrome: ChromeForTests }).chrome;
    const tab = await c.tabs.create({ url: u, active: false });
    if (tab.id === undefined) throw new Error('the new tab has no id');
    return tab.id;
  }, url);
}

/** Closes a tab; one that is already gone is not an error. */
export async function closeTab(control: Page, tabId: number): Promise<void> {
  await control
    .evaluate((id) => (globalThis as unknown as { chrome: ChromeForTests }).chrome.tabs.remove(id), tabId)
    .catch(() => undefined);
}

/** The tab as Chromium lists it: its URL, title ("Privacy error" on an interstitial) and load status. */
export function readTab(
  control: Page,
  tabId: number,
): Promise<{ url?: string; pendingUrl?: string; status?: string; title?: string }> {
  return control.evaluate(async (id) => {
    const tab = await (globalThis as unknown as { chrome: ChromeForTests }).chrome.tabs.get(id);
    return { url: tab.url, pendingUrl: tab.pendingUrl, status: tab.status, title: tab.title };
  }, tabId);
}

/**
 * Waits until the tab shows `url` and has finished loading: the page, or Chromium's interstitial, which often commits
 * about 3 s after the error. A person opens the popup on what the tab shows.
 */
export function waitForCommit(
  control: Page,
  tabId: number,
  url: string,
  timeoutMs = 8_000,
): Promise<unknown> {
  return poll(
    () => readTab(control, tabId),
    (tab) => tab.url === url && tab.status === 'complete',
    `tab ${tabId} to show ${url}`,
    timeoutMs,
  );
}

/** The badge text and tooltip of a tab. */
export function readBadge(control: Page, tabId: number): Promise<BadgeState> {
  return control.evaluate(async (id) => {
    const { action } = (globalThis as unknown as { chrome: ChromeForTests }).chrome;
    const [text, title] = await Promise.all([
      action.getBadgeText({ tabId: id }),
      action.getTitle({ tabId: id }),
    ]);
    return { text, title };
  }, tabId);
}

/** Waits until the tab's badge satisfies `accept`. */
export function waitForBadge(
  control: Page,
  tabId: number,
  accept: (badge: BadgeState) => boolean,
  timeoutMs = 10_000,
): Promise<BadgeState> {
  return poll(() => readBadge(control, tabId), accept, `the badge of tab ${tabId}`, timeoutMs);
}

/** One value of the extension's storage.session (tab records are `tab:<id>`, probe answers `probe:<host>:<port>`). */
export async function readSession(control: Page, key: string): Promise<unknown> {
  const stored = await control.evaluate(
    (k) => (globalThis as unknown as { chrome: ChromeForTests }).chrome.storage.session.get(k),
    key,
  );
  return stored[key];
}

/** The record the background stored for a tab in storage.session. */
export async function readTabRecord(
  control: Page,
  tabId: number,
): Promise<Record<string, unknown> | undefined> {
  return (await readSession(control, `tab:${tabId}`)) as Record<string, unknown> | undefined;
}

/** The tab's record once it has stopped changing for `quietMs` (late events of the load have been handled). */
export async function settledTabRecord(
  control: Page,
  tabId: number,
  quietMs = 500,
): Promise<Record<string, unknown> | undefined> {
  let previous = JSON.stringify(await readTabRecord(control, tabId));
  const settled = await poll(
    async () => {
      await new Promise((resolve) => setTimeout(resolve, quietMs));
      const now = JSON.stringify(await readTabRecord(control, tabId));
      const same = now === previous;
      previous = now;
      return { same, now };
    },
    (r) => r.same,
    `the record of tab ${tabId} to settle`,
  );
  return settled.now === undefined ? undefined : (JSON.parse(settled.now) as Record<string, unknown>);
}

/** Stores the extension's settings in storage.local, as the options page does. */
export async function setSettings(control: Page, settings: StoredSettings): Promise<void> {
  await control.evaluate(
    (s) => (globalThis as unknown as { chrome: ChromeForTests }).chrome.storage.local.set({ settings: s }),
    settings,
  );
}

/** Opens `popup.html?tabId=N` in a tab of its own and waits until it shows a view (or the error it shows instead). */
export async function openPopup(session: ChromiumSession, tabId: number): Promise<Page> {
  const page = await session.openExtensionPage(`popup.html?tabId=${tabId}`);
  await page.waitForSelector('main h1#popup-host, main [role=alert]', { timeout: 10_000 });
  return page;
}

/** Clicks the button whose visible text is `label`, as a person would. */
export async function clickButton(page: Page, label: string): Promise<void> {
  const clicked = await page.evaluate((text) => {
    const button = Array.from(document.querySelectorAll('button')).find(
      (b) => b.textContent?.trim() === text,
    );
    button?.click();
    return button !== undefined;
  }, label);
  if (!clicked) throw new Error(`no button "${label}" on ${page.url()}`);
}

/** Reads the popup shown in `page`, section by section; null while it shows no view (loading, or an error). */
export function readPopup(page: Page): Promise<PopupText | null> {
  return page.evaluate(() => {
    const main = document.querySelector('main.popup');
    const heading = document.querySelector('h1#popup-host');
    if (!main || !heading) return null;
    /** All text, folded <details> included: what a person reads after opening them. */
    const text = (el: Element | null): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const level = document.querySelector('.popup-header .level');
    const clock = document.querySelector('.glance .clock-wrong, .glance p.muted');
    return {
      host: text(heading),
      levelLabel: Array.from(level?.childNodes ?? [])
        .filter((n) => !(n instanceof Element && n.getAttribute('aria-hidden') === 'true'))
        .map((n) => n.textContent ?? '')
        .join('')
        .trim(),
      headline: text(document.querySelector('.glance .headline')),
      summary: text(document.querySelector('.glance .summary')),
      clock: clock ? { text: text(clock), wrong: clock.classList.contains('clock-wrong') } : null,
      chainNames: Array.from(document.querySelectorAll('.chain .certificate-name'), (n) => text(n)),
      probe: text(document.querySelector('section[aria-labelledby=probe-title]')) || null,
      text: text(main),
    };
  });
}

/** Waits until the popup in `page` shows a view satisfying `accept` (it follows the tab's record as it changes). */
export async function waitForPopup(
  page: Page,
  accept: (popup: PopupText) => boolean,
  timeoutMs = 10_000,
): Promise<PopupText> {
  const seen = await poll(
    async () => ({
      view: await readPopup(page),
      // What the popup shows instead of a view (loading, or an error), for the failure message.
      message: await page.evaluate(() => document.querySelector('main')?.textContent ?? ''),
    }),
    (s) => s.view !== null && accept(s.view),
    'the popup to show the expected view',
    timeoutMs,
  );
  return seen.view!;
}

/** What a person should see for one page: the badge, and the popup's words. */
export interface Seen {
  badge: string;
  /** Phrases of the badge's tooltip. */
  tooltip: string[];
  levelLabel: string;
  headline: string;
  /** Phrases the popup must show (numbers and dates included). */
  popup: string[];
  /** The chain the popup lists, leaf first ([] for none). */
  chain: string[];
  /** Whether the clock notice says the local clock is wrong; null: no notice. */
  clockWrong: boolean | null;
}

/** The badge and popup of one page load. */
export interface Shown {
  badge: BadgeState;
  popup: PopupText;
}

/**
 * Loads `url` in a new tab, waits until its badge settles on what `seen` expects and the tab has committed, opens the
 * popup for the tab and waits for the expected view; closes both. Timeouts allow for Chromium's late interstitials.
 */
export async function loadAndRead(
  session: ChromiumSession,
  control: Page,
  url: string,
  seen: Seen,
): Promise<Shown> {
  const tabId = await openTab(control, url);
  try {
    const settled = (b: BadgeState) =>
      b.text === seen.badge && seen.tooltip.every((t) => b.title.includes(t));
    const badge = await waitForBadge(control, tabId, settled, 8_000);
    await waitForCommit(control, tabId, url);
    const page = await openPopup(session, tabId);
    try {
      const popup = await waitForPopup(
        page,
        (p) => p.headline === seen.headline && p.chainNames.length === seen.chain.length,
      );
      return { badge, popup };
    } finally {
      await page.close();
    }
  } finally {
    await closeTab(control, tabId);
  }
}

/** Asserts that what was shown is what `seen` says, field by field. */
export function expectSeen(shown: Shown, seen: Seen): void {
  expect(shown.badge.text).toBe(seen.badge);
  for (const t of seen.tooltip) expect(shown.badge.title).toContain(t);
  const { popup } = shown;
  expect(popup.levelLabel).toBe(seen.levelLabel);
  expect(popup.headline).toBe(seen.headline);
  // The popup's sentence is the badge's tooltip.
  expect(popup.summary).toBe(shown.badge.title);
  for (const phrase of seen.popup) expect(popup.text).toContain(phrase);
  expect(popup.chainNames).toEqual(seen.chain);
  expect(popup.clock?.wrong ?? null).toBe(seen.clockWrong);
  // The probe checks https sites only: plain http has no probe section, every https page has one.
  expect(popup.probe === null).toBe(seen.levelLabel === 'Not HTTPS');
}
