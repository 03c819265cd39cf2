/**
 * `npm run bench`: the extension's cost in real Firefox ESR on loopback. Page-load time with and without the extension
 * (plus an A/A reference), time from navigation to badge, and popup time to first render. Figures, not assertions:
 * it prints a table and writes test/bench/last-run.json, and never fails on a number. See test/bench/README.md.
 * `npm run bench -- --quick` runs a few rounds of everything, to check the bench itself; `-- --build` rebuilds the
 * extension first (otherwise an existing .output/firefox-mv3 is used as it is).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  launchFirefox,
  navigateBidi,
  type FirefoxSession,
  type LaunchFirefoxOptions,
} from '../e2e/harness/firefox';
import { makeTestPki, serveHttp, servePkiBySni } from '../pki';
import { findTabId, formatBadge, navigateTab, runBadgeBench } from './badge-latency';
import {
  comparePageLoads,
  formatPageLoads,
  LISTENER_ONLY_ID,
  runPageLoads,
  SIDES,
  writeListenerOnlyExtension,
  type Side,
} from './page-load';
import { formatPopup, runPopupBench } from './popup-render';

const ROOT = join(import.meta.dirname, '../..');
const EXTENSION_DIR = join(ROOT, '.output/firefox-mv3');
const OUT_FILE = join(import.meta.dirname, 'last-run.json');
const QUICK = process.argv.includes('--quick');
const BUILD = process.argv.includes('--build');
const COUNTS = QUICK
  ? { https: 20, http: 6, warmup: 3, badge: 5, badgeWarmup: 1, popup: 5 }
  : { https: 200, http: 50, warmup: 10, badge: 50, badgeWarmup: 2, popup: 30 };
/** Same for every instance: full-resolution timers (Firefox rounds performance.now() to 1 ms by default). */
const BENCH_PREFS = { 'privacy.reduceTimerPrecision': false };
/** tsx keeps function names with a `__name` helper that functions sent to a page refer to: define it there. */
const NAME_SHIM = 'globalThis.__name ??= (fn) => fn';

const t0 = performance.now();
const log = (line: string) =>
  process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);

/** Builds the Firefox extension when .output/firefox-mv3 is missing, or always with --build. */
function ensureBuild(): void {
  if (!BUILD && existsSync(join(EXTENSION_DIR, 'manifest.json'))) return;
  log('building the Firefox extension…');
  const built = spawnSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the Firefox build failed');
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadBefore = loadavg()[0]!;
  ensureBuild();
  const pki = await makeTestPki();
  const sni = await servePkiBySni(pki);
  const http = await serveHttp();
  const sessions: Partial<Record<Side, FirefoxSession>> = {};
  const scratch = await mkdtemp(join(tmpdir(), 'certglance-bench-'));
  try {
    log('launching four Firefox instances: the extension, the listener-only reference, two without…');
    const listenerDir = await writeListenerOnlyExtension(join(scratch, 'listener-only'));
    const extensions: Record<Side, LaunchFirefoxOptions> = {
      with: { extensionDir: EXTENSION_DIR },
      listener: { extensionDir: listenerDir, geckoId: LISTENER_ONLY_ID },
      without: {},
      without2: {},
    };
    for (const side of SIDES) {
      sessions[side] = await launchFirefox({
        ...extensions[side],
        trustRootPem: pki.rootPem,
        prefs: BENCH_PREFS,
      });
    }
    const withExt = sessions.with!;
    const firefox = await withExt.browser.version();
    // Every instance gets a second window; the extension's holds the controller page that turns the probe off.
    const second = await Promise.all(SIDES.map((s) => sessions[s]!.browser.newPage({ type: 'window' })));
    const controller = second[0]!;
    const extensionBase = `moz-extension://${withExt.extensionUuid}/`;
    await navigateBidi(controller, `${extensionBase}options.html`);
    await controller.evaluate(NAME_SHIM);
    await controller.evaluate(() =>
      browser.storage.local.set({ settings: { probeUrl: '', probeToken: '' } }),
    );

    const validUrl = sni.urlFor('valid-90d');
    const pages = Object.fromEntries(SIDES.map((s) => [s, sessions[s]!.page])) as Record<
      Side,
      FirefoxSession['page']
    >;
    const loads = await runPageLoads({
      pages,
      urls: { https: validUrl, http: http.url },
      rounds: { https: COUNTS.https, http: COUNTS.http },
      warmup: COUNTS.warmup,
      pauseMs: 20,
      onRound: (kind, round, of) => {
        if (round % 50 === 0 || round === of) log(`page load ${kind}: round ${round}/${of}`);
      },
    });
    for (const side of SIDES) if (side !== 'with') await sessions[side]?.close();

    log('navigation to badge…');
    await withExt.page.goto(`${validUrl}?target`);
    const tabId = await findTabId(controller, `${validUrl}?target`);
    const badge = await runBadgeBench({
      controller,
      tabId,
      urls: { valid: validUrl, expired: sni.urlFor('expired') },
      navigations: COUNTS.badge,
      warmup: COUNTS.badgeWarmup,
      settleMs: 150,
      timeoutMs: 10_000,
    });

    log('popup first render…');
    await navigateTab(controller, tabId, `${validUrl}?popup`);
    const popup = await runPopupBench({
      controller,
      popupUrl: `${extensionBase}popup.html`,
      tabId,
      expectedHeading: pki.scenarios['valid-90d'].host,
      opens: COUNTS.popup,
      timeoutMs: 10_000,
    });

    const comparisons = comparePageLoads(loads.samples);
    const durationMs = performance.now() - t0;
    const environment = {
      firefox,
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? '',
      /** 1-minute load average before and after: other work on the machine inflates every figure. */
      loadAverage: { before: loadBefore, after: loadavg()[0]! },
    };
    const title = [
      `certglance bench${QUICK ? ' (quick)' : ''}: ${firefox}, Node ${environment.node}`,
      `${environment.cpus} CPUs (load average ${loadBefore.toFixed(1)} before, ${environment.loadAverage.after.toFixed(1)} after)`,
      `${startedAt.toISOString()}, run ${(durationMs / 1000).toFixed(0)} s`,
    ].join(', ');
    const n = (k: 'https' | 'http') => comparisons.find((c) => c.kind === k)?.summaries.with.n ?? 0;
    process.stdout.write(
      [
        title,
        '',
        `1. Page load on loopback, ms (N = ${n('https')} https, ${n('http')} http loads per instance, interleaved; the extension's probe is off)`,
        formatPageLoads(comparisons),
        ...(loads.failures.length
          ? [`  failed loads: ${loads.failures.length} (first: ${loads.failures[0]})`]
          : []),
        '',
        '2. Navigation to badge, ms from tabs.update (med / p90)',
        formatBadge(badge),
        '',
        '3. Popup popup.html?tabId=N, ms from its navigation start',
        formatPopup(popup),
        '',
      ].join('\n'),
    );
    const report = {
      startedAt: startedAt.toISOString(),
      durationMs,
      quick: QUICK,
      environment,
      counts: COUNTS,
      prefs: BENCH_PREFS,
      pageLoad: {
        comparisons,
        failures: loads.failures,
        samples: loads.samples,
        orders: loads.orders,
      },
      badge,
      popup,
    };
    writeFileSync(OUT_FILE, `${JSON.stringify(report, null, 2)}\n`);
    log(`figures written to ${OUT_FILE}`);
  } finally {
    for (const side of SIDES) await sessions[side]?.close();
    await sni.close();
    await http.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
