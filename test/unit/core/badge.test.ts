import { X509Certificate } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { badgeFor, LEVEL_COLORS, remainingText, type BadgeInput, type CertLike } from '../../../core/badge';
import type { Cause } from '../../../core/causes';
import { LEVELS } from '../../../core/types';
import { buildTestPki, SCENARIO_NAMES, type IssuedCert } from '../../pki';

/** 14 June 2026, 10:32 UTC. */
const NOW = Date.UTC(2026, 5, 14, 10, 32, 0);
const S = 1000;
const H = 3_600_000;
const D = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const HOST = 'example.com';

/** A validity window of `lifetimeMs` with `remainingMs` left at NOW. */
function cert(lifetimeMs: number, remainingMs: number): CertLike {
  return { notBefore: iso(NOW + remainingMs - lifetimeMs), notAfter: iso(NOW + remainingMs) };
}
const INTERMEDIATE = cert(5 * 365 * D, 2 * 365 * D);
const chainOf = (...chain: CertLike[]): BadgeInput => ({ kind: 'chain', host: HOST, chain });

/** WCAG 2 contrast ratio of a #RRGGBB colour against white. */
function contrastWithWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

describe('LEVEL_COLORS', () => {
  test.each(Object.entries(LEVEL_COLORS))(
    '%s %s is #RRGGBB with white text contrast >= 3:1',
    (_level, color) => {
      expect(color).toMatch(/^#[0-9A-F]{6}$/);
      expect(contrastWithWhite(color)).toBeGreaterThanOrEqual(3);
    },
  );

  test('every expiry level has its own colour; failure is red like expired', () => {
    expect(new Set(LEVELS.map((level) => LEVEL_COLORS[level])).size).toBe(LEVELS.length);
    expect(LEVEL_COLORS.failure).toBe(LEVEL_COLORS.expired);
  });
});

describe('badgeFor: a secure page, one certificate per level', () => {
  test.each([
    {
      name: 'ok',
      chain: [cert(90 * D, 60 * D), INTERMEDIATE],
      text: '60d',
      level: 'ok',
      tooltip: 'example.com: certificate valid for 60 more days (until 13 August 2026).',
    },
    {
      name: 'renewal_due',
      chain: [cert(90 * D, 23 * D), INTERMEDIATE],
      text: '23d',
      level: 'renewal_due',
      tooltip: 'example.com: certificate valid for 23 more days (until 7 July 2026); renewal due.',
    },
    {
      name: 'warn',
      chain: [cert(90 * D, 10 * D), INTERMEDIATE],
      text: '10d',
      level: 'warn',
      tooltip: 'example.com: certificate valid for 10 more days (until 24 June 2026); renew soon.',
    },
    {
      name: 'critical',
      chain: [cert(90 * D, 3 * D), INTERMEDIATE],
      text: '3d',
      level: 'critical',
      tooltip: 'example.com: certificate valid for 3 more days (until 17 June 2026); renew now.',
    },
    {
      name: 'expired',
      chain: [cert(90 * D, -2 * D), INTERMEDIATE],
      text: 'EXP',
      level: 'expired',
      tooltip: 'example.com: certificate expired 2 days ago (12 June 2026, 10:32 UTC).',
    },
    {
      name: 'not_yet_valid',
      chain: [cert(90 * D, 90 * D + 3 * H), INTERMEDIATE],
      text: '!',
      level: 'not_yet_valid',
      tooltip: 'example.com: certificate is not valid until 14 June 2026, 13:32 UTC (in 3 hours).',
    },
    {
      name: 'intermediate expires first',
      chain: [cert(90 * D, 60 * D), cert(5 * 365 * D, 10 * D)],
      text: '10d',
      level: 'warn',
      tooltip:
        'example.com: CA certificate at depth 1 valid for 10 more days (until 24 June 2026); renew soon.',
    },
    {
      name: 'short-lived leaf first, long-lived intermediate worse: its level, the leaf days',
      chain: [cert(6 * D, 2 * D), cert(5 * 365 * D, 20 * D)],
      text: '2d',
      level: 'warn',
      tooltip:
        'example.com: certificate valid for 2 more days (until 16 June 2026); ' +
        'CA certificate at depth 1 expires in 20 days (4 July 2026); renew soon.',
    },
    {
      name: 'expired intermediate',
      chain: [cert(90 * D, 60 * D), cert(5 * 365 * D, -D - H)],
      text: 'EXP',
      level: 'expired',
      tooltip: 'example.com: CA certificate at depth 1 expired yesterday (13 June 2026, 09:32 UTC).',
    },
    {
      name: 'expired intermediate and not-yet-valid leaf',
      chain: [cert(90 * D, 90 * D + H), cert(5 * 365 * D, -D)],
      text: 'EXP',
      level: 'not_yet_valid',
      tooltip:
        'example.com: CA certificate at depth 1 expired yesterday (13 June 2026, 10:32 UTC); ' +
        'certificate is not valid until 14 June 2026, 11:32 UTC (in 1 hour).',
    },
    {
      name: 'absurd dates',
      chain: [cert(90 * D, 60 * D), { notBefore: '2030-01-01T00:00:00Z', notAfter: '2020-01-01T00:00:00Z' }],
      text: '!',
      level: 'expired',
      tooltip: 'example.com: CA certificate at depth 1 has invalid validity dates.',
    },
    {
      name: '10-year self-signed certificate',
      chain: [cert(3650 * D, 1500 * D)],
      text: '4y',
      level: 'ok',
      tooltip: 'example.com: certificate valid for 1500 more days (until 23 July 2030).',
    },
  ] as const)('$name: "$text" $level', ({ chain, text, level, tooltip }) => {
    expect(badgeFor(chainOf(...chain), NOW)).toEqual({ text, level, color: LEVEL_COLORS[level], tooltip });
  });
});

describe('badgeFor: day and hour edges (90-day certificate)', () => {
  test.each([
    { left: 2 * D + S, text: '2d', words: '2 more days (until 16 June 2026)' },
    { left: 2 * D, text: '2d', words: '2 more days (until 16 June 2026)' },
    { left: 2 * D - S, text: '1d', words: '47 more hours (until 16 June 2026, 10:31 UTC)' },
    { left: D, text: '1d', words: '24 more hours (until 15 June 2026, 10:32 UTC)' },
    { left: D - S, text: '23h', words: '23 more hours (until 15 June 2026, 10:31 UTC)' },
    { left: H, text: '1h', words: '1 more hour (until 14 June 2026, 11:32 UTC)' },
    { left: H - S, text: '<1h', words: '59 more minutes (until 14 June 2026, 11:31 UTC)' },
    { left: S, text: '<1h', words: '1 more second (until 14 June 2026, 10:32 UTC)' },
  ])('$left ms left: "$text"', ({ left, text, words }) => {
    const badge = badgeFor(chainOf(cert(90 * D, left)), NOW);
    expect(badge.text).toBe(text);
    expect(badge.level).toBe('critical');
    expect(badge.tooltip).toBe(`example.com: certificate valid for ${words}; renew now.`);
  });

  test.each([
    { left: 0, words: 'just now (14 June 2026, 10:32 UTC)' },
    { left: -S, words: '1 second ago (14 June 2026, 10:31 UTC)' },
    { left: -D, words: 'yesterday (13 June 2026, 10:32 UTC)' },
    { left: -2 * D, words: '2 days ago (12 June 2026, 10:32 UTC)' },
  ])('expired $left ms ago: "EXP"', ({ left, words }) => {
    const badge = badgeFor(chainOf(cert(90 * D, left)), NOW);
    expect(badge).toMatchObject({ text: 'EXP', level: 'expired' });
    expect(badge.tooltip).toBe(`example.com: certificate expired ${words}.`);
  });
});

describe('remainingText', () => {
  test.each([
    [400_000 * D, '>99y'],
    [100 * 365 * D, '>99y'],
    [100 * 365 * D - S, '99y'],
    [5000 * D, '13y'],
    [1000 * D, '2y'],
    [1000 * D - S, '999d'],
    [398 * D, '398d'],
    [D, '1d'],
    [D - 1, '23h'],
    [H, '1h'],
    [H - 1, '<1h'],
    [1, '<1h'],
  ])('%d ms -> %s', (ms, text) => {
    expect(remainingText(ms)).toBe(text);
  });

  test('never more than 4 characters, from 1 ms to 10 000 years', () => {
    for (let ms = 1; ms < 3_650_000 * D; ms = Math.ceil(ms * 1.3))
      expect(remainingText(ms).length).toBeLessThanOrEqual(4);
  });
});

describe('badgeFor: failures', () => {
  const fresh = [cert(90 * D, 60 * D), INTERMEDIATE];
  test.each<{ name: string; causes: Cause[]; chain?: CertLike[]; text: string; tooltip: string }>([
    {
      name: 'hostname mismatch, no chain',
      causes: ['hostname_mismatch'],
      text: '!',
      tooltip: 'example.com: certificate error (hostname mismatch).',
    },
    {
      name: 'clicked through a hostname mismatch: a valid chain still shows failing',
      causes: ['hostname_mismatch'],
      chain: fresh,
      text: '!',
      tooltip: 'example.com: certificate error (hostname mismatch).',
    },
    {
      name: 'expired, no chain',
      causes: ['expired'],
      text: 'EXP',
      tooltip: 'example.com: certificate error (expired).',
    },
    {
      name: 'issuer expired, no chain',
      causes: ['issuer_expired'],
      text: 'EXP',
      tooltip: 'example.com: certificate error (issuer expired).',
    },
    {
      name: 'ambiguous date error, no chain',
      causes: ['expired', 'not_yet_valid', 'issuer_expired'],
      text: '!',
      tooltip: 'example.com: certificate error (expired, not yet valid, issuer expired).',
    },
    {
      name: 'ambiguous date error with an expired chain',
      causes: ['expired', 'not_yet_valid', 'issuer_expired'],
      chain: [cert(90 * D, -2 * D), INTERMEDIATE],
      text: 'EXP',
      tooltip: 'example.com: certificate expired 2 days ago (12 June 2026, 10:32 UTC).',
    },
    {
      name: 'hostname mismatch with an expired intermediate',
      causes: ['hostname_mismatch'],
      chain: [cert(90 * D, 60 * D), cert(5 * 365 * D, -3 * D)],
      text: 'EXP',
      tooltip: 'example.com: CA certificate at depth 1 expired 3 days ago (11 June 2026, 10:32 UTC).',
    },
    {
      name: 'not yet valid with its chain',
      causes: ['not_yet_valid'],
      chain: [cert(90 * D, 93 * D)],
      text: '!',
      tooltip: 'example.com: certificate error (not yet valid).',
    },
    {
      name: 'duplicate causes',
      causes: ['unknown_issuer', 'unknown_issuer'],
      text: '!',
      tooltip: 'example.com: certificate error (unknown issuer).',
    },
    { name: 'no causes', causes: [], text: '!', tooltip: 'example.com: secure connection failed.' },
    {
      name: 'timeout',
      causes: ['timeout'],
      text: '!',
      tooltip: 'example.com: connection error (timed out).',
    },
    {
      name: 'protocol mismatch',
      causes: ['protocol_mismatch'],
      text: '!',
      tooltip: 'example.com: connection error (no common TLS version or cipher).',
    },
    {
      name: 'local clock wrong',
      causes: ['local_clock_wrong', 'expired'],
      text: '!',
      tooltip: 'example.com: certificate error (your clock is wrong, expired).',
    },
  ])('$name: "$text"', ({ causes, chain, text, tooltip }) => {
    const input: BadgeInput = { kind: 'failure', host: HOST, causes, ...(chain ? { chain } : {}) };
    expect(badgeFor(input, NOW)).toEqual({ text, level: 'failure', color: LEVEL_COLORS.failure, tooltip });
  });
});

describe('badgeFor: no certificate data', () => {
  test.each([
    [{ kind: 'http' } as const, 'none', 'This page is not served over HTTPS.'],
    [
      { kind: 'unknown', host: HOST } as const,
      'unknown',
      'example.com: no certificate details for this page.',
    ],
    [
      { kind: 'chain', host: HOST, chain: [] } as const,
      'unknown',
      'example.com: no certificate details for this page.',
    ],
  ])('%o: empty grey badge', (input, level, tooltip) => {
    expect(badgeFor(input, NOW)).toEqual({ text: '', color: '#5F6368', level, tooltip });
  });
});

describe('badgeFor: hostile hosts come back verbatim', () => {
  const hosts = [
    '<img src=x onerror=alert(1)>',
    '"quoted" & \'single\'',
    '',
    '\u202Eevil.example',
    'bücher.例え.jp',
    'a'.repeat(2000),
    'line\nbreak',
    '${host}',
    '%s %o',
  ];
  test.each(hosts)('%j', (host) => {
    const inputs: BadgeInput[] = [
      { kind: 'chain', host, chain: [cert(90 * D, 60 * D)] },
      { kind: 'chain', host, chain: [cert(90 * D, -D)] },
      { kind: 'failure', host, causes: ['hostname_mismatch'] },
      { kind: 'unknown', host },
    ];
    for (const input of inputs) expect(badgeFor(input, NOW).tooltip.startsWith(`${host}: `)).toBe(true);
  });
});

/** The validity and subject a certificate's DER actually encodes. */
function fromDer(issued: IssuedCert): CertLike {
  const x = new X509Certificate(issued.der);
  return {
    notBefore: iso(Date.parse(x.validFrom)),
    notAfter: iso(Date.parse(x.validTo)),
    subject: x.subject,
  };
}

describe('badgeFor over the test PKI', async () => {
  const pki = await buildTestPki(NOW);
  test.each(SCENARIO_NAMES)('%s', (name) => {
    const scenario = pki.scenarios[name];
    const chain = scenario.served.map(fromDer);
    const { cause, level } = scenario.expected;
    if (cause === null) {
      const badge = badgeFor({ kind: 'chain', host: scenario.host, chain }, pki.now);
      expect(badge.level).toBe(level);
      expect(badge.text).toMatch(/^\d+[dhy]$/);
      expect(badge.tooltip).toMatch(new RegExp(`^${name}\\.localhost: certificate valid for \\d+ more days`));
    } else {
      const badge = badgeFor({ kind: 'failure', host: scenario.host, causes: [cause], chain }, pki.now);
      expect(badge.level).toBe('failure');
      expect(badge.text).toBe(cause === 'expired' || cause === 'issuer_expired' ? 'EXP' : '!');
    }
  });
});

describe("the local clock's fault is not the site's", () => {
  test('local_clock_wrong alone shows "!", never "EXP", and says the clock', () => {
    const expiredAtLocalTime = [{ notBefore: '2026-01-01T00:00:00Z', notAfter: '2026-03-01T00:00:00Z' }];
    const badge = badgeFor(
      { kind: 'failure', host: 'a.localhost', causes: ['local_clock_wrong'], chain: expiredAtLocalTime },
      Date.parse('2026-06-01T00:00:00Z'),
    );
    expect(badge.text).toBe('!');
    expect(badge.tooltip).toBe(
      "a.localhost: this computer's clock looks wrong; the certificate is valid at the right time.",
    );
  });
});
