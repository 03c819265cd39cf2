/**
 * End to end in real Firefox ESR: the built extension in a profile that trusts the test PKI's root, real TLS servers on
 * loopback, and the real probe started in-process. Every scenario is visited in a tab of its own mode (probe on, probe
 * off, a probe that answers nonsense, a probe that is down); the test reads the toolbar badge and the popup as a
 * person sees them. Settings change between modes without a reload.
 *
 * UPDATE_SCREENSHOT=1 also rewrites docs/popup.png, the README's picture of the popup.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LEVEL_COLORS } from '../../core/badge';
import { DAY_MS, formatDate, formatDay, HOUR_MS } from '../../core/format';
import { createApp, type ProbeApp } from '../../probe/app';
import { DEFAULT_CONFIG } from '../../probe/config';
import type { ResolvedAddress } from '../../probe/inspect/resolve';
import {
  framingHandler,
  makeTestPki,
  serveHttp,
  servePkiBySni,
  serveScenario,
  type HttpServer,
  type IssuedCert,
  type SniServer,
  type TestPki,
  type TestServer,
} from '../pki';
import {
  openPopup,
  setSettings,
  tabIdFor,
  waitForBadge,
  waitForPopup,
  type PopupText,
} from './harness/extension-state';
import { launchFirefox, navigateBidi, type FirefoxSession } from './harness/firefox';

const extensionDir = join(import.meta.dirname, '../../.output/firefox-mv3');
const SCREENSHOT = join(import.meta.dirname, '../../docs/popup.png');
/** The skewed server's Date header runs this far ahead of the true time. */
const DATE_SKEW_MS = 3 * HOUR_MS;

/** How the probe is set: the real one, off, one that answers nonsense, one that is down. */
type Mode = 'probe' | 'off' | 'garbage' | 'down';

let pki: TestPki;
let sni: SniServer;
let http: HttpServer;
/** valid-90d with a Date header 3 hours ahead. */
let skewed: TestServer;
/** self-signed, on a port whose warning the profile has clicked through (cert_override.txt). */
let overridden: TestServer;
let probe: ProbeApp;
let probeUrl: string;
/** What the real probe was asked. */
const probeAsked: string[] = [];
/** Answers 200 with JSON that is no InspectReport; records what it was asked. */
let garbage: Server;
let garbageUrl: string;
const garbageAsked: string[] = [];
/** A loopback port where nothing listens. */
let downUrl: string;
let session: FirefoxSession;
/** An extension page: reads badges, writes settings, shows the popup. */
let ui: Page;
/** The copy of the build that Firefox runs. */
let installedDir: string | undefined;

const listenUrl = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

/** Every *.localhost name resolves to 127.0.0.1, as browsers resolve them; nothing else resolves. */
const localhostResolver = async (host: string): Promise<ResolvedAddress[]> => {
  if (host === 'localhost' || host.endsWith('.localhost')) return [{ address: '127.0.0.1', family: 4 }];
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
};

/**
 * A private copy of the built extension. Firefox reads a temporary add-on's files from its directory as pages load, so a
 * rebuild during the run (new chunk names) would leave its pages blank; a copy whose pages name missing files was taken
 * mid-build and is taken again.
 */
async function copyOfBuild(dir: string): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    const copy = await mkdtemp(join(tmpdir(), 'certglance-ext-'));
    await cp(dir, copy, { recursive: true });
    const pages = await Promise.all(
      ['popup.html', 'options.html'].map((p) => readFile(join(copy, p), 'utf8')),
    );
    const named = pages.flatMap((html) => [...html.matchAll(/(?:src|href)="\/([^"]+)"/g)].map((m) => m[1]!));
    if (named.length > 0 && named.every((file) => existsSync(join(copy, file)))) return copy;
    await rm(copy, { recursive: true, force: true });
    if (attempt === 5) throw new Error(`${dir} keeps changing: is a build running?`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

/** cert_override.txt as Firefox writes it after "Accept the risk": host:port, SHA-256 OID, fingerprint. */
function certOverride(host: string, port: number, der: Uint8Array): string {
  const digest = createHash('sha256').update(der).digest();
  const fingerprint = Array.from(digest, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
  return [
    '# PSM Certificate Override Settings file',
    '# This is a generated file!  Do not edit.',
    `${host}:${port}:\tOID.2.16.840.1.101.3.4.2.1\t${fingerprint}\t`,
    '',
  ].join('\n');
}

beforeAll(async () => {
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error('run `npm run build` first');
  pki = await makeTestPki();
  [sni, http, skewed, overridden] = await Promise.all([
    servePkiBySni(pki),
    serveHttp(),
    serveScenario(pki.scenarios['valid-90d'], { dateSkewMs: DATE_SKEW_MS }),
    serveScenario(pki.scenarios['self-signed']),
  ]);
  probe = createApp(
    {
      ...DEFAULT_CONFIG,
      port: 0,
      extraCaPems: [pki.rootPem],
      timeouts: { deadlineMs: 3_000, connectMs: 2_000, handshakeMs: 2_000, httpMs: 1_000 },
      rateLimit: { perMinute: 0, burst: 1, maxClients: 100 },
      logLevel: 'silent',
    },
    { resolver: localhostResolver, processMetrics: false },
  );
  await probe.listen({ host: '127.0.0.1', port: 0 });
  probeUrl = `http://127.0.0.1:${(probe.server.address() as AddressInfo).port}`;
  probe.server.on('request', (req: { url?: string }) => probeAsked.push(req.url ?? ''));
  garbage = createServer((req, res) => {
    garbageAsked.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"target":"nonsense","addresses":42,"summary":null}');
  });
  garbageUrl = await listenUrl(garbage);
  const closed = createServer();
  downUrl = await listenUrl(closed);
  await new Promise((resolve) => closed.close(resolve));

  installedDir = await copyOfBuild(extensionDir);
  session = await launchFirefox({
    extensionDir: installedDir,
    trustRootPem: pki.rootPem,
    profileFiles: {
      'cert_override.txt': certOverride(
        pki.scenarios['self-signed'].host,
        overridden.port,
        pki.scenarios['self-signed'].leaf.der,
      ),
    },
  });
  ui = session.page;
  // Any extension page will do until a popup is opened; settings go in before any site is visited.
  await session.openExtensionPage('options.html');
  await setSettings(ui, { probeUrl: '', probeToken: '' });
}, 60_000);

afterAll(async () => {
  await session?.close();
  if (installedDir) await rm(installedDir, { recursive: true, force: true });
  await probe?.close();
  await Promise.all([
    sni?.close(),
    http?.close(),
    skewed?.close(),
    overridden?.close(),
    new Promise((resolve) => (garbage ? garbage.close(resolve) : resolve(undefined))),
  ]);
});

/** Whole days left on a certificate now, as the badge floors them. */
const daysLeft = (cert: IssuedCert): number => Math.floor((cert.notAfter.getTime() - Date.now()) / DAY_MS);

/** Loads `url` in `page`; a certificate failure rejects the navigation, and that is what some scenarios are. */
async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: 10_000 }).catch(() => undefined);
}

/** One scenario: what is visited, and what the badge and the popup must show in each probe mode. */
interface Scenario {
  name: string;
  url(): string;
  host(): string;
  /** The badge: text, colour and tooltip. */
  badge(mode: Mode): { text: string; color: string; title: string };
  /** The level word next to the host. */
  level: string;
  /** The figure at a glance. */
  headline(mode: Mode): string;
  /** The explanations' titles, in order. */
  explanations(mode: Mode): string[];
  /** What else the popup's visible text says: days left, dates, the error code, where the data came from. */
  facts(mode: Mode): string[];
  /** The clock notice at a glance (text or matcher), and whether it says this computer's clock is wrong. */
  clock(mode: Mode): { text: unknown; wrong: boolean } | null;
  /** The chain shown, leaf first ([] when the page did not load and no probe showed it). */
  chain(mode: Mode): string[];
  /** With the probe on: its verdict for the one address, and whether it saw the browser's certificate. */
  probe: { status: string; sameAsBrowser: boolean } | null;
}

/** The clock notice when the server's Date header agrees with this computer's clock (to within the round trip). */
const AGREES_WITH_SERVER = {
  text: expect.stringMatching(
    /^Your clock agrees with the server's to within \d+ seconds? \(compared with the server's HTTP Date header\)\.$/,
  ),
  wrong: false,
};
/** The clock notice when a fresh probe answer agrees with this computer's clock. */
const AGREES_WITH_PROBE = {
  text: expect.stringMatching(
    /^Your clock agrees with the probe's to within \d+ seconds? \(compared with the certglance probe\)\.$/,
  ),
  wrong: false,
};
const INTERMEDIATE = 'certglance Test Intermediate';
const ROOT = 'certglance Test Root';
const HOSTILE_CN = '<img src=x onerror=alert(1)>';

const leafOf = (name: keyof TestPki['scenarios']): IssuedCert => pki.scenarios[name].leaf;
const at = (cert: IssuedCert, end: 'notBefore' | 'notAfter' = 'notAfter'): string =>
  formatDate(cert[end].getTime());

/** A certificate that is fine: days left on a green badge, whatever its lifetime. */
function valid(
  name: string,
  scenario: 'valid-398d' | 'valid-6d' | 'valid-90d' | 'hostile',
  options: { url?: () => string; leafName?: string; serverClockAhead?: boolean } = {},
): Scenario {
  const leaf = () => leafOf(scenario);
  const host = () => pki.scenarios[scenario].host;
  const skewed = options.serverClockAhead === true;
  return {
    name,
    url: options.url ?? (() => sni.urlFor(scenario)),
    host,
    badge: () => ({
      text: `${daysLeft(leaf())}d`,
      color: LEVEL_COLORS.ok,
      title: `${host()}: certificate valid for ${daysLeft(leaf())} more days (until ${formatDay(leaf().notAfter.getTime())}).`,
    }),
    level: 'Valid',
    headline: () => `${daysLeft(leaf())} days left`,
    // A server clock 3 hours off: alone, the Date header cannot tell which clock is wrong; the probe puts it on the server.
    explanations: (mode) => (skewed && mode === 'probe' ? ["The server's clock is wrong"] : []),
    facts: (mode) => [
      `Earliest to expire: ${options.leafName ?? host()} (server certificate) expires in ${daysLeft(leaf())} days, on ${at(leaf())}.`,
      ...(skewed && mode === 'probe'
        ? ['The clock of the server for valid-90d.localhost is 3 hours ahead']
        : []),
    ],
    clock: (mode) =>
      skewed
        ? {
            text:
              "Your clock is 3 hours behind (compared with the server's HTTP Date header)." +
              (mode === 'probe'
                ? " The probe's own connection shows the server's clock is the wrong one."
                : ' One of the two clocks is wrong: the certglance probe, or checking this computer against a time ' +
                  'source, would tell which.'),
            wrong: false,
          }
        : AGREES_WITH_SERVER,
    chain: () => [options.leafName ?? host(), INTERMEDIATE, ROOT],
    probe: { status: 'OK', sameAsBrowser: true },
  };
}

/** A load that fails on its certificate: EXP or ! in red; the explanation; the chain only from the probe. */
function failing(
  name: string,
  scenario:
    'expired' | 'not-yet-valid' | 'expired-intermediate' | 'wrong-host' | 'self-signed' | 'unknown-issuer',
  spec: {
    text: 'EXP' | '!';
    /** The browser's error in the tooltip. */
    errorWords: string;
    /** The tooltip once the probe showed the chain, when it says more than the error. */
    withProbe?: () => string;
    headline: string;
    /** The headline once the probe narrowed an ambiguous error. */
    narrowed?: string;
    /** The Firefox error code the explanation quotes. */
    errorCode: string;
    /** What the popup says once the probe showed the chain: dates and names. */
    facts: () => string[];
    chain: () => string[];
    probeStatus: string;
  },
): Scenario {
  const host = () => pki.scenarios[scenario].host;
  const headline = (mode: Mode) => (mode === 'probe' ? (spec.narrowed ?? spec.headline) : spec.headline);
  return {
    name,
    url: () => sni.urlFor(scenario),
    host,
    badge: (mode) => ({
      text: spec.text,
      color: LEVEL_COLORS.failure,
      title:
        mode === 'probe' && spec.withProbe
          ? spec.withProbe()
          : `${host()}: certificate error (${spec.errorWords}).`,
    }),
    level: 'Certificate error',
    headline,
    explanations: (mode) => [headline(mode)],
    facts: (mode) => [
      `The error reported: "Error code ${spec.errorCode}".`,
      ...(mode === 'probe'
        ? [
            "The page did not load, so your browser kept no certificate: the chain shown is the probe's.",
            ...spec.facts(),
          ]
        : [
            'The page did not load, so your browser kept no certificate: without the probe the certificate is unknown.',
          ]),
    ],
    // A failed load has no Date header: only a fresh probe answer gives a clock to compare with.
    clock: (mode) => (mode === 'probe' ? AGREES_WITH_PROBE : null),
    chain: (mode) => (mode === 'probe' ? spec.chain() : []),
    probe: { status: spec.probeStatus, sameAsBrowser: false },
  };
}

const SCENARIOS: Scenario[] = [
  valid('valid: a 398-day certificate', 'valid-398d'),
  valid('valid: a 6-day certificate with 3 days left, fine for its lifetime', 'valid-6d'),
  failing('expired', 'expired', {
    text: 'EXP',
    errorWords: 'expired',
    withProbe: () => `expired.localhost: certificate expired 2 days ago (${at(leafOf('expired'))}).`,
    headline: 'Certificate expired',
    errorCode: '2153390069',
    facts: () => [`The certificate for expired.localhost expired 2 days ago, on ${at(leafOf('expired'))}.`],
    chain: () => ['expired.localhost', INTERMEDIATE, ROOT],
    probeStatus: 'Fails: expired',
  }),
  failing('not yet valid', 'not-yet-valid', {
    text: '!',
    errorWords: 'not yet valid',
    headline: 'Certificate not valid yet',
    errorCode: '2153398267',
    facts: () => [
      `The certificate for not-yet-valid.localhost is valid from ${at(leafOf('not-yet-valid'), 'notBefore')}; that is in 2 days.`,
    ],
    chain: () => ['not-yet-valid.localhost', INTERMEDIATE, ROOT],
    probeStatus: 'Fails: not yet valid',
  }),
  failing('expired intermediate', 'expired-intermediate', {
    text: 'EXP',
    errorWords: 'issuer expired',
    withProbe: () =>
      `expired-intermediate.localhost: CA certificate at depth 1 expired yesterday (${at(pki.expiredIntermediate)}).`,
    headline: 'Intermediate certificate expired',
    errorCode: '2153390050',
    facts: () => [
      `The intermediate 'certglance Test Expired Intermediate' expired yesterday, on ${at(pki.expiredIntermediate)}.`,
      `The certificate for expired-intermediate.localhost itself is valid until ${at(leafOf('expired-intermediate'))}.`,
    ],
    chain: () => ['expired-intermediate.localhost', 'certglance Test Expired Intermediate', ROOT],
    probeStatus: 'Fails: an expired intermediate',
  }),
  failing('wrong host', 'wrong-host', {
    text: '!',
    errorWords: 'hostname mismatch',
    headline: 'Certificate does not cover this name',
    errorCode: '2153394164',
    facts: () => [
      "The certificate the server sent for wrong-host.localhost covers: 'other-name.localhost'.",
      `expires in ${daysLeft(leafOf('wrong-host'))} days, on ${at(leafOf('wrong-host'))}`,
    ],
    chain: () => ['other-name.localhost', INTERMEDIATE, ROOT],
    probeStatus: 'Fails: a name mismatch',
  }),
  failing('self-signed', 'self-signed', {
    text: '!',
    errorWords: 'self-signed',
    headline: 'Self-signed certificate',
    errorCode: '2153398258',
    facts: () => [
      `It is valid from ${at(leafOf('self-signed'), 'notBefore')} until ${at(leafOf('self-signed'))}.`,
    ],
    chain: () => ['self-signed.localhost'],
    probeStatus: 'Fails: self-signed',
  }),
  failing('unknown issuer', 'unknown-issuer', {
    text: '!',
    errorWords: 'unknown issuer, incomplete chain',
    withProbe: () => 'unknown-issuer.localhost: certificate error (unknown issuer).',
    headline: 'Certificate not trusted (unknown issuer or incomplete chain)',
    narrowed: 'Certificate issuer not known',
    errorCode: '2153390067',
    facts: () => ["The chain for unknown-issuer.localhost ends at 'certglance Untrusted Intermediate'"],
    chain: () => ['unknown-issuer.localhost', 'certglance Untrusted Intermediate'],
    probeStatus: 'Fails: unknown issuer',
  }),
  valid('a server whose Date is 3 hours ahead: the clocks are compared', 'valid-90d', {
    url: () => skewed.url,
    serverClockAhead: true,
  }),
  {
    name: 'a self-signed certificate whose warning was clicked through: never shown as fine',
    url: () => overridden.url,
    host: () => 'self-signed.localhost',
    badge: () => ({
      text: '!',
      color: LEVEL_COLORS.failure,
      title: 'self-signed.localhost: certificate error (self-signed).',
    }),
    level: 'Certificate error',
    headline: () => 'Self-signed certificate',
    explanations: () => ['Self-signed certificate'],
    facts: () => [
      'You clicked through the certificate warning for self-signed.localhost: the page is shown, but the site is still failing.',
      `Earliest to expire: self-signed.localhost (server certificate) expires in ${daysLeft(leafOf('self-signed'))} days, on ${at(leafOf('self-signed'))}.`,
      "After a certificate warning is clicked through, the browser keeps only the server's certificate",
    ],
    clock: () => AGREES_WITH_SERVER,
    chain: () => ['self-signed.localhost'],
    probe: { status: 'Fails: self-signed', sameAsBrowser: true },
  },
  {
    name: 'plain http: an empty grey badge, no probe',
    url: () => http.url,
    host: () => '127.0.0.1',
    badge: () => ({ text: '', color: LEVEL_COLORS.none, title: 'This page is not served over HTTPS.' }),
    level: 'Not HTTPS',
    headline: () => 'Not HTTPS',
    explanations: () => [],
    facts: () => ['This page is not served over HTTPS.'],
    clock: () => null,
    chain: () => [],
    probe: null,
  },
  valid('a hostile certificate subject (HTML) shows as text', 'hostile', { leafName: HOSTILE_CN }),
];

const scenario = (prefix: string): Scenario => SCENARIOS.find((s) => s.name.startsWith(prefix))!;

/** What the probe section says in each mode (with the probe on: how its answer begins). */
const PROBE_SECTION: Record<Mode, () => string> = {
  probe: () => 'The probe checked 1 address',
  off: () =>
    'The probe is off: set its address in the options to compare with a second view from outside this browser.',
  garbage: () =>
    'The probe answered something certglance cannot read (not a certglance probe, or another version). ' +
    `(The probe at ${garbageUrl} sent a report in an unexpected shape.) The popup shows what your browser saw.`,
  down: () =>
    'The probe could not be reached: is it running, and is its address right in the options? ' +
    `(The probe at ${downUrl} could not be reached.) The popup shows what your browser saw.`,
};

/** The popup shows its final view: the scenario's host and headline, and the probe's part settled for the mode. */
function settled(popup: PopupText, s: Scenario, mode: Mode): boolean {
  if (popup.host !== s.host() || popup.headline !== s.headline(mode)) return false;
  if (s.probe === null) return popup.probe === null;
  return (popup.probe ?? '').includes(mode === 'probe' ? 'Probed ' : PROBE_SECTION[mode]());
}

interface SiteTab {
  site: Page;
  tabId: number;
}

/** A fresh tab for one mode's visits, so that no record of another mode is in it. */
async function freshTab(mode: Mode): Promise<SiteTab> {
  const site = await session.browser.newPage();
  const marker = `${http.url}?tab=${mode}`;
  await visit(site, marker);
  return { site, tabId: await tabIdFor(ui, marker) };
}

/** Visits the scenario in the mode's tab; checks what the popup and the badge show. */
async function visitAndCheck(mode: Mode, tab: SiteTab, s: Scenario): Promise<PopupText> {
  await visit(tab.site, s.url());
  await openPopup(ui, session.extensionUuid!, tab.tabId);
  const popup = await waitForPopup(ui, (p) => settled(p, s, mode));
  expect(popup.levelLabel).toBe(s.level);
  expect(popup.explanationTitles).toEqual(s.explanations(mode));
  for (const fact of s.facts(mode)) expect(popup.text).toContain(fact);
  expect(popup.clock).toEqual(s.clock(mode));
  expect(popup.chainNames).toEqual(s.chain(mode));
  if (s.probe === null) {
    expect(popup.probe).toBeNull();
  } else if (mode === 'probe') {
    const where = s.probe.sameAsBrowser ? '127.0.0.1 (your browser connected here)' : '127.0.0.1';
    expect(popup.probe).toContain(`${where} · ${s.probe.status}`);
    expect(popup.probe!.includes('Same certificate as your browser')).toBe(s.probe.sameAsBrowser);
  } else {
    expect(popup.probe).toContain(PROBE_SECTION[mode]());
  }
  expect(popup.markupCount).toEqual({ img: 0, b: 0 });

  const expected = s.badge(mode);
  const badge = await waitForBadge(
    ui,
    tab.tabId,
    (b) => b.text === expected.text && b.title === expected.title,
  );
  expect(badge).toEqual(expected);
  return popup;
}

describe('Firefox ESR with the probe', () => {
  let tab: SiteTab;
  beforeAll(async () => {
    await setSettings(ui, { probeUrl, probeToken: '' });
    tab = await freshTab('probe');
  });
  afterAll(() => tab?.site.close());

  test.each(SCENARIOS)('$name', async (s) => {
    await visitAndCheck('probe', tab, s);
  });

  test('a hostile subject stays text everywhere, details included', async () => {
    const s = scenario('a hostile');
    const popup = await visitAndCheck('probe', tab, s);
    expect(popup.glance.join('\n')).toContain(HOSTILE_CN);
    // The subject as RFC 4514 writes it (angle brackets escaped), shown in the certificate's details.
    expect(popup.allText).toContain('CN=\\<img src=x onerror=alert(1)\\>,O=\\<b\\>bold\\</b\\>');
  });

  test('the README screenshot: the popup of an expired certificate (UPDATE_SCREENSHOT=1 rewrites docs/popup.png)', async () => {
    await visit(tab.site, sni.urlFor('expired'));
    const shot = await session.browser.newPage();
    try {
      await shot.setViewport({ width: 420, height: 900 });
      await navigateBidi(shot, `moz-extension://${session.extensionUuid}/popup.html?tabId=${tab.tabId}`);
      const popup = await waitForPopup(shot, (p) => settled(p, scenario('expired'), 'probe'));
      expect(popup.headline).toBe('Certificate expired');
      const box = await (await shot.$('.glance .headline'))!.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(420);
      expect(box!.y + box!.height).toBeLessThanOrEqual(900);
      if (process.env.UPDATE_SCREENSHOT === '1') {
        await shot.screenshot({ path: SCREENSHOT });
        const png = await readFile(SCREENSHOT);
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        expect(png.readUInt32BE(16)).toBe(420);
      }
    } finally {
      await shot.close();
    }
  });
});

describe('Firefox ESR without the probe', () => {
  let tab: SiteTab;
  let asked: number;
  beforeAll(async () => {
    await setSettings(ui, { probeUrl: '', probeToken: '' });
    tab = await freshTab('off');
    asked = probeAsked.length + garbageAsked.length;
  });
  afterAll(() => tab?.site.close());

  test.each(SCENARIOS)('$name', async (s) => {
    await visitAndCheck('off', tab, s);
  });

  test('no probe is asked anything while it is off', () => {
    expect(probeAsked.length + garbageAsked.length).toBe(asked);
  });
});

describe('Firefox ESR with a probe that answers nonsense', () => {
  let tab: SiteTab;
  beforeAll(async () => {
    await setSettings(ui, { probeUrl: garbageUrl, probeToken: '' });
    tab = await freshTab('garbage');
  });
  afterAll(() => tab?.site.close());

  test.each(SCENARIOS)('$name', async (s) => {
    await visitAndCheck('garbage', tab, s);
  });

  test('it was asked about every https site, never about the plain http one', () => {
    const hosts = new Set(garbageAsked.map((url) => new URL(url, garbageUrl).searchParams.get('host')));
    for (const s of SCENARIOS.filter((x) => x.probe !== null)) expect(hosts).toContain(s.host());
    expect(hosts).not.toContain('127.0.0.1');
    expect(garbageAsked.every((url) => url.startsWith('/v1/inspect?'))).toBe(true);
  });
});

describe('Firefox ESR with a probe that is down', () => {
  let tab: SiteTab;
  beforeAll(async () => {
    await setSettings(ui, { probeUrl: downUrl, probeToken: '' });
    tab = await freshTab('down');
  });
  afterAll(() => tab?.site.close());

  test.each([scenario('valid: a 398'), scenario('expired')])('$name', async (s) => {
    await visitAndCheck('down', tab, s);
  });
});

describe('Firefox ESR: frames from other sites', () => {
  let framed: SniServer;
  let tab: SiteTab;
  const frameHosts = ['valid-398d', 'critical-90d', 'expired'] as const;
  beforeAll(async () => {
    framed = await servePkiBySni(pki, { handler: framingHandler(frameHosts.map((n) => `${n}.localhost`)) });
    await setSettings(ui, { probeUrl: '', probeToken: '' });
    tab = await freshTab('off');
  });
  afterAll(async () => {
    await tab?.site.close();
    await framed?.close();
  });

  /** The frames section of the open popup: each frame's host and its whole text. */
  const framesShown = () =>
    ui.evaluate(() =>
      Array.from(document.querySelectorAll('section[aria-labelledby="frames-title"] li'), (li) => ({
        host: li.querySelector('.frame-host')?.textContent ?? '',
        text: (li as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
      })),
    );

  test('the page keeps its own badge; the popup lists the frames, the failing one first, each in words', async () => {
    const page = pki.scenarios['valid-90d'];
    await visit(tab.site, `https://${page.host}:${framed.port}/framed`);
    const badge = await waitForBadge(ui, tab.tabId, (b) => b.text === `${daysLeft(page.leaf)}d`);
    expect(badge.color).toBe(LEVEL_COLORS.ok);
    await openPopup(ui, session.extensionUuid!, tab.tabId);
    await waitForPopup(ui, (p) => p.host === page.host);
    let frames: Awaited<ReturnType<typeof framesShown>> = [];
    for (let i = 0; i < 100 && frames.length < frameHosts.length; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      frames = await framesShown();
    }
    const critical = leafOf('critical-90d');
    const valid398 = leafOf('valid-398d');
    expect(frames).toEqual([
      {
        host: 'expired.localhost',
        text: 'expired.localhost ✕ Certificate error expired.localhost: certificate error (expired).',
      },
      {
        host: 'critical-90d.localhost',
        text:
          `critical-90d.localhost !! Renew now critical-90d.localhost: certificate valid for ${daysLeft(critical)} more ` +
          `day${daysLeft(critical) === 1 ? '' : 's'} (until ${formatDay(critical.notAfter.getTime())}); renew now.`,
      },
      {
        host: 'valid-398d.localhost',
        text:
          `valid-398d.localhost ✓ Valid valid-398d.localhost: certificate valid for ${daysLeft(valid398)} more days ` +
          `(until ${formatDay(valid398.notAfter.getTime())}).`,
      },
    ]);
  });
});
