/**
 * Certificate failures in real Chromium: the test PKI's failing scenarios served by one real TLS server on loopback
 * (certificate chosen by SNI), a private HOME whose NSS database trusts the test root, and the real probe in this
 * process. Chromium reports only net::ERR_CERT_*: with the probe the popup says which failure it is, with numbers and
 * dates; without it, what is known and how to find out.
 */
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { formatDate } from '../../core/format';
import { makeTestPki, servePkiBySni, type ScenarioName, type SniServer, type TestPki } from '../pki';
import { launchChromium, startProbe, type ChromiumSession, type RunningProbe } from './harness/chromium';
import { expectSeen, loadAndRead, openControlPage, setSettings, type Seen } from './harness/chromium-state';

const EXTENSION_DIR = join(import.meta.dirname, '../../.output/chrome-mv3');

let pki: TestPki;
let sni: SniServer;
let probe: RunningProbe;
let session: ChromiumSession;
let control: Page;

beforeAll(async () => {
  pki = await makeTestPki();
  sni = await servePkiBySni(pki);
  probe = await startProbe({
    rootPem: pki.rootPem,
    resolve: async (host) => {
      if (host.endsWith('.localhost')) return ['127.0.0.1'];
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    },
  });
  session = await launchChromium({ extensionDir: EXTENSION_DIR, trustRootPem: pki.rootPem });
  control = await openControlPage(session);
}, 60_000);

afterAll(async () => {
  await session?.close();
  await Promise.all([probe?.close(), sni?.close()]);
});

const leaf = (name: ScenarioName) => pki.scenarios[name].leaf;
const host = (name: ScenarioName) => pki.scenarios[name].host;
const date = (d: Date) => formatDate(d.getTime());
/** The chain's names as the popup lists them, leaf first. */
const chainOf = (leafName: string, issuer = 'certglance Test Intermediate') => [
  leafName,
  issuer,
  'certglance Test Root',
];

const FAILED = 'Certificate error';
const PROBE_OFF = 'The probe is off: set its address in the options';
const NO_CERTIFICATE =
  'The page did not load, so your browser kept no certificate: without the probe the certificate is unknown.';
const PROBE_CHAIN =
  "The page did not load, so your browser kept no certificate: the chain shown is the probe's.";
const CLOCK_RIGHT = "Your computer's clock is not at fault";

/** ERR_CERT_DATE_INVALID without the probe: the browser's verdict at this computer's time, and what would tell. */
function dateFailure(name: ScenarioName): Seen {
  return {
    badge: '!',
    tooltip: [
      `${host(name)}: certificate error (expired, not yet valid, issuer expired, your clock is wrong).`,
    ],
    levelLabel: FAILED,
    headline: 'Certificate date problem (expired, not yet valid, or your clock)',
    popup: [
      `The browser judged the dates of the certificate for ${host(name)} invalid at this computer's time`,
      'Which of these it is: the browser reports them all as the same error.',
      `the certglance probe's report of ${host(name)} shows its dates`,
      "Check your computer's date and time first",
      'net::ERR_CERT_DATE_INVALID',
      PROBE_OFF,
      NO_CERTIFICATE,
    ],
    chain: [],
    clockWrong: null,
  };
}

/** ERR_CERT_AUTHORITY_INVALID without the probe: every cause it can mean, and what would tell them apart. */
function trustFailure(name: ScenarioName): Seen {
  return {
    badge: '!',
    tooltip: [
      `${host(name)}: certificate error (unknown issuer, self-signed, incomplete chain, untrusted root).`,
    ],
    levelLabel: FAILED,
    headline: 'Certificate not trusted (unknown issuer, self-signed, incomplete chain, or untrusted root)',
    popup: [
      'net::ERR_CERT_AUTHORITY_INVALID',
      `The chain the server sends: the certglance probe's report of ${host(name)} shows it, and tells these apart.`,
      PROBE_OFF,
      NO_CERTIFICATE,
    ],
    chain: [],
    clockWrong: null,
  };
}

/** One failing page, and what it shows with the probe and without it. */
interface FailureCase {
  name: ScenarioName;
  withProbe: () => Seen;
  withoutProbe: () => Seen;
}

const CASES: FailureCase[] = [
  {
    name: 'expired',
    withProbe: () => ({
      badge: 'EXP',
      tooltip: [`expired.localhost: certificate expired 2 days ago (${date(leaf('expired').notAfter)})`],
      levelLabel: FAILED,
      headline: 'Certificate expired',
      popup: [
        `expired 2 days ago, on ${date(leaf('expired').notAfter)}`,
        `It was valid from ${date(leaf('expired').notBefore)}`,
        CLOCK_RIGHT,
        'net::ERR_CERT_DATE_INVALID',
        PROBE_CHAIN,
      ],
      chain: chainOf('expired.localhost'),
      clockWrong: false,
    }),
    withoutProbe: () => dateFailure('expired'),
  },
  {
    name: 'not-yet-valid',
    withProbe: () => ({
      badge: '!',
      tooltip: ['not-yet-valid.localhost: certificate error (not yet valid).'],
      levelLabel: FAILED,
      headline: 'Certificate not valid yet',
      popup: [
        `is valid from ${date(leaf('not-yet-valid').notBefore)}; that is in 2 days`,
        CLOCK_RIGHT,
        'net::ERR_CERT_DATE_INVALID',
        PROBE_CHAIN,
      ],
      chain: chainOf('not-yet-valid.localhost'),
      clockWrong: false,
    }),
    withoutProbe: () => dateFailure('not-yet-valid'),
  },
  {
    name: 'expired-intermediate',
    withProbe: () => ({
      badge: 'EXP',
      tooltip: [
        `expired-intermediate.localhost: CA certificate at depth 1 expired yesterday (${date(pki.expiredIntermediate.notAfter)})`,
      ],
      levelLabel: FAILED,
      headline: 'Intermediate certificate expired',
      popup: [date(pki.expiredIntermediate.notAfter), CLOCK_RIGHT, 'net::ERR_CERT_DATE_INVALID', PROBE_CHAIN],
      chain: chainOf('expired-intermediate.localhost', 'certglance Test Expired Intermediate'),
      clockWrong: false,
    }),
    withoutProbe: () => dateFailure('expired-intermediate'),
  },
  {
    name: 'wrong-host',
    withProbe: () => ({
      badge: '!',
      tooltip: ['wrong-host.localhost: certificate error (hostname mismatch).'],
      levelLabel: FAILED,
      headline: 'Certificate does not cover this name',
      popup: [
        "The certificate the server sent for wrong-host.localhost covers: 'other-name.localhost'.",
        'net::ERR_CERT_COMMON_NAME_INVALID',
        PROBE_CHAIN,
      ],
      chain: chainOf('other-name.localhost'),
      clockWrong: false,
    }),
    withoutProbe: () => ({
      badge: '!',
      tooltip: ['wrong-host.localhost: certificate error (hostname mismatch).'],
      levelLabel: FAILED,
      headline: 'Certificate does not cover this name',
      popup: [
        'does not cover wrong-host.localhost',
        'net::ERR_CERT_COMMON_NAME_INVALID',
        PROBE_OFF,
        NO_CERTIFICATE,
      ],
      chain: [],
      clockWrong: null,
    }),
  },
  {
    name: 'self-signed',
    withProbe: () => ({
      badge: '!',
      tooltip: ['self-signed.localhost: certificate error (self-signed).'],
      levelLabel: FAILED,
      headline: 'Self-signed certificate',
      popup: [
        "'self-signed.localhost' issued it to itself",
        `It is valid from ${date(leaf('self-signed').notBefore)} until ${date(leaf('self-signed').notAfter)}`,
        'net::ERR_CERT_AUTHORITY_INVALID',
      ],
      chain: ['self-signed.localhost'],
      clockWrong: false,
    }),
    withoutProbe: () => trustFailure('self-signed'),
  },
  {
    name: 'unknown-issuer',
    withProbe: () => ({
      badge: '!',
      tooltip: ['unknown-issuer.localhost: certificate error (unknown issuer).'],
      levelLabel: FAILED,
      headline: 'Certificate issuer not known',
      popup: [
        "issued by 'CN=certglance Untrusted Root,O=certglance untrusted PKI'",
        'net::ERR_CERT_AUTHORITY_INVALID',
      ],
      chain: ['unknown-issuer.localhost', 'certglance Untrusted Intermediate'],
      clockWrong: false,
    }),
    withoutProbe: () => trustFailure('unknown-issuer'),
  },
];

describe('with the probe', () => {
  beforeAll(() => setSettings(control, { probeUrl: probe.url, probeToken: '' }));

  test.concurrent.each(CASES)('$name', async (c) => {
    const seen = c.withProbe();
    expectSeen(await loadAndRead(session, control, sni.urlFor(c.name), seen), seen);
  });
});

describe('without the probe', () => {
  beforeAll(() => setSettings(control, { probeUrl: '', probeToken: '' }));

  test.concurrent.each(CASES)('$name', async (c) => {
    const seen = c.withoutProbe();
    expectSeen(await loadAndRead(session, control, sni.urlFor(c.name), seen), seen);
  });
});
