/**
 * The Chromium build's MV3 service worker stopped and restarted, as Chromium does to an idle one: everything lives in
 * storage.session and storage.local, so a restarted worker shows the same badge and popup. Also the clock: a probe
 * whose clock disagrees with this computer's turns Chromium's ERR_CERT_DATE_INVALID into "your clock is wrong".
 */
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { remainingText } from '../../core/badge';
import { DAY_MS, formatDate } from '../../core/format';
import { makeTestPki, servePkiBySni, type ScenarioName, type SniServer, type TestPki } from '../pki';
import { launchChromium, startProbe, type ChromiumSession, type RunningProbe } from './harness/chromium';
import {
  clickButton,
  closeTab,
  openControlPage,
  openPopup,
  openTab,
  poll,
  readBadge,
  readSession,
  readTabRecord,
  setSettings,
  settledTabRecord,
  waitForBadge,
  waitForCommit,
  waitForPopup,
  type BadgeState,
} from './harness/chromium-state';

const EXTENSION_DIR = join(import.meta.dirname, '../../.output/chrome-mv3');
/** The probe takes this long to resolve SLOW_HOST: time enough to stop the worker while it waits. */
const SLOW_MS = 4_000;
const SLOW_HOST = 'warn-90d.localhost';
/** The second probe's clock is this far ahead: to the extension, this computer's clock is 5 days behind. */
const PROBE_AHEAD_MS = 5 * DAY_MS;

let pki: TestPki;
let sni: SniServer;
let probe: RunningProbe;
let aheadProbe: RunningProbe;
let session: ChromiumSession;
let control: Page;

async function loopback(host: string): Promise<string[]> {
  if (host === SLOW_HOST) await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
  if (host.endsWith('.localhost')) return ['127.0.0.1'];
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
}

beforeAll(async () => {
  pki = await makeTestPki();
  sni = await servePkiBySni(pki);
  probe = await startProbe({ rootPem: pki.rootPem, resolve: loopback });
  aheadProbe = await startProbe({
    rootPem: pki.rootPem,
    resolve: loopback,
    now: () => Date.now() + PROBE_AHEAD_MS,
  });
  session = await launchChromium({ extensionDir: EXTENSION_DIR, trustRootPem: pki.rootPem });
  control = await openControlPage(session);
}, 60_000);

afterAll(async () => {
  await session?.close();
  await Promise.all([probe?.close(), aheadProbe?.close(), sni?.close()]);
});

const leaf = (name: ScenarioName) => pki.scenarios[name].leaf;
const daysLeft = (name: ScenarioName) => remainingText(leaf(name).notAfter.getTime() - Date.now());

const PROBE_OFF = 'The probe is off: set its address in the options';

/** A page whose badge and popup must survive a worker restart, with the probe or without it. */
interface RestartCase {
  title: string;
  name: ScenarioName;
  probe: boolean;
  badge: () => string;
  /** In the tooltip once everything (the probe's answer included) has arrived. */
  tooltip: string;
  headline: () => string;
  /** In the popup. */
  phrase: () => string;
  /** The first certificate of the chain the popup lists; null: none (no probe). */
  chainStart: string | null;
}

const RESTART_CASES: RestartCase[] = [
  {
    title: 'valid certificate, with the probe',
    name: 'valid-90d',
    probe: true,
    badge: () => daysLeft('valid-90d'),
    tooltip: 'certificate valid for',
    headline: () => `${daysLeft('valid-90d').replace('d', '')} days left`,
    phrase: () => '127.0.0.1 (your browser connected here) · OK',
    chainStart: 'valid-90d.localhost',
  },
  {
    title: 'expired certificate, with the probe',
    name: 'expired',
    probe: true,
    badge: () => 'EXP',
    tooltip: 'certificate expired 2 days ago',
    headline: () => 'Certificate expired',
    phrase: () => `expired 2 days ago, on ${formatDate(leaf('expired').notAfter.getTime())}`,
    chainStart: 'expired.localhost',
  },
  {
    title: 'self-signed certificate, with the probe',
    name: 'self-signed',
    probe: true,
    badge: () => '!',
    tooltip: 'certificate error (self-signed)',
    headline: () => 'Self-signed certificate',
    phrase: () => "'self-signed.localhost' issued it to itself",
    chainStart: 'self-signed.localhost',
  },
  {
    title: 'valid certificate, without the probe',
    name: 'valid-90d',
    probe: false,
    badge: () => '',
    tooltip: 'no certificate details for this page',
    headline: () => 'No certificate details',
    phrase: () => PROBE_OFF,
    chainStart: null,
  },
  {
    title: 'expired certificate, without the probe',
    name: 'expired',
    probe: false,
    badge: () => '!',
    tooltip: 'certificate error (expired, not yet valid, issuer expired, your clock is wrong)',
    headline: () => 'Certificate date problem (expired, not yet valid, or your clock)',
    phrase: () => 'Which of these it is: the browser reports them all as the same error.',
    chainStart: null,
  },
];

describe('the service worker stopped between navigation and popup', () => {
  test.each(RESTART_CASES)('$title', async (c) => {
    await setSettings(control, { probeUrl: c.probe ? probe.url : '', probeToken: '' });
    const url = sni.urlFor(c.name);
    const tabId = await openTab(control, url);
    try {
      const settled = (b: BadgeState) => b.text === c.badge() && b.title.includes(c.tooltip);
      const before = await waitForBadge(control, tabId, settled, 8_000);
      await waitForCommit(control, tabId, url);
      const record = await settledTabRecord(control, tabId);
      expect(record?.probe !== undefined).toBe(c.probe);

      await session.stopWorker();
      expect(session.workerRunning()).toBe(false);
      // The badge belongs to the browser, the record to storage.session: neither went with the worker.
      expect(await readBadge(control, tabId)).toEqual(before);
      expect(await readTabRecord(control, tabId)).toEqual(record);

      // The popup's question wakes a new worker, which answers from storage alone.
      const page = await openPopup(session, tabId);
      try {
        const popup = await waitForPopup(page, (p) => p.headline === c.headline());
        expect(session.workerRunning()).toBe(true);
        expect(popup.summary).toBe(before.title);
        expect(popup.text).toContain(c.phrase());
        expect(popup.chainNames[0] ?? null).toBe(c.chainStart);
      } finally {
        await page.close();
      }
    } finally {
      await closeTab(control, tabId);
    }
  });
});

test("after a restart, the probe's cached report serves a new tab without asking the probe again", async () => {
  await setSettings(control, { probeUrl: probe.url, probeToken: '' });
  const url = sni.urlFor('valid-90d');
  const cacheKey = `probe:valid-90d.localhost:${sni.port}`;
  // The earlier tabs left the report in storage.session; a new worker finds it there.
  expect(await readSession(control, cacheKey)).toMatchObject({ probeUrl: probe.url, result: { ok: true } });
  const asked = probe.inspections('valid-90d.localhost');
  expect(asked).toBeGreaterThan(0);
  await session.stopWorker();
  const tabId = await openTab(control, url);
  try {
    const badge = await waitForBadge(control, tabId, (b) => b.text === daysLeft('valid-90d'), 8_000);
    expect(badge.title).toContain('valid-90d.localhost: certificate valid for');
    expect(probe.inspections('valid-90d.localhost')).toBe(asked);
  } finally {
    await closeTab(control, tabId);
  }
});

test('a stopped worker is woken by the navigation itself and misses none of its events', async () => {
  await setSettings(control, { probeUrl: probe.url, probeToken: '' });
  await session.stopWorker();
  expect(session.workerRunning()).toBe(false);
  const url = sni.urlFor('expired-intermediate');
  const tabId = await openTab(control, url);
  try {
    const badge = await waitForBadge(control, tabId, (b) => b.text === 'EXP', 8_000);
    expect(badge.title).toContain(
      `CA certificate at depth 1 expired yesterday (${formatDate(pki.expiredIntermediate.notAfter.getTime())})`,
    );
    await waitForCommit(control, tabId, url);
    const page = await openPopup(session, tabId);
    try {
      const popup = await waitForPopup(page, (p) => p.chainNames.length === 3);
      expect(popup.text).toContain('net::ERR_CERT_DATE_INVALID');
      expect(popup.text).toContain('certglance Test Expired Intermediate');
    } finally {
      await page.close();
    }
  } finally {
    await closeTab(control, tabId);
  }
});

test('a worker stopped while the probe is still inspecting keeps what it stored; Re-check asks again', async () => {
  await setSettings(control, { probeUrl: probe.url, probeToken: '' });
  const url = sni.urlFor('warn-90d');
  const tabId = await openTab(control, url);
  try {
    await waitForCommit(control, tabId, url);
    // The response was recorded (server address, the local clock against its Date header); the probe is still busy.
    const record = await poll(
      () => readTabRecord(control, tabId),
      (r) => r?.serverIp === '127.0.0.1' && r.clock !== undefined,
      'the response to be recorded',
    );
    expect(record?.probe).toBeUndefined();
    await session.stopWorker();

    const page = await openPopup(session, tabId);
    try {
      const first = await waitForPopup(page, () => true);
      expect(first.host).toBe(SLOW_HOST);
      expect(first.clock).toEqual({
        wrong: false,
        text: expect.stringContaining("Your clock agrees with the server's"),
      });
      await clickButton(page, 'Re-check');
      const rechecked = await waitForPopup(page, (p) => p.chainNames.length === 3, SLOW_MS + 8_000);
      expect(rechecked.headline).toBe(`${daysLeft('warn-90d').replace('d', '')} days left`);
      expect(rechecked.levelLabel).toBe('Renew soon');
    } finally {
      await page.close();
    }
    expect(await readBadge(control, tabId)).toMatchObject({ text: daysLeft('warn-90d') });
  } finally {
    await closeTab(control, tabId);
  }
});

/**
 * To the extension, a probe 5 days ahead is this computer's clock 5 days behind. Only the probe's own clock moves: its
 * TLS verification (OpenSSL) keeps the machine's time, so its report still calls the certificate not valid yet; the
 * popup's verdict comes from the certificate's dates and the clock comparison.
 */
describe('a probe whose clock is 5 days ahead of this computer', () => {
  beforeAll(async () => {
    await setSettings(control, { probeUrl: aheadProbe.url, probeToken: '' });
  });

  test("ERR_CERT_DATE_INVALID on a certificate valid at the probe's time: the popup blames the local clock, with numbers", async () => {
    const url = sni.urlFor('not-yet-valid');
    const tabId = await openTab(control, url);
    try {
      await waitForBadge(control, tabId, (b) => b.text === '!', 8_000);
      await waitForCommit(control, tabId, url);
      const page = await openPopup(session, tabId);
      try {
        const popup = await waitForPopup(page, (p) => p.clock !== null);
        expect(popup.summary).toBe(
          "not-yet-valid.localhost: the certificate only looks invalid because this computer's clock is wrong.",
        );
        expect(popup.clock).toEqual({
          wrong: true,
          text: 'Your clock is 5 days behind (compared with the certglance probe).',
        });
        expect(popup.text).toContain(formatDate(leaf('not-yet-valid').notBefore.getTime()));
      } finally {
        await page.close();
      }
    } finally {
      await closeTab(control, tabId);
    }
  });
});
