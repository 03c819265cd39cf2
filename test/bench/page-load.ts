/**
 * Page-load cost of the extension: the same loopback pages loaded in Firefox instances launched the same way, one with
 * the extension, one with a reference extension that holds only the blocking getSecurityInfo listener, and two without
 * (the second is the A/A reference), interleaved round by round.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import {
  fmtMs,
  fmtRatio,
  judge,
  medP90Iqr,
  pairedBootstrapRatio,
  seededRandom,
  splitAlternate,
  summarize,
  textTable,
  type RatioEstimate,
  type Summary,
  type Verdict,
} from './stats';

/**
 * The instances compared: with the extension, with the listener-only reference extension, without any extension, and
 * a second one without (A/A).
 */
export const SIDES = ['with', 'listener', 'without', 'without2'] as const;
export type Side = (typeof SIDES)[number];

export const LOAD_KINDS = ['https', 'http'] as const;
export type LoadKind = (typeof LOAD_KINDS)[number];

/** What one load measured, in ms. NaN when the load failed. */
export interface LoadSample {
  /** Navigation Timing responseStart - requestStart: request sent to first response byte. */
  ttfbMs: number;
  /** Navigation Timing loadEventEnd - startTime: navigation start to the end of the load event. */
  loadMs: number;
  /** The driver's wall clock around page.goto (includes the WebDriver BiDi round trips). */
  wallMs: number;
  /**
   * Navigation Timing domInteractive - responseEnd. Firefox stamps responseStart/responseEnd in the network layer,
   * before a blocking webRequest listener lets the response go on: the time such a listener holds it lands here.
   */
  afterResponseMs: number;
}

export const METRICS = [
  'ttfbMs',
  'afterResponseMs',
  'loadMs',
  'wallMs',
] as const satisfies readonly (keyof LoadSample)[];
export type Metric = (typeof METRICS)[number];

/** Samples per side and kind, in round order: index i of every side belongs to round i. */
export type PageLoadSamples = Record<Side, Record<LoadKind, LoadSample[]>>;

export interface PageLoadPlan {
  pages: Record<Side, Page>;
  /** Base URL per kind; each load adds `?n=<counter>` so no two loads share a URL. */
  urls: Record<LoadKind, string>;
  /** Counted rounds per kind. */
  rounds: Record<LoadKind, number>;
  /** Uncounted rounds per kind before the counted ones. */
  warmup: number;
  /** Idle time after every load, so one instance's trailing work does not land in the next instance's load. */
  pauseMs: number;
  /** Called after every round. */
  onRound?: (kind: LoadKind, round: number, of: number) => void;
}

/** One metric of one kind compared across the instances. */
export interface MetricComparison {
  kind: LoadKind;
  metric: Metric;
  summaries: Record<Side, Summary>;
  /** with / without. */
  withWithout: RatioEstimate;
  /** listener / without: what the blocking getSecurityInfo listener alone costs. */
  listenerWithout: RatioEstimate;
  /** without2 / without: two instances without the extension (the noise floor the verdict uses). */
  crossInstance: RatioEstimate;
  /** even / odd rounds of `without`: one instance against itself. */
  sameInstance: RatioEstimate;
  /** Median with (or listener-only) minus median without, ms. */
  medianDeltaMs: Record<'with' | 'listener', number>;
  /** Whether with/without and listener/without stand out from the cross-instance A/A noise floor. */
  verdict: Record<'with' | 'listener', Verdict>;
}

const FAILED: LoadSample = {
  ttfbMs: Number.NaN,
  loadMs: Number.NaN,
  wallMs: Number.NaN,
  afterResponseMs: Number.NaN,
};

/** The gecko id of the listener-only reference extension. */
export const LISTENER_ONLY_ID = 'listener-only@certglance.dev';

/**
 * The reference extension's background: the least any Firefox extension must do to read a page's certificate (a
 * blocking onHeadersReceived listener that awaits getSecurityInfo), with the filter and options of
 * browser/capture-firefox.ts, and nothing else.
 */
const LISTENER_ONLY_BACKGROUND = `browser.webRequest.onHeadersReceived.addListener(
  async (details) => {
    if (details.tabId < 0) return {};
    await browser.webRequest.getSecurityInfo(details.requestId, { certificateChain: true, rawDER: true });
    return {};
  },
  { urls: ['https://*/*'], types: ['main_frame', 'sub_frame'] },
  ['blocking', 'responseHeaders'],
);
`;

/** Writes the listener-only reference extension (MV3, like the product's Firefox build) into `dir`; returns `dir`. */
export async function writeListenerOnlyExtension(dir: string): Promise<string> {
  const manifest = {
    manifest_version: 3,
    name: 'listener-only reference',
    version: '1.0',
    permissions: ['webRequest', 'webRequestBlocking'],
    host_permissions: ['<all_urls>'],
    background: { scripts: ['background.js'] },
    browser_specific_settings: { gecko: { id: LISTENER_ONLY_ID, strict_min_version: '140.0' } },
  };
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await writeFile(join(dir, 'background.js'), LISTENER_ONLY_BACKGROUND);
  return dir;
}

/** Loads `url` in `page` and reads the page's own Navigation Timing once its load event has ended. */
export async function measureLoad(page: Page, url: string): Promise<LoadSample> {
  const started = performance.now();
  const response = await page.goto(url, { waitUntil: 'load', timeout: 15_000 });
  const wallMs = performance.now() - started;
  const timing = await page.evaluate(async () => {
    for (let i = 0; i < 200; i++) {
      const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      if (entry && entry.loadEventEnd > 0) {
        return {
          name: entry.name,
          status: entry.responseStatus,
          ttfbMs: entry.responseStart - entry.requestStart,
          afterResponseMs: entry.domInteractive - entry.responseEnd,
          loadMs: entry.loadEventEnd - entry.startTime,
        };
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return null;
  });
  if (!timing) throw new Error(`no Navigation Timing entry with a load end for ${url}`);
  if (timing.name !== url) throw new Error(`loaded ${timing.name}, not ${url} (redirected or upgraded?)`);
  if ((response?.status() ?? timing.status) !== 200) throw new Error(`${url} answered ${timing.status}`);
  return {
    ttfbMs: timing.ttfbMs,
    afterResponseMs: timing.afterResponseMs,
    loadMs: timing.loadMs,
    wallMs,
  };
}

/**
 * The order of the sides in round `round`: a seeded shuffle, the same for the same round. Over many rounds every side
 * goes first, and follows every other side, about equally often (a fixed rotation would always put the same side
 * right after the extension's instance).
 */
export function roundOrder(round: number): Side[] {
  const random = seededRandom(0x5eed + round);
  const order: Side[] = [...SIDES];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

async function safeMeasure(page: Page, url: string, failures: string[]): Promise<LoadSample> {
  try {
    return await measureLoad(page, url);
  } catch (error) {
    failures.push(`${url}: ${error instanceof Error ? error.message : String(error)}`);
    return FAILED;
  }
}

/** What runPageLoads measured: samples, the order of every counted round, and the loads that failed. */
export interface PageLoadRun {
  samples: PageLoadSamples;
  /** Per kind, the order of the sides in each counted round (index i: round i of the samples). */
  orders: Record<LoadKind, Side[][]>;
  failures: string[];
}

/** Runs the interleaved loads: per kind, warm-up rounds, then counted rounds, each side once per round. */
export async function runPageLoads(plan: PageLoadPlan): Promise<PageLoadRun> {
  const failures: string[] = [];
  const samples: PageLoadSamples = {
    with: { https: [], http: [] },
    listener: { https: [], http: [] },
    without: { https: [], http: [] },
    without2: { https: [], http: [] },
  };
  const orders: Record<LoadKind, Side[][]> = { https: [], http: [] };
  let counter = 0;
  for (const kind of LOAD_KINDS) {
    const total = plan.warmup + plan.rounds[kind];
    for (let round = 0; round < total; round++) {
      const url = `${plan.urls[kind]}?n=${counter}`;
      const order = roundOrder(counter++);
      for (const side of order) {
        const sample = await safeMeasure(plan.pages[side], url, failures);
        if (round >= plan.warmup) samples[side][kind].push(sample);
        await new Promise((resolve) => setTimeout(resolve, plan.pauseMs));
      }
      if (round >= plan.warmup) orders[kind].push(order);
      plan.onRound?.(kind, round + 1, total);
    }
  }
  return { samples, orders, failures };
}

/** Every metric of every kind: summaries per side, ratios with bootstrap intervals, and the verdict. */
export function comparePageLoads(samples: PageLoadSamples): MetricComparison[] {
  const out: MetricComparison[] = [];
  for (const kind of LOAD_KINDS) {
    for (const metric of METRICS) {
      const series = (side: Side) => samples[side][kind].map((s) => s[metric]);
      const summaries = Object.fromEntries(SIDES.map((s) => [s, summarize(series(s))])) as Record<
        Side,
        Summary
      >;
      const withWithout = pairedBootstrapRatio(series('with'), series('without'));
      const listenerWithout = pairedBootstrapRatio(series('listener'), series('without'));
      const crossInstance = pairedBootstrapRatio(series('without2'), series('without'));
      const [even, odd] = splitAlternate(series('without'));
      const sameInstance = pairedBootstrapRatio(even, odd);
      out.push({
        kind,
        metric,
        summaries,
        withWithout,
        listenerWithout,
        crossInstance,
        sameInstance,
        medianDeltaMs: {
          with: summaries.with.median - summaries.without.median,
          listener: summaries.listener.median - summaries.without.median,
        },
        verdict: { with: judge(withWithout, crossInstance), listener: judge(listenerWithout, crossInstance) },
      });
    }
  }
  return out;
}

const METRIC_LABELS = {
  ttfbMs: 'TTFB',
  afterResponseMs: 'resp→DOM',
  loadMs: 'load',
  wallMs: 'wall',
} as const;
const SIDE_LABELS = {
  with: 'with ext',
  listener: 'listener only',
  without: 'without',
  without2: "without'",
} as const;

/** The page-load figures as text: per-side summaries, ratios, and one verdict line per metric and side. */
export function formatPageLoads(comparisons: MetricComparison[]): string {
  const name = (c: MetricComparison) => [c.kind, METRIC_LABELS[c.metric]];
  const figures = [
    ['kind', 'metric', ...SIDES.map((s) => `${SIDE_LABELS[s]} med/p90/IQR`)],
    ...comparisons.map((c) => [...name(c), ...SIDES.map((s) => medP90Iqr(c.summaries[s]))]),
  ];
  const ratios = [
    ['kind', 'metric', 'with/without', 'listener/without', "A/A without'/without", 'A/A same instance'],
    ...comparisons.map((c) => [
      ...name(c),
      fmtRatio(c.withWithout),
      fmtRatio(c.listenerWithout),
      fmtRatio(c.crossInstance),
      fmtRatio(c.sameInstance),
    ]),
  ];
  const verdicts = comparisons.flatMap((c) =>
    (['with', 'listener'] as const).map((side) => [
      `  ${c.kind} ${METRIC_LABELS[c.metric]}`,
      `${SIDE_LABELS[side]}:`,
      `Δmedian ${fmtMs(c.medianDeltaMs[side], 2)} ms`,
      c.verdict[side].reason,
    ]),
  );
  return [
    textTable(figures),
    '',
    'ratios of medians [paired bootstrap 95% CI]',
    textTable(ratios),
    '',
    textTable(verdicts),
  ].join('\n');
}
