/**
 * What the installed extension shows, read from one of its own pages (a moz-extension:// or chrome-extension:// page
 * driven by puppeteer): the toolbar badge of a tab, the settings in storage.local, and the popup opened for a tab.
 * Everything is read as a person would see it (badge text and tooltip, the popup's visible text) and polled with a
 * timeout, since the background sets the badge and the record after commit, error and probe events.
 */
import type { Page } from 'puppeteer-core';
import { navigateBidi } from './firefox';
import { poll } from './poll';
import type { Settings } from '../../../browser/settings';

/** The toolbar badge of one tab. */
export interface BadgeState {
  text: string;
  /** The tooltip. */
  title: string;
  /** The background colour, #RRGGBB (uppercase). */
  color: string;
}

/** The extension's settings as the options page stores them. */
export type StoredSettings = Settings;

/** What the popup shows, section by section, as visible text. */
export interface PopupText {
  /** The page heading: the tab's host. */
  host: string;
  /** The level in words, next to the heading ("Valid", "Certificate error", "Not HTTPS"). */
  levelLabel: string;
  /** The figure at a glance: "59 days left", "Certificate expired". */
  headline: string;
  /** Every paragraph of the at-a-glance section: headline, summary, earliest expiry, clock notice. */
  glance: string[];
  /** The clock notice, when the popup shows one, and whether it says the local clock is wrong. */
  clock: { text: string; wrong: boolean } | null;
  /** Titles of the explanations, most important first. */
  explanationTitles: string[];
  /** Visible text of each explanation. */
  explanations: string[];
  /** Names of the certificates of the chain, leaf first. */
  chainNames: string[];
  /** The probe section's visible text, null when the popup shows none (plain http). */
  probe: string | null;
  /** The "where this comes from" section's visible text. */
  provenance: string | null;
  /** The whole popup's visible text. */
  text: string;
  /** All of the popup's text, including what closed <details> hide (subjects, fingerprints, findings). */
  allText: string;
  /** <img> and <b> elements in the popup: it renders none, so any would be certificate text turned markup. */
  markupCount: { img: number; b: number };
}

export { poll };

/** The badge text and tooltip of a tab, read from an extension page. */
export function readBadge(extensionPage: Page, tabId: number): Promise<BadgeState> {
  return extensionPage.evaluate(async (id) => {
    const action = browser.action ?? browser.browserAction;
    const [text, title, rgba] = await Promise.all([
      action.getBadgeText({ tabId: id }),
      action.getTitle({ tabId: id }),
      action.getBadgeBackgroundColor({ tabId: id }),
    ]);
    const color = `#${rgba
      .slice(0, 3)
      .map((c) => c.toString(16).padStart(2, '0'))
      .join('')}`.toUpperCase();
    return { text, title, color };
  }, tabId);
}

/** Waits until the tab's badge satisfies `accept`. */
export function waitForBadge(
  extensionPage: Page,
  tabId: number,
  accept: (badge: BadgeState) => boolean,
  timeoutMs = 10_000,
): Promise<BadgeState> {
  return poll(() => readBadge(extensionPage, tabId), accept, `the badge of tab ${tabId}`, timeoutMs);
}

/** The id of the tab showing `url` (exactly), waiting until the browser lists it. */
export async function tabIdFor(extensionPage: Page, url: string, timeoutMs = 5_000): Promise<number> {
  const tabs = await poll(
    () => extensionPage.evaluate(() => browser.tabs.query({})),
    (list) => list.some((t) => t.url === url && t.id !== undefined),
    `a tab showing ${url}`,
    timeoutMs,
  );
  return tabs.find((t) => t.url === url)!.id!;
}

/** Stores the extension's settings (storage.local `settings`), as the options page does. */
export async function setSettings(extensionPage: Page, settings: StoredSettings): Promise<void> {
  await extensionPage.evaluate((s) => browser.storage.local.set({ settings: s }), settings);
}

/**
 * Opens `popup.html?tabId=N` in `page` (moz-extension://<uuid>/) and waits until it shows a view (or the error it
 * shows instead of one). The popup keeps following the tab's record: read it with readPopup / waitForPopup.
 * The page is brought to the front first: in a background tab Firefox takes seconds to render it.
 */
export async function openPopup(page: Page, extensionUuid: string, tabId: number): Promise<void> {
  await page.bringToFront();
  await navigateBidi(page, `moz-extension://${extensionUuid}/popup.html?tabId=${tabId}`);
  await poll(
    () =>
      page.evaluate(() =>
        document.querySelector('main h1#popup-host, main [role=alert]') !== null
          ? null
          : `${document.location.href}: ${(document.body?.innerText ?? '').slice(0, 200)}`,
      ),
    (notShown) => notShown === null,
    `the popup for tab ${tabId}`,
  );
}

/**
 * Reads the popup shown in `page`, section by section; null while it shows no view (loading, or an error).
 * Visible text is innerText: it leaves out what is not rendered (closed <details>, display: none). The evaluated
 * function declares no named helpers: a transpiler's name-keeping wrappers would not exist in the page.
 */
export function readPopup(page: Page): Promise<PopupText | null> {
  return page.evaluate(() => {
    const main = document.querySelector<HTMLElement>('main.popup');
    const heading = document.querySelector<HTMLElement>('h1#popup-host');
    if (!main || !heading) return null;
    const texts = Object.fromEntries(
      [
        ['glance', '.glance p'],
        ['explanationTitles', 'section.explanation h2'],
        ['explanations', 'section.explanation'],
        ['chainNames', '.chain .certificate-name'],
      ].map(([key, selector]) => [
        key!,
        Array.from(document.querySelectorAll<HTMLElement>(selector!), (el) => el.innerText.trim()),
      ]),
    );
    const clock = document.querySelector<HTMLElement>('.glance .clock-wrong, .glance p.muted');
    const probe = document.querySelector<HTMLElement>('section[aria-labelledby=probe-title]');
    const provenance = document.querySelector<HTMLElement>('section[aria-labelledby=provenance-title]');
    const level = document.querySelector('.popup-header .level');
    // The level badge's word, without its decorative (aria-hidden) symbol.
    const levelLabel = Array.from(level?.childNodes ?? [])
      .filter((n) => !(n instanceof Element && n.getAttribute('aria-hidden') === 'true'))
      .map((n) => n.textContent ?? '')
      .join('')
      .trim();
    return {
      host: heading.innerText.trim(),
      levelLabel,
      headline: document.querySelector<HTMLElement>('.glance .headline')?.innerText.trim() ?? '',
      glance: texts.glance ?? [],
      clock: clock ? { text: clock.innerText.trim(), wrong: clock.classList.contains('clock-wrong') } : null,
      explanationTitles: texts.explanationTitles ?? [],
      explanations: texts.explanations ?? [],
      chainNames: texts.chainNames ?? [],
      probe: probe ? probe.innerText.trim() : null,
      provenance: provenance ? provenance.innerText.trim() : null,
      text: main.innerText.trim(),
      allText: (main.textContent ?? '').trim(),
      markupCount: {
        img: document.querySelectorAll('img').length,
        b: document.querySelectorAll('b').length,
      },
    };
  });
}

/** Waits until the popup in `page` shows a view satisfying `accept` (it updates as the tab's record changes). */
export async function waitForPopup(
  page: Page,
  accept: (popup: PopupText) => boolean,
  timeoutMs = 10_000,
): Promise<PopupText> {
  const popup = await poll(
    () => readPopup(page),
    (p) => p !== null && accept(p),
    'the popup to show the expected view',
    timeoutMs,
  );
  return popup!;
}
