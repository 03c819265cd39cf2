import { X509Certificate } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  certificateLevel,
  chainStatus,
  LEVEL_SEVERITY,
  parseInstant,
  type ChainCert,
} from '../../../core/expiry';
import { LEVELS, type Level } from '../../../core/types';
import { buildTestPki, SCENARIO_NAMES, type IssuedCert } from '../../pki';

const NOW = Date.parse('2026-06-14T10:32:00.000Z');
const S = 1000;
const H = 3_600_000;
const D = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A validity window of `lifetimeMs` with `remainingMs` left at NOW. */
function validity(lifetimeMs: number, remainingMs: number, subject?: string): ChainCert {
  const notAfter = NOW + remainingMs;
  return { notBefore: iso(notAfter - lifetimeMs), notAfter: iso(notAfter), ...(subject ? { subject } : {}) };
}

/**
 * Thresholds worked out by hand from the rule (critical <= min(L/12, 7 d), warn <= min(L/6, 30 d),
 * renewal_due <= L/3, or L/2 under 10 days):
 *   6 d:   L/12 = 12 h,          L/6 = 1 d,               L/2 = 3 d
 *   10 d:  L/12 = 20 h,          L/6 = 40 h,              L/3 = 80 h (10 d is not "under 10 days")
 *   47 d:  L/12 = 94 h (3.92 d), L/6 = 188 h (7.83 d),    L/3 = 376 h (15.67 d)
 *   90 d:  L/12 = 7.5 d -> 7 d,  L/6 = 15 d,              L/3 = 30 d
 *   398 d: 7 d (L/12 = 33 d),    30 d (L/6 = 66 d),       L/3 = 3184 h (132.67 d)
 */
const LIFETIMES = [
  { days: 6, critical: 12 * H, warn: 1 * D, renewal_due: 3 * D },
  { days: 10, critical: 20 * H, warn: 40 * H, renewal_due: 80 * H },
  { days: 47, critical: 94 * H, warn: 188 * H, renewal_due: 376 * H },
  { days: 90, critical: 7 * D, warn: 15 * D, renewal_due: 30 * D },
  { days: 398, critical: 7 * D, warn: 30 * D, renewal_due: 3184 * H },
];

/** Each threshold, the level at and just inside it, and the level just outside it (1 s more left). */
const BOUNDARIES = LIFETIMES.flatMap(({ days, critical, warn, renewal_due }) =>
  (
    [
      ['expired', 0, 'critical'],
      ['critical', critical, 'warn'],
      ['warn', warn, 'renewal_due'],
      ['renewal_due', renewal_due, 'ok'],
    ] as const
  ).flatMap(([level, threshold, outside]) => [
    { days, at: `${level} threshold - 1 s`, remainingMs: threshold - S, level: level as Level },
    { days, at: `${level} threshold`, remainingMs: threshold, level: level as Level },
    { days, at: `${level} threshold + 1 s`, remainingMs: threshold + S, level: outside as Level },
  ]),
);

describe('certificateLevel', () => {
  test.each(BOUNDARIES)(
    '$days-day certificate at the $at ($remainingMs ms left) is $level',
    ({ days, remainingMs, level }) => {
      const status = certificateLevel(validity(days * D, remainingMs), NOW);
      expect(status).toEqual({
        level,
        remainingMs,
        lifetimeMs: days * D,
        daysLeft: remainingMs / D,
        invalidDates: false,
      });
    },
  );

  test.each(LIFETIMES)('$days-day certificate: not_yet_valid until notBefore, ok from it', ({ days }) => {
    const cert = validity(days * D, days * D);
    expect(certificateLevel(cert, NOW - S).level).toBe('not_yet_valid');
    expect(certificateLevel(cert, NOW).level).toBe('ok');
    expect(certificateLevel(cert, NOW - S).remainingMs).toBe(days * D + S);
  });

  test('the L/2 rule applies only under 10 days of lifetime', () => {
    expect(certificateLevel(validity(10 * D - S, 4 * D), NOW).level).toBe('renewal_due');
    expect(certificateLevel(validity(10 * D, 4 * D), NOW).level).toBe('ok');
  });

  test('daysLeft is negative once expired', () => {
    expect(certificateLevel(validity(90 * D, -2.5 * D), NOW)).toMatchObject({
      level: 'expired',
      daysLeft: -2.5,
    });
  });

  const invalid = { level: 'expired', remainingMs: 0, lifetimeMs: 0, daysLeft: 0, invalidDates: true };
  test.each([
    { name: 'garbage notBefore', notBefore: 'yesterday', notAfter: iso(NOW + D) },
    { name: 'empty notAfter', notBefore: iso(NOW - D), notAfter: '' },
    { name: 'inverted dates', notBefore: iso(NOW + D), notAfter: iso(NOW - D) },
    { name: 'inverted, both in the future', notBefore: iso(NOW + 2 * D), notAfter: iso(NOW + D) },
    { name: 'no offset (local time)', notBefore: '2026-01-01T00:00:00', notAfter: '2026-12-01T00:00:00' },
    { name: '30 February', notBefore: '2026-02-30T00:00:00Z', notAfter: iso(NOW + D) },
    { name: '24:00', notBefore: iso(NOW - D), notAfter: '2026-06-14T24:00:00Z' },
    { name: 'markup', notBefore: '<script>alert(1)</script>', notAfter: '"><img src=x>' },
    { name: 'epoch milliseconds as text', notBefore: String(NOW - D), notAfter: String(NOW + D) },
  ])('$name: expired with invalidDates, no throw', ({ notBefore, notAfter }) => {
    expect(certificateLevel({ notBefore, notAfter }, NOW)).toEqual(invalid);
  });

  test('a non-finite now gives invalid, not ok', () => {
    expect(certificateLevel(validity(90 * D, 60 * D), Number.NaN)).toEqual(invalid);
  });

  test.each([
    { name: 'zero lifetime, before it', now: NOW - S, level: 'not_yet_valid' },
    { name: 'zero lifetime, at it', now: NOW, level: 'expired' },
  ])('$name: $level, dates valid', ({ now, level }) => {
    expect(certificateLevel({ notBefore: iso(NOW), notAfter: iso(NOW) }, now)).toMatchObject({
      level,
      invalidDates: false,
    });
  });

  test('"no well-defined expiration" (9999-12-31) is ok', () => {
    const status = certificateLevel(
      { notBefore: '2020-01-01T00:00:00Z', notAfter: '9999-12-31T23:59:59Z' },
      NOW,
    );
    expect(status.level).toBe('ok');
    expect(status.daysLeft).toBeGreaterThan(2_900_000);
  });
});

describe('parseInstant', () => {
  test.each([
    ['2026-06-14T10:32:00.000Z', NOW],
    ['2026-06-14T10:32:00Z', NOW],
    ['2026-06-14T10:32Z', NOW],
    ['2026-06-14T12:32:00+02:00', NOW],
    ['2026-06-14T05:32:00.000-05:00', NOW],
    ['2028-02-29T00:00:00Z', Date.UTC(2028, 1, 29)],
    ['2026-02-29T00:00:00Z', null],
    ['2100-02-29T00:00:00Z', null],
    ['2026-13-01T00:00:00Z', null],
    ['2026-06-14T10:60:00Z', null],
    ['2026-06-14T10:32:60Z', null],
    ['2026-06-14T10:32:00+24:00', null],
    ['2026-06-14', null],
    ['Sun, 14 Jun 2026 10:32:00 GMT', null],
    [' 2026-06-14T10:32:00Z', null],
  ])('%s -> %s', (text, expected) => {
    expect(parseInstant(text)).toBe(expected);
  });
});

describe('LEVEL_SEVERITY', () => {
  test('orders the levels from best to worst, not_yet_valid worst', () => {
    const sorted = [...LEVELS].sort((a, b) => LEVEL_SEVERITY[a] - LEVEL_SEVERITY[b]);
    expect(sorted).toEqual(['ok', 'renewal_due', 'warn', 'critical', 'expired', 'not_yet_valid']);
    expect(new Set(Object.values(LEVEL_SEVERITY)).size).toBe(LEVELS.length);
  });
});

const LEAF_OK = validity(90 * D, 60 * D, 'CN=example.com');
const INTERMEDIATE_OK = validity(5 * 365 * D, 2 * 365 * D, 'CN=Example CA');
const ROOT_OK = validity(20 * 365 * D, 10 * 365 * D, 'CN=Example Root');

describe('chainStatus', () => {
  test('an empty chain has no status', () => {
    expect(chainStatus([], NOW)).toBeNull();
  });

  test.each([
    {
      name: 'leaf expires first',
      chain: [validity(90 * D, 20 * D, 'CN=leaf'), INTERMEDIATE_OK, ROOT_OK],
      expected: {
        depth: 0,
        level: 'renewal_due',
        worstLevel: 'renewal_due',
        worstDepth: 0,
        subject: 'CN=leaf',
      },
    },
    {
      name: 'intermediate expires first',
      chain: [LEAF_OK, validity(5 * 365 * D, 10 * D, 'CN=Old CA'), ROOT_OK],
      expected: { depth: 1, level: 'warn', worstLevel: 'warn', worstDepth: 1, subject: 'CN=Old CA' },
    },
    {
      name: 'expired intermediate',
      chain: [LEAF_OK, validity(5 * 365 * D, -3 * D, 'CN=Old CA'), ROOT_OK],
      expected: { depth: 1, level: 'expired', worstLevel: 'expired', worstDepth: 1, subject: 'CN=Old CA' },
    },
    {
      name: 'expired leaf',
      chain: [validity(90 * D, -S, 'CN=leaf'), INTERMEDIATE_OK],
      expected: { depth: 0, level: 'expired', worstLevel: 'expired', worstDepth: 0, subject: 'CN=leaf' },
    },
    {
      name: 'not-yet-valid leaf',
      chain: [validity(90 * D, 90 * D + H, 'CN=leaf'), INTERMEDIATE_OK],
      expected: {
        depth: 0,
        level: 'not_yet_valid',
        worstLevel: 'not_yet_valid',
        worstDepth: 0,
        subject: 'CN=leaf',
      },
    },
    {
      name: 'not-yet-valid intermediate behind an earlier-expiring leaf',
      chain: [LEAF_OK, validity(5 * 365 * D, 5 * 365 * D + D, 'CN=New CA')],
      expected: {
        depth: 0,
        level: 'ok',
        worstLevel: 'not_yet_valid',
        worstDepth: 1,
        subject: 'CN=example.com',
      },
    },
    {
      name: 'expired intermediate and not-yet-valid leaf',
      chain: [validity(90 * D, 90 * D + H, 'CN=leaf'), validity(5 * 365 * D, -D, 'CN=Old CA')],
      expected: {
        depth: 1,
        level: 'expired',
        worstLevel: 'not_yet_valid',
        worstDepth: 0,
        subject: 'CN=Old CA',
      },
    },
    {
      name: 'short-lived leaf first, long-lived intermediate worse',
      chain: [validity(6 * D, 2 * D, 'CN=leaf'), validity(5 * 365 * D, 20 * D, 'CN=CA')],
      expected: { depth: 0, level: 'renewal_due', worstLevel: 'warn', worstDepth: 1, subject: 'CN=leaf' },
    },
    {
      name: 'tie on notAfter: the leaf',
      chain: [validity(90 * D, 10 * D, 'CN=leaf'), validity(365 * D, 10 * D, 'CN=CA')],
      expected: { depth: 0, level: 'warn', worstLevel: 'warn', worstDepth: 0, subject: 'CN=leaf' },
    },
    {
      name: 'no subjects',
      chain: [validity(90 * D, 60 * D)],
      expected: { depth: 0, level: 'ok', worstLevel: 'ok', worstDepth: 0, subject: null },
    },
  ])('$name', ({ chain, expected }) => {
    const status = chainStatus(chain, NOW);
    expect(status).toMatchObject({ ...expected, invalidDates: false });
    expect(status?.notAfter).toBe(chain[expected.depth]?.notAfter);
    expect(status?.status).toEqual(certificateLevel(chain[expected.depth]!, NOW));
  });

  test('a certificate with absurd dates decides the chain', () => {
    const status = chainStatus(
      [LEAF_OK, { notBefore: 'soon', notAfter: 'later', subject: 'CN=Bad CA' }],
      NOW,
    );
    expect(status).toMatchObject({
      depth: 1,
      level: 'expired',
      worstLevel: 'expired',
      subject: 'CN=Bad CA',
      invalidDates: true,
    });
  });
});

/** The validity a certificate's DER actually encodes, as the extension stores it. */
function fromDer(cert: IssuedCert): ChainCert {
  const x = new X509Certificate(cert.der);
  return {
    notBefore: iso(Date.parse(x.validFrom)),
    notAfter: iso(Date.parse(x.validTo)),
    subject: x.subject,
  };
}

describe('chainStatus over the test PKI', async () => {
  const pki = await buildTestPki(NOW);

  test.each(SCENARIO_NAMES)("%s: the served chain has the scenario's level", (name) => {
    const scenario = pki.scenarios[name];
    const status = chainStatus(scenario.served.map(fromDer), pki.now);
    expect(status?.worstLevel).toBe(scenario.expected.level);
    expect(status?.invalidDates).toBe(false);
  });

  test('expired-intermediate: the intermediate (depth 1) decides, expired a day ago', () => {
    const status = chainStatus(pki.scenarios['expired-intermediate'].served.map(fromDer), pki.now);
    expect(status).toMatchObject({ depth: 1, level: 'expired', worstLevel: 'expired' });
    expect(status?.status.daysLeft).toBeCloseTo(-1, 4);
  });

  test('the full chain with root: the leaf (90 days, 60 left) expires first and is ok', () => {
    const chain = [...pki.scenarios['valid-90d'].served, pki.root].map(fromDer);
    expect(chainStatus(chain, pki.now)).toMatchObject({ depth: 0, level: 'ok', worstLevel: 'ok' });
    expect(chainStatus(chain, pki.now)?.status.daysLeft).toBeCloseTo(60, 4);
  });
});
