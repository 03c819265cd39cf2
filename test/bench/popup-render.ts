/**
 * Popup time to first render: an extension page opens popup.html?tabId=N with window.open (a top-level document in
 * the extension's process, as the toolbar popup is), attaches a MutationObserver to the new document before the popup's
 * module script has run, and reads the popup's own performance.now() (relative to its navigation start) when content
 * appears.
 */
import type { Page } from 'puppeteer-core';
import { fmtMs, medP90, summarize, textTable, type Summary } from './stats';

/** One opening of the popup; times in ms from the popup document's navigation start. */
export interface PopupSample {
  /** The app's first render (the "Loading…" message) was in the DOM. */
  firstRenderMs: number;
  /** The host heading (h1#popup-host) was in the DOM with its text: first meaningful content. */
  headingMs: number;
  /** The next animation frame callback after the heading: the frame that paints it is being prepared. */
  headingFrameMs: number;
  /** The browser's first-contentful-paint entry, null when none was recorded. */
  fcpMs: number | null;
  domContentLoadedMs: number;
  loadEventEndMs: number;
  /** The observer was attached before the app rendered (false: the times are upper bounds). */
  observedFromStart: boolean;
  /** The heading's text, to check the popup showed the right tab. */
  heading: string;
}

export interface PopupResult {
  opens: number;
  samples: PopupSample[];
  /** The first opening alone: module code not yet cached. */
  first: PopupSample | null;
  lateObservations: number;
  summary: {
    firstRender: Summary;
    heading: Summary;
    headingFrame: Summary;
    fcp: Summary;
    domContentLoaded: Summary;
    loadEventEnd: Summary;
  };
}

export interface PopupPlan {
  /** An extension page of the installed extension, with the `__name` shim. */
  controller: Page;
  /** moz-extension://<uuid>/popup.html */
  popupUrl: string;
  tabId: number;
  /** The heading the popup must show for that tab. */
  expectedHeading: string;
  opens: number;
  timeoutMs: number;
}

/** Runs in the controller page: opens the popup once and times it. */
async function openAndTime(args: { url: string; timeoutMs: number }): Promise<PopupSample> {
  const tick = () =>
    new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    });
  const child = window.open(args.url, '_blank');
  if (!child) throw new Error('window.open was refused');
  const started = performance.now();
  try {
    const popupPath = args.url.split('?')[0]!;
    const href = () => {
      try {
        return child.location.href;
      } catch {
        return '';
      }
    };
    // Macrotask ticks (not timers, clamped to 4 ms) until the popup's document replaces the initial about:blank.
    while (!href().startsWith(popupPath)) {
      if (performance.now() - started > args.timeoutMs) throw new Error('the popup document never appeared');
      await tick();
    }
    const doc = child.document;
    const clock = child.performance;
    const observedFromStart = doc.querySelector('#app > *') === null;
    let firstRenderMs = Number.NaN;
    const headingMs = await new Promise<number>((resolve, reject) => {
      const observer = new MutationObserver(() => check());
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error('the popup never showed its host heading'));
      }, args.timeoutMs);
      const check = (): void => {
        const now = clock.now();
        if (Number.isNaN(firstRenderMs) && doc.querySelector('#app > *')) firstRenderMs = now;
        if (!doc.querySelector('h1#popup-host')?.textContent) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve(now);
      };
      observer.observe(doc, { childList: true, subtree: true, characterData: true });
      check();
    });
    // Read the clock in the callback: the callback's argument is the frame's start, which can precede the heading.
    const headingFrameMs = await new Promise<number>((resolve) =>
      child.requestAnimationFrame(() => resolve(clock.now())),
    );
    while (doc.readyState !== 'complete' || clock.getEntriesByType('navigation').length === 0) await tick();
    const nav = clock.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const fcp = clock.getEntriesByName('first-contentful-paint')[0];
    return {
      firstRenderMs,
      headingMs,
      headingFrameMs,
      fcpMs: fcp ? fcp.startTime : null,
      domContentLoadedMs: nav.domContentLoadedEventEnd,
      loadEventEndMs: nav.loadEventEnd,
      observedFromStart,
      heading: doc.querySelector('h1#popup-host')?.textContent ?? '',
    };
  } finally {
    child.close();
  }
}

/** Opens the popup `opens` times, one after another, and summarises the times. */
export async function runPopupBench(plan: PopupPlan): Promise<PopupResult> {
  const url = `${plan.popupUrl}?tabId=${plan.tabId}`;
  const samples: PopupSample[] = [];
  for (let i = 0; i < plan.opens; i++) {
    const sample = await plan.controller.evaluate(openAndTime, { url, timeoutMs: plan.timeoutMs });
    if (sample.heading !== plan.expectedHeading) {
      throw new Error(`the popup showed "${sample.heading}", not "${plan.expectedHeading}"`);
    }
    samples.push(sample);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const fcp = samples.map((s) => s.fcpMs).filter((v): v is number => v !== null);
  return {
    opens: plan.opens,
    samples,
    first: samples[0] ?? null,
    lateObservations: samples.filter((s) => !s.observedFromStart).length,
    summary: {
      firstRender: summarize(samples.map((s) => s.firstRenderMs)),
      heading: summarize(samples.map((s) => s.headingMs)),
      headingFrame: summarize(samples.map((s) => s.headingFrameMs)),
      fcp: summarize(fcp),
      domContentLoaded: summarize(samples.map((s) => s.domContentLoadedMs)),
      loadEventEnd: summarize(samples.map((s) => s.loadEventEndMs)),
    },
  };
}

/** The popup figures as a text table: median / p90 over every opening, then the first opening alone. */
export function formatPopup(p: PopupResult): string {
  const s = p.summary;
  const head = [
    'openings',
    'first render',
    'host heading',
    'heading frame',
    'FCP',
    'DOMContentLoaded',
    'load end',
  ];
  const summaries = [s.firstRender, s.heading, s.headingFrame, s.fcp, s.domContentLoaded, s.loadEventEnd];
  const rows = [head, [`all ${p.samples.length}`, ...summaries.map(medP90)]];
  const f = p.first;
  if (f) {
    const times = [
      f.firstRenderMs,
      f.headingMs,
      f.headingFrameMs,
      f.fcpMs,
      f.domContentLoadedMs,
      f.loadEventEndMs,
    ];
    rows.push(['first', ...times.map((t) => fmtMs(t))]);
  }
  const note = `  (median / p90; observer attached after the app had rendered: ${p.lateObservations})`;
  return `${textTable(rows)}\n${note}`;
}
