import { X509Certificate } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  correctedNow,
  describeSkew,
  estimateClockSkew,
  isLocalClockWrong,
  parseHttpDate,
  skewFromProbe,
} from '../../../core/clock';
import type { Validity } from '../../../core/expiry';
import type { ClockEstimate } from '../../../core/types';
import { buildTestPki, serveHttp, type IssuedCert } from '../../pki';

/** Sun, 14 Jun 2026 10:32:00 GMT, the server's time in the tables below. */
const NOW = Date.UTC(2026, 5, 14, 10, 32, 0);
const S = 1000;
const M = 60_000;
const H = 3_600_000;
const D = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('parseHttpDate', () => {
  test.each([
    ['IMF-fixdate (RFC 7231 example)', 'Sun, 06 Nov 1994 08:49:37 GMT', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['RFC 850 (RFC 7231 example)', 'Sunday, 06-Nov-94 08:49:37 GMT', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['asctime (RFC 7231 example)', 'Sun Nov  6 08:49:37 1994', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['IMF-fixdate', 'Sun, 14 Jun 2026 10:32:00 GMT', NOW],
    ['IMF-fixdate, surrounding space', '  Sun, 14 Jun 2026 10:32:00 GMT ', NOW],
    ['IMF-fixdate, lower case', 'sun, 14 jun 2026 10:32:00 gmt', NOW],
    ['RFC 850, two-digit year this century', 'Sunday, 14-Jun-26 10:32:00 GMT', NOW],
    ['RFC 850, year 76 is 2076 (50 years ahead)', 'Monday, 01-Jun-76 00:00:00 GMT', Date.UTC(2076, 5, 1)],
    ['RFC 850, year 77 is 1977', 'Monday, 01-Jun-77 00:00:00 GMT', Date.UTC(1977, 5, 1)],
    ['asctime, two-digit day', 'Sun Jun 14 10:32:00 2026', NOW],
    ['leap second', 'Wed, 31 Dec 2025 23:59:60 GMT', Date.UTC(2025, 11, 31, 23, 59, 59)],
    ['29 February of a leap year', 'Tue, 29 Feb 2028 12:00:00 GMT', Date.UTC(2028, 1, 29, 12)],
  ])('%s: %s', (_name, header, expected) => {
    expect(parseHttpDate(header, NOW)).toBe(expected);
  });

  test.each([
    ['empty', ''],
    ['words', 'yesterday'],
    ['epoch seconds', '1781433120'],
    ['ISO 8601', '2026-06-14T10:32:00Z'],
    ['numeric offset instead of GMT', 'Sun, 14 Jun 2026 10:32:00 +0000'],
    ['no zone', 'Sun, 14 Jun 2026 10:32:00'],
    ['local zone', 'Sun, 14 Jun 2026 10:32:00 PST'],
    ['30 February', 'Mon, 30 Feb 2026 10:32:00 GMT'],
    ['29 February of a common year', 'Sun, 29 Feb 2026 10:32:00 GMT'],
    ['hour 25', 'Sun, 14 Jun 2026 25:00:00 GMT'],
    ['minute 60', 'Sun, 14 Jun 2026 10:60:00 GMT'],
    ['unknown month', 'Sun, 14 Jux 2026 10:32:00 GMT'],
    ['unknown weekday', 'Sno, 14 Jun 2026 10:32:00 GMT'],
    ['one-digit day in IMF-fixdate', 'Sun, 4 Jun 2026 10:32:00 GMT'],
    ['markup', '<script>alert(1)</script>'],
    ['two dates', 'Sun, 14 Jun 2026 10:32:00 GMT, Sun, 14 Jun 2026 10:32:00 GMT'],
  ])('garbage (%s) gives null', (_name, header) => {
    expect(parseHttpDate(header, NOW)).toBeNull();
  });
});

describe('estimateClockSkew', () => {
  // The server's Date says 10:32:00, so its clock read some time in [10:32:00, 10:32:01): 10:32:00.500 is used.
  const header = 'Sun, 14 Jun 2026 10:32:00 GMT';
  test.each([
    { name: 'in step, fast round trip', localOffset: 0, rtt: 200, skewMs: -400, uncertaintyMs: 600 },
    { name: 'in step, mid-second', localOffset: 400, rtt: 200, skewMs: 0, uncertaintyMs: 600 },
    {
      name: 'local ahead 3 h 12 min',
      localOffset: 3 * H + 12 * M,
      rtt: 200,
      skewMs: 3 * H + 12 * M - 400,
      uncertaintyMs: 600,
    },
    { name: 'local behind 2 days', localOffset: -2 * D, rtt: 200, skewMs: -2 * D - 400, uncertaintyMs: 600 },
    {
      name: 'local behind 6 min, slow round trip',
      localOffset: -6 * M,
      rtt: 20 * S,
      skewMs: -6 * M + 9500,
      uncertaintyMs: 10_500,
    },
    {
      name: 'dead CMOS battery: local clock in 1970',
      localOffset: -NOW,
      rtt: 50,
      skewMs: -NOW - 475,
      uncertaintyMs: 525,
    },
  ])('$name', ({ localOffset, rtt, skewMs, uncertaintyMs }) => {
    const requestStartMs = NOW + localOffset;
    const estimate = estimateClockSkew({
      dateHeader: header,
      requestStartMs,
      responseStartMs: requestStartMs + rtt,
    });
    expect(estimate).toEqual({ skewMs, uncertaintyMs, basis: 'http-date' });
  });

  test.each([
    ['missing header', ''],
    ['garbage header', 'not a date'],
    ['the epoch', 'Thu, 01 Jan 1970 00:00:00 GMT'],
    ['before 2020', 'Sun, 06 Nov 1994 08:49:37 GMT'],
    ['year 2100', 'Fri, 01 Jan 2100 00:00:00 GMT'],
  ])('%s gives null', (_name, dateHeader) => {
    expect(estimateClockSkew({ dateHeader, requestStartMs: NOW, responseStartMs: NOW + 100 })).toBeNull();
  });

  test.each([
    ['response before request', NOW, NOW - 1],
    ['NaN start', Number.NaN, NOW],
    ['infinite end', NOW, Number.POSITIVE_INFINITY],
  ])('%s gives null', (_name, requestStartMs, responseStartMs) => {
    expect(estimateClockSkew({ dateHeader: header, requestStartMs, responseStartMs })).toBeNull();
  });
});

describe('estimateClockSkew against a real server on loopback', () => {
  test.each([
    { name: 'server in step', serverAheadMs: 0 },
    { name: 'server 3 h 12 min ahead (local behind)', serverAheadMs: 3 * H + 12 * M },
    { name: 'server 2 days behind (local ahead)', serverAheadMs: -2 * D },
    { name: 'server 90 s ahead', serverAheadMs: 90 * S },
  ])('$name', async ({ serverAheadMs }) => {
    const server = await serveHttp({ dateSkewMs: serverAheadMs });
    try {
      const requestStartMs = Date.now();
      const response = await fetch(server.url);
      const responseStartMs = Date.now();
      await response.arrayBuffer();
      const estimate = estimateClockSkew({
        dateHeader: response.headers.get('date') ?? '',
        requestStartMs,
        responseStartMs,
      });
      expect(estimate).not.toBeNull();
      expect(Math.abs(estimate!.skewMs + serverAheadMs)).toBeLessThanOrEqual(estimate!.uncertaintyMs);
      expect(estimate!.uncertaintyMs).toBeGreaterThanOrEqual(500);
    } finally {
      await server.close();
    }
  });
});

describe('skewFromProbe', () => {
  test.each([
    {
      name: 'ms resolution, local ahead 3 h',
      probedAt: '2026-06-14T10:32:00.250Z',
      sent: NOW + 3 * H,
      received: NOW + 3 * H + 500,
      expected: { skewMs: 3 * H - 0.5, uncertaintyMs: 250.5, basis: 'probe' },
    },
    {
      name: 'second resolution, in step',
      probedAt: '2026-06-14T10:32:00Z',
      sent: NOW,
      received: NOW + 1000,
      expected: { skewMs: 0, uncertaintyMs: 1000, basis: 'probe' },
    },
    {
      name: 'offset form, local behind 1 day',
      probedAt: '2026-06-14T12:32:00.000+02:00',
      sent: NOW - D,
      received: NOW - D + 100,
      expected: { skewMs: -D + 49.5, uncertaintyMs: 50.5, basis: 'probe' },
    },
  ])('$name', ({ probedAt, sent, received, expected }) => {
    expect(skewFromProbe(probedAt, received, sent)).toEqual(expected);
  });

  test.each([
    ['garbage', 'soon', NOW + 10, NOW],
    ['no offset', '2026-06-14T10:32:00', NOW + 10, NOW],
    ['received before sent', '2026-06-14T10:32:00.000Z', NOW, NOW + 10],
    ['probe clock in 1999', '1999-12-31T23:59:59.000Z', NOW + 10, NOW],
  ])('%s gives null', (_name, probedAt, received, sent) => {
    expect(skewFromProbe(probedAt, received, sent)).toBeNull();
  });
});

const estimateOf = (skewMs: number, uncertaintyMs = 600): ClockEstimate => ({
  skewMs,
  uncertaintyMs,
  basis: 'http-date',
});

describe('correctedNow', () => {
  test.each([
    ['no estimate', null, NOW],
    ['local ahead 3 h', estimateOf(3 * H), NOW - 3 * H],
    ['local behind 2 days', estimateOf(-2 * D), NOW + 2 * D],
  ])('%s', (_name, estimate, expected) => {
    expect(correctedNow(NOW, estimate)).toBe(expected);
  });
});

/** A validity window, in server time. */
const window = (startFromNow: number, endFromNow: number): Validity => ({
  notBefore: iso(NOW + startFromNow),
  notAfter: iso(NOW + endFromNow),
});

describe('isLocalClockWrong', () => {
  // The local clock reads NOW + skew; the server's time is NOW.
  test.each([
    {
      name: 'cert valid now, local 40 days behind: not yet valid locally',
      cert: window(-30 * D, 60 * D),
      skew: -40 * D,
      wrong: true,
    },
    {
      name: 'cert valid now, local 1 year ahead: expired locally',
      cert: window(-30 * D, 60 * D),
      skew: 365 * D,
      wrong: true,
    },
    {
      name: 'cert valid for 1 more hour, local 2 hours ahead',
      cert: window(-89 * D, H),
      skew: 2 * H,
      wrong: true,
    },
    {
      name: 'cert expired 2 days ago, local 1 day ahead: expired at both',
      cert: window(-92 * D, -2 * D),
      skew: D,
      wrong: false,
    },
    {
      name: 'cert expired 2 days ago, local 1 hour behind: expired at both',
      cert: window(-92 * D, -2 * D),
      skew: -H,
      wrong: false,
    },
    { name: 'cert not yet valid at both', cert: window(3 * D, 93 * D), skew: -D, wrong: false },
    {
      name: 'cert valid at both despite a 3 h skew',
      cert: window(-30 * D, 60 * D),
      skew: 3 * H,
      wrong: false,
    },
    { name: 'skew within 5 min', cert: window(-89 * D, M), skew: 2 * M, wrong: false },
    { name: 'invalid dates', cert: { notBefore: 'garbage', notAfter: iso(NOW) }, skew: 40 * D, wrong: false },
    { name: 'no cert, 3 h skew', cert: null, skew: 3 * H, wrong: true },
    { name: 'no cert, 4 min skew', cert: null, skew: -4 * M, wrong: false },
  ])('$name: $wrong', ({ cert, skew, wrong }) => {
    expect(isLocalClockWrong(cert, NOW + skew, estimateOf(skew))).toBe(wrong);
  });

  test.each([
    { name: 'just beyond threshold + uncertainty', skew: 5 * M + 601, uncertainty: 600, wrong: true },
    { name: 'exactly threshold + uncertainty', skew: 5 * M + 600, uncertainty: 600, wrong: false },
    { name: 'negative, just beyond', skew: -(5 * M + 601), uncertainty: 600, wrong: true },
    { name: '6 min skew, 20 s round trip', skew: 6 * M, uncertainty: 10_500, wrong: true },
    { name: '6 min skew, 4 min round trip', skew: 6 * M, uncertainty: 2 * M + 500, wrong: false },
  ])('no cert, $name: $wrong', ({ skew, uncertainty, wrong }) => {
    expect(isLocalClockWrong(null, NOW + skew, estimateOf(skew, uncertainty))).toBe(wrong);
  });

  test('no estimate: never blames the clock', () => {
    expect(isLocalClockWrong(window(-30 * D, 60 * D), NOW - 40 * D, null)).toBe(false);
    expect(isLocalClockWrong(null, NOW, null)).toBe(false);
  });

  test('a custom threshold (1 day, as Firefox uses)', () => {
    expect(isLocalClockWrong(null, NOW + 3 * H, estimateOf(3 * H), D)).toBe(false);
    expect(isLocalClockWrong(null, NOW + 2 * D, estimateOf(2 * D), D)).toBe(true);
  });
});

/** The validity a certificate's DER actually encodes. */
function fromDer(cert: IssuedCert): Validity {
  const x = new X509Certificate(cert.der);
  return { notBefore: iso(Date.parse(x.validFrom)), notAfter: iso(Date.parse(x.validTo)) };
}

describe('isLocalClockWrong over the test PKI', async () => {
  const pki = await buildTestPki(NOW);
  test.each([
    { scenario: 'valid-90d', skew: -40 * D, wrong: true },
    { scenario: 'valid-90d', skew: 61 * D, wrong: true },
    { scenario: 'valid-90d', skew: 10 * M, wrong: false },
    { scenario: 'expired', skew: D, wrong: false },
    { scenario: 'expired', skew: 3 * D, wrong: false },
    { scenario: 'expired', skew: -3 * D, wrong: false },
    { scenario: 'not-yet-valid', skew: -D, wrong: false },
    { scenario: 'valid-6d', skew: 5 * D, wrong: true },
  ] as const)('$scenario leaf, local clock off by $skew ms: $wrong', ({ scenario, skew, wrong }) => {
    const cert = fromDer(pki.scenarios[scenario].leaf);
    expect(isLocalClockWrong(cert, pki.now + skew, estimateOf(skew))).toBe(wrong);
  });
});

describe('describeSkew', () => {
  test.each([
    [estimateOf(3 * H + 12 * M - 400), 'your clock is 3 hours 12 minutes ahead'],
    [estimateOf(-2 * D - 400), 'your clock is 2 days behind'],
    [estimateOf(26 * H + 30 * M), 'your clock is 1 day 2 hours ahead'],
    [estimateOf(-45 * S), 'your clock is 45 seconds behind'],
    [estimateOf(M + S), 'your clock is 1 minute 1 second ahead'],
    [estimateOf(-400), "your clock agrees with the server's to within 1 second"],
    [estimateOf(9 * S, 10_500), "your clock agrees with the server's to within 11 seconds"],
    [
      { skewMs: 120, uncertaintyMs: 250.5, basis: 'probe' } as const,
      "your clock agrees with the probe's to within 1 second",
    ],
    [{ skewMs: 700, uncertaintyMs: 50, basis: 'probe' } as const, 'your clock is 1 second ahead'],
    [{ skewMs: -300, uncertaintyMs: 50, basis: 'probe' } as const, 'your clock is less than a second behind'],
  ])('%o -> %s', (estimate, words) => {
    expect(describeSkew(estimate)).toBe(words);
  });
});
