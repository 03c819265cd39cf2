/**
 * Time from navigation to badge: an extension page (the controller) navigates another tab with tabs.update and polls
 * action.getBadgeText for that tab in a tight loop, timing everything on its own performance.now() clock. It also
 * listens for the navigation's commit (or error) and for the tab's record landing in storage.session, which splits
 * the total into browser time and extension time.
 */
import type { Page } from 'puppeteer-core';
import { fmtMs, medP90, summarize, textTable, type Summary } from './stats';

export const BADGE_SCENARIOS = ['valid', 'expired'] as const;
export type BadgeScenario = (typeof BADGE_SCENARIOS)[number];

/** Set on the tab before each navigation: the badge shows it until the navigation wipes it. */
export const SENTINEL = '~';

/** One navigation, times in ms from the tabs.update call. null: not seen. */
export interface BadgeSample {
  /** The final badge text appeared. null: it did not within the timeout. */
  badgeMs: number | null;
  /** Any badge text other than the sentinel and empty appeared (equals badgeMs unless an interim text showed). */
  firstTextMs: number | null;
  /** webNavigation.onCommitted (valid) or onErrorOccurred (expired) reached the controller. */
  commitMs: number | null;
  /** The tab's record for this URL reached the controller through storage.onChanged (session area). */
  recordMs: number | null;
  /** getBadgeText calls made; badgeMs / polls is the polling resolution. */
  polls: number;
}

export interface BadgeScenarioResult {
  scenario: BadgeScenario;
  /** The badge text the scenario settles on (seen during warm-up). */
  expectedText: string;
  samples: BadgeSample[];
  /** Navigations whose badge never showed `expectedText`. */
  timeouts: number;
  summary: {
    badge: Summary;
    commit: Summary;
    record: Summary;
    commitToBadge: Summary;
    pollIntervalMs: number;
  };
}

export interface BadgePlan {
  /** An extension page of the installed extension, with the `__name` shim (see NAME_SHIM in run.ts). */
  controller: Page;
  /** The tab navigated. */
  tabId: number;
  /** Base URL per scenario; every navigation adds `?b=<counter>`. */
  urls: Record<BadgeScenario, string>;
  /** Counted navigations per scenario (the scenarios alternate). */
  navigations: number;
  /** Uncounted navigations per scenario first; the last one fixes the expected text. */
  warmup: number;
  /** Pause after each navigation so the extension's trailing work does not overlap the next one. */
  settleMs: number;
  timeoutMs: number;
}

interface NavigateArgs {
  tabId: number;
  url: string;
  sentinel: string;
  /** null: warm-up, wait for any text and return it once it has been stable for `stableMs`. */
  expected: string | null;
  timeoutMs: number;
  stableMs: number;
}

/** Runs in the controller page: one navigation, timed. */
async function navigateAndPoll(args: NavigateArgs): Promise<BadgeSample & { text: string }> {
  const { tabId, url, sentinel, expected, timeoutMs, stableMs } = args;
  const action = browser.action;
  await action.setBadgeText({ tabId, text: sentinel });
  let commitAt: number | null = null;
  let recordAt: number | null = null;
  const onNavigation = (d: { tabId: number; frameId: number; url: string }) => {
    if (d.tabId === tabId && d.frameId === 0 && d.url === url && commitAt === null)
      commitAt = performance.now();
  };
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const value = changes[`tab:${tabId}`]?.newValue as { url?: string } | undefined;
    if (area === 'session' && value?.url === url && recordAt === null) recordAt = performance.now();
  };
  browser.webNavigation.onCommitted.addListener(onNavigation);
  browser.webNavigation.onErrorOccurred.addListener(onNavigation);
  browser.storage.onChanged.addListener(onStorage);
  let polls = 0;
  let firstAt: number | null = null;
  let badgeAt: number | null = null;
  let text = sentinel;
  let stableSince = 0;
  const start = performance.now();
  try {
    await browser.tabs.update(tabId, { url });
    for (;;) {
      const seen = await action.getBadgeText({ tabId });
      const now = performance.now();
      polls++;
      if (seen !== text) stableSince = now;
      text = seen;
      if (firstAt === null && text !== sentinel && text !== '') firstAt = now;
      if (expected !== null && text === expected) {
        badgeAt = now;
        break;
      }
      if (expected === null && firstAt !== null && now - stableSince >= stableMs) break;
      if (now - start > timeoutMs) break;
    }
  } finally {
    browser.webNavigation.onCommitted.removeListener(onNavigation);
    browser.webNavigation.onErrorOccurred.removeListener(onNavigation);
    browser.storage.onChanged.removeListener(onStorage);
  }
  const since = (t: number | null) => (t === null ? null : t - start);
  return {
    text,
    polls,
    badgeMs: since(badgeAt),
    firstTextMs: since(firstAt),
    commitMs: since(commitAt),
    recordMs: since(recordAt),
  };
}

/** The id of the tab showing `url`, asked from an extension page. */
export async function findTabId(controller: Page, url: string): Promise<number> {
  const id = await controller.evaluate(
    async (wanted: string) => (await browser.tabs.query({})).find((t) => t.url === wanted)?.id ?? null,
    url,
  );
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}

/**
 * Navigates the tab from the controller and waits until its badge has settled; returns the badge text. (Puppeteer's
 * own page.goto can lose track of a tab that other code navigated to error pages.)
 */
export async function navigateTab(
  controller: Page,
  tabId: number,
  url: string,
  timeoutMs = 10_000,
): Promise<string> {
  const args: NavigateArgs = { tabId, url, sentinel: SENTINEL, expected: null, timeoutMs, stableMs: 300 };
  const { text } = await controller.evaluate(navigateAndPoll, args);
  if (text === SENTINEL || text === '') throw new Error(`no badge for ${url}`);
  return text;
}

const present = (values: (number | null)[]) => values.filter((v): v is number => v !== null);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function summarizeScenario(
  scenario: BadgeScenario,
  expectedText: string,
  samples: BadgeSample[],
): BadgeScenarioResult {
  const done = samples.filter((s) => s.badgeMs !== null);
  const polls = done.reduce((n, s) => n + s.polls, 0);
  const pollTime = done.reduce((t, s) => t + s.badgeMs!, 0);
  return {
    scenario,
    expectedText,
    samples,
    timeouts: samples.length - done.length,
    summary: {
      badge: summarize(present(samples.map((s) => s.badgeMs))),
      commit: summarize(present(samples.map((s) => s.commitMs))),
      record: summarize(present(samples.map((s) => s.recordMs))),
      commitToBadge: summarize(
        present(
          samples.map((s) => (s.badgeMs !== null && s.commitMs !== null ? s.badgeMs - s.commitMs : null)),
        ),
      ),
      pollIntervalMs: polls > 0 ? pollTime / polls : Number.NaN,
    },
  };
}

/** Warm-up per scenario, then `navigations` counted navigations per scenario, the scenarios alternating. */
export async function runBadgeBench(plan: BadgePlan): Promise<BadgeScenarioResult[]> {
  let counter = 0;
  const navigate = async (scenario: BadgeScenario, expected: string | null) => {
    const args: NavigateArgs = {
      tabId: plan.tabId,
      url: `${plan.urls[scenario]}?b=${counter++}`,
      sentinel: SENTINEL,
      expected,
      timeoutMs: plan.timeoutMs,
      stableMs: 500,
    };
    const sample = await plan.controller.evaluate(navigateAndPoll, args);
    await pause(plan.settleMs);
    return sample;
  };
  const expected = {} as Record<BadgeScenario, string>;
  for (const scenario of BADGE_SCENARIOS) {
    for (let i = 0; i < plan.warmup; i++) expected[scenario] = (await navigate(scenario, null)).text;
    if (expected[scenario] === SENTINEL || expected[scenario] === '')
      throw new Error(`the ${scenario} page never got a badge`);
  }
  const samples: Record<BadgeScenario, BadgeSample[]> = { valid: [], expired: [] };
  for (let i = 0; i < plan.navigations; i++) {
    for (const scenario of BADGE_SCENARIOS) {
      const { text: _text, ...sample } = await navigate(scenario, expected[scenario]);
      samples[scenario].push(sample);
    }
  }
  return BADGE_SCENARIOS.map((s) => summarizeScenario(s, expected[s], samples[s]));
}

/** The navigation-to-badge figures as a text table. */
export function formatBadge(results: BadgeScenarioResult[]): string {
  const head = [
    'scenario',
    'badge',
    'n',
    'nav→badge med/p90',
    'nav→commit',
    'nav→record',
    'commit→badge',
    'poll',
    'timeouts',
  ];
  const rows = results.map((r) => [
    r.scenario,
    JSON.stringify(r.expectedText),
    String(r.summary.badge.n),
    medP90(r.summary.badge),
    medP90(r.summary.commit),
    medP90(r.summary.record),
    medP90(r.summary.commitToBadge),
    `${fmtMs(r.summary.pollIntervalMs, 2)} ms`,
    String(r.timeouts),
  ]);
  return textTable([head, ...rows]);
}
