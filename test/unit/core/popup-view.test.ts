import { beforeAll, describe, expect, test } from 'vitest';
import type { BadgeLevel } from '../../../core/badge';
import type { Cause } from '../../../core/causes';
import { parseCertificate } from '../../../core/certificate';
import { DAY_MS, formatDate, formatDay } from '../../../core/format';
import { buildPopupView, type PopupView, type PopupViewInput } from '../../../core/popup-view';
import { buildCases, type CaseName } from '../../components/fixtures/cases';
import { observationOf, tabRecord } from '../../components/fixtures/records';
import { issue, makeTestPki, type TestPki } from '../../pki';

let pki: TestPki;
let cases: Record<CaseName, PopupViewInput>;
const view = (name: CaseName): PopupView => buildPopupView(cases[name]);

beforeAll(async () => {
  pki = await makeTestPki();
  cases = await buildCases(pki);
}, 60_000);

interface Expected {
  kind: PopupView['kind'];
  level: BadgeLevel;
  /** Causes of the explanations, in order (null: an ambiguous one). */
  causes: (Cause | null)[];
  chainSource: PopupView['chainSource'];
  probe: PopupView['probe']['status'];
}

const ROWS: [CaseName, Expected][] = [
  ['valid', { kind: 'secure', level: 'ok', causes: [], chainSource: 'browser', probe: 'answered' }],
  ['renewal-due', { kind: 'secure', level: 'renewal_due', causes: [], chainSource: 'browser', probe: 'off' }],
  ['warn', { kind: 'secure', level: 'warn', causes: [], chainSource: 'browser', probe: 'off' }],
  ['critical', { kind: 'secure', level: 'critical', causes: [], chainSource: 'browser', probe: 'off' }],
  [
    'expired',
    { kind: 'failure', level: 'failure', causes: ['expired'], chainSource: 'probe', probe: 'answered' },
  ],
  [
    'not-yet-valid',
    { kind: 'failure', level: 'failure', causes: ['not_yet_valid'], chainSource: 'probe', probe: 'answered' },
  ],
  [
    'expired-intermediate',
    {
      kind: 'failure',
      level: 'failure',
      causes: ['issuer_expired'],
      chainSource: 'probe',
      probe: 'answered',
    },
  ],
  [
    'wrong-host',
    {
      kind: 'failure',
      level: 'failure',
      causes: ['hostname_mismatch'],
      chainSource: 'probe',
      probe: 'answered',
    },
  ],
  [
    'self-signed',
    { kind: 'failure', level: 'failure', causes: ['self_signed'], chainSource: 'probe', probe: 'answered' },
  ],
  [
    'unknown-issuer',
    {
      kind: 'failure',
      level: 'failure',
      causes: ['unknown_issuer'],
      chainSource: 'probe',
      probe: 'answered',
    },
  ],
  [
    'override-expired',
    { kind: 'failure', level: 'failure', causes: ['expired'], chainSource: 'browser', probe: 'off' },
  ],
  [
    'override-self-signed',
    { kind: 'failure', level: 'failure', causes: ['self_signed'], chainSource: 'browser', probe: 'off' },
  ],
  [
    'override-wrong-host',
    {
      kind: 'failure',
      level: 'failure',
      causes: ['hostname_mismatch'],
      chainSource: 'browser',
      probe: 'off',
    },
  ],
  [
    'clock-wrong-failure',
    {
      kind: 'failure',
      level: 'failure',
      causes: ['local_clock_wrong'],
      chainSource: 'probe',
      probe: 'answered',
    },
  ],
  [
    'clock-wrong-secure',
    { kind: 'secure', level: 'ok', causes: ['local_clock_wrong'], chainSource: 'browser', probe: 'waiting' },
  ],
  [
    'clock-differs-secure',
    { kind: 'secure', level: 'ok', causes: [], chainSource: 'browser', probe: 'waiting' },
  ],
  [
    'disagreeing-backends',
    {
      kind: 'secure',
      level: 'ok',
      causes: ['inconsistent_backends'],
      chainSource: 'browser',
      probe: 'answered',
    },
  ],
  [
    'interception',
    {
      kind: 'secure',
      level: 'ok',
      causes: ['interception_suspected'],
      chainSource: 'browser',
      probe: 'answered',
    },
  ],
  ['probe-down', { kind: 'secure', level: 'ok', causes: [], chainSource: 'browser', probe: 'failed' }],
  ['probe-nonsense', { kind: 'secure', level: 'ok', causes: [], chainSource: 'browser', probe: 'failed' }],
  ['probe-off', { kind: 'secure', level: 'ok', causes: [], chainSource: 'browser', probe: 'off' }],
  ['probe-waiting', { kind: 'secure', level: 'ok', causes: [], chainSource: 'browser', probe: 'waiting' }],
  ['chromium-secure', { kind: 'secure', level: 'ok', causes: [], chainSource: 'probe', probe: 'answered' }],
  [
    'chromium-date-invalid',
    { kind: 'failure', level: 'failure', causes: ['expired'], chainSource: 'probe', probe: 'answered' },
  ],
  ['cached-page', { kind: 'secure', level: 'ok', causes: [], chainSource: 'browser', probe: 'off' }],
  ['hostile', { kind: 'secure', level: 'ok', causes: [], chainSource: 'browser', probe: 'off' }],
  ['http', { kind: 'http', level: 'none', causes: [], chainSource: null, probe: 'not-applicable' }],
  ['no-record', { kind: 'no-record', level: 'unknown', causes: [], chainSource: null, probe: 'waiting' }],
  [
    'not-a-web-page',
    { kind: 'no-record', level: 'none', causes: [], chainSource: null, probe: 'not-applicable' },
  ],
  ['unknown', { kind: 'unknown', level: 'unknown', causes: [], chainSource: null, probe: 'off' }],
  ['other-origin', { kind: 'no-record', level: 'unknown', causes: [], chainSource: null, probe: 'waiting' }],
];

describe('buildPopupView', () => {
  test.each(ROWS)('%s: kind, level, explanations, chain source and probe state', (name, expected) => {
    const v = view(name);
    expect({
      kind: v.kind,
      level: v.level,
      causes: v.explanations.map((e) => e.cause),
      chainSource: v.chainSource,
      probe: v.probe.status,
    }).toEqual(expected);
    expect(v.levelLabel).not.toBe('');
    expect(v.headline).not.toBe('');
  });

  test.each([
    ['valid', 'valid-398d'],
    ['renewal-due', 'valid-47d'],
    ['warn', 'warn-90d'],
    ['critical', 'critical-90d'],
  ] as const)('%s: the headline is the whole days the leaf has left', (name, scenario) => {
    const days = Math.floor((pki.scenarios[scenario].leaf.notAfter.getTime() - pki.now) / DAY_MS);
    expect(view(name).headline).toBe(`${days} days left`);
    expect(view(name).earliest).toMatchObject({ depth: 0, daysLeft: days });
  });

  test.each([
    ['expired', 'expired', /expired 2 days ago/],
    ['not-yet-valid', 'not-yet-valid', /is valid from .*; that is in \d days/],
    ['wrong-host', 'wrong-host', /covers: 'other-name\.localhost'/],
    ['self-signed', 'self-signed', /self-signed/],
    ['override-expired', 'expired', /You clicked through the certificate warning/],
  ] as const)('%s: the explanation says what happened, with dates or names', (name, scenario, pattern) => {
    const happened = view(name).explanations[0]!.happened.join(' ');
    expect(happened).toMatch(pattern);
    const leaf = pki.scenarios[scenario].leaf;
    if (name === 'expired') expect(happened).toContain(formatDate(leaf.notAfter.getTime()));
    if (name === 'not-yet-valid') expect(happened).toContain(formatDate(leaf.notBefore.getTime()));
  });

  test('an expired intermediate is the earliest-expiring certificate, at depth 1', () => {
    const v = view('expired-intermediate');
    expect(v.earliest).toMatchObject({ depth: 1, level: 'expired', roleLabel: 'Intermediate' });
    expect(v.earliest!.notAfterText).toBe(formatDate(pki.expiredIntermediate.notAfter.getTime()));
    expect(v.chain.map((c) => c.level)).toEqual(['ok', 'expired', 'ok']);
  });

  test('the chain carries SANs, fingerprints, key and a timeline position for each certificate', () => {
    const s = pki.scenarios['valid-90d'];
    const v = view('chromium-secure');
    const parsed = parseCertificate(s.leaf.der);
    if (!parsed.ok) throw new Error('leaf does not parse');
    expect(v.chain[0]).toMatchObject({
      role: 'leaf',
      sans: ['DNS: valid-90d.localhost'],
      fingerprintSha256: parsed.value.fingerprintSha256,
      spkiSha256: parsed.value.spkiSha256,
      key: 'EC P-256',
      position: 'during',
    });
    expect(v.chain[0]!.elapsed).toBeCloseTo(30 / 90, 3);
    expect(v.chain.map((c) => c.role)).toEqual(['leaf', 'intermediate', 'root']);
  });

  test.each([
    ['not-yet-valid', 'before', 0],
    ['expired', 'after', 1],
  ] as const)('%s: the timeline puts today %s the validity period', (name, position, elapsed) => {
    expect(view(name).chain[0]).toMatchObject({ position, elapsed });
  });

  test('backends that disagree: each address says what it serves and whether the browser got the same', () => {
    const { probe } = view('disagreeing-backends');
    expect(probe.verdict).toBe('inconsistent_backends');
    expect(probe.addresses.map((a) => [a.ip, a.ok, a.agrees, a.browserAddress])).toEqual([
      ['127.0.0.1', true, true, true],
      ['127.0.0.2', false, false, false],
    ]);
    expect(probe.addresses[1]!.status).toBe('Fails: expired');
    expect(probe.addresses[1]!.notAfterText).toBe(formatDate(pki.scenarios.expired.leaf.notAfter.getTime()));
  });

  test.each([
    ['probe-down', 'PROBE_UNREACHABLE', /could not be reached/],
    ['probe-nonsense', 'PROBE_BAD_ANSWER', /cannot read/],
  ] as const)('%s: the popup says so and keeps the browser data', (name, code, pattern) => {
    const v = view(name);
    expect(v.probe.errorCode).toBe(code);
    expect(v.probe.message).toMatch(pattern);
    expect(v.provenance.missing.join(' ')).toMatch(/No second view from outside this browser/);
    expect(v.chain).toHaveLength(3);
    expect(v.connection?.source).toBe('browser');
  });

  test('Chromium: no browser chain, so the chain and connection are the probe’s, and provenance says why', () => {
    const v = view('chromium-secure');
    expect(v.connection?.source).toBe('probe');
    expect(v.probe.addresses.every((a) => a.agrees === null)).toBe(true);
    expect(v.provenance.missing.join(' ')).toMatch(/does not give extensions the certificate/);
    expect(v.provenance.items.map((i) => i.source)).toEqual(['probe']);
  });

  test.each([
    ['valid', ['handshake', 'probe']],
    ['cached-page', ['cache']],
    ['expired', ['error', 'probe']],
  ] as const)('%s: provenance lists where the data came from', (name, sources) => {
    expect(view(name).provenance.items.map((i) => i.source)).toEqual(sources);
  });

  test('a wrong local clock is shown with its size and explained', () => {
    const v = view('clock-wrong-secure');
    expect(v.clock).toEqual({ wrong: true, text: expect.stringMatching(/^Your clock is 3 days ahead/) });
    const failure = view('clock-wrong-failure');
    expect(failure.summary).toMatch(/only looks invalid because this computer's clock is wrong/);
  });

  test("one server's Date header against this clock blames neither: it says what would tell", () => {
    const v = view('clock-differs-secure');
    expect(v.clock).toEqual({
      wrong: false,
      text: expect.stringMatching(
        /^Your clock is 3 days ahead .*One of the two clocks is wrong: the certglance probe/,
      ),
    });
    expect(v.explanations).toEqual([]);
  });

  test('untrusted certificate text: control and direction characters never reach the view', async () => {
    const spoof = await issue({
      name: 'spoof',
      subject: [{ CN: ['evil\nStatus: Valid\u202Egpj.exe'] }],
      notBefore: new Date(pki.now - DAY_MS),
      notAfter: new Date(pki.now + 30 * DAY_MS),
      key: 'p256',
      dnsNames: ['spoof.localhost'],
    });
    const url = 'https://spoof.localhost/';
    const v = buildPopupView({
      record: tabRecord(url, { observation: observationOf([spoof.cert], url, { capturedAt: pki.now }) }),
      tabUrl: url,
      now: pki.now,
      probeEnabled: false,
    });
    expect(v.chain[0]!.name).toBe('evil\uFFFDStatus: Valid\uFFFDgpj.exe');
    expect(v.chain[0]!.subject).not.toMatch(/[\n\u202E]/);
  });

  test('frames from other sites: each judged like a page, failing first, then by time left; the page unchanged', () => {
    const v = view('framed');
    const days = (name: 'critical-90d' | 'hostile' | 'valid-398d') =>
      Math.floor((pki.scenarios[name].leaf.notAfter.getTime() - pki.now) / DAY_MS);
    expect(v).toMatchObject({ kind: 'secure', level: 'ok' });
    expect(v.badge.text).toBe(view('cached-page').badge.text);
    expect(v.frames.map((f) => [f.host, f.level, f.badgeText])).toEqual([
      ['expired.localhost', 'failure', 'EXP'],
      ['critical-90d.localhost', 'critical', `${days('critical-90d')}d`],
      ['hostile.localhost', 'ok', `${days('hostile')}d`],
      ['valid-398d.localhost', 'ok', `${days('valid-398d')}d`],
    ]);
    expect(v.frames[1]!.sentence).toBe(
      `critical-90d.localhost: certificate valid for ${days('critical-90d')} more days ` +
        `(until ${formatDay(pki.scenarios['critical-90d'].leaf.notAfter.getTime())}); renew now.`,
    );
    expect(v.frames[0]).toMatchObject({
      levelLabel: 'Certificate error',
      origin: 'https://expired.localhost:443',
    });
  });

  test('a page without frames of other sites has none', () => {
    expect(view('valid').frames).toEqual([]);
  });
});
