import { parseInstant, type Validity } from './expiry';
import { formatSkew, formatSkewBound } from './format-skew';
import type { ClockEstimate } from './types';

/**
 * The local clock compared with a server's (HTTP Date header) or the probe's (its report's probedAt).
 * Skew is local - server: positive when the local clock is ahead.
 */

/** Server times outside [2020-01-01, 2100-01-01) are taken as a broken server clock or header, not as evidence. */
const EARLIEST_SERVER_MS = Date.UTC(2020, 0, 1);
const LATEST_SERVER_MS = Date.UTC(2100, 0, 1);

const DAYS = '(Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAYS = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MON = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
/** "Sun, 06 Nov 1994 08:49:37 GMT" (RFC 7231 IMF-fixdate). */
const IMF_FIXDATE = new RegExp(`^${DAYS}, (\\d{2}) ${MON} (\\d{4}) ${TIME} GMT$`, 'i');
/** "Sunday, 06-Nov-94 08:49:37 GMT" (obsolete RFC 850). */
const RFC850 = new RegExp(`^${LONG_DAYS}, (\\d{2})-${MON}-(\\d{2}) ${TIME} GMT$`, 'i');
/** "Sun Nov  6 08:49:37 1994" (obsolete asctime, always GMT). */
const ASCTIME = new RegExp(`^${DAYS} ${MON} ( \\d|\\d{2}) ${TIME} (\\d{4})$`, 'i');

function monthIndex(name: string): number {
  return MONTHS.findIndex((m) => m.toLowerCase() === name.toLowerCase());
}

function utc(year: number, month: number, day: number, h: number, mi: number, s: number): number | null {
  if (month < 0 || day < 1 || h > 23 || mi > 59 || s > 60) return null;
  const ms = Date.UTC(year, month, day, h, mi, Math.min(s, 59));
  const d = new Date(ms);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month && d.getUTCDate() === day ? ms : null;
}

/** RFC 7231: a two-digit year more than 50 years in the future is the most recent past year with those digits. */
function fullYear(twoDigits: number, referenceMs: number): number {
  const reference = new Date(referenceMs).getUTCFullYear();
  const year = reference - (reference % 100) + twoDigits;
  return year > reference + 50 ? year - 100 : year;
}

/**
 * Parses an HTTP-date in any of the three forms RFC 7231 requires recipients to accept (IMF-fixdate, RFC 850,
 * asctime), always as GMT, as ms since the epoch. `referenceMs` places RFC 850's two-digit years. Null otherwise.
 */
export function parseHttpDate(value: string, referenceMs: number): number | null {
  const text = value.trim();
  let m = IMF_FIXDATE.exec(text);
  if (m) return utc(Number(m[4]), monthIndex(m[3]!), Number(m[2]), Number(m[5]), Number(m[6]), Number(m[7]));
  m = RFC850.exec(text);
  if (m && Number.isFinite(referenceMs)) {
    const year = fullYear(Number(m[4]), referenceMs);
    return utc(year, monthIndex(m[3]!), Number(m[2]), Number(m[5]), Number(m[6]), Number(m[7]));
  }
  m = ASCTIME.exec(text);
  if (m) return utc(Number(m[7]), monthIndex(m[2]!), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  return null;
}

/**
 * Compares a server time stamp with the midpoint of the local round trip. The stamp was taken somewhere in
 * [stamp, stamp + resolution): use its middle. Uncertainty: half the round trip plus half the resolution.
 */
function compare(
  serverMs: number | null,
  resolutionMs: number,
  sentMs: number,
  receivedMs: number,
  basis: ClockEstimate['basis'],
): ClockEstimate | null {
  if (serverMs === null || serverMs < EARLIEST_SERVER_MS || serverMs >= LATEST_SERVER_MS) return null;
  if (!Number.isFinite(sentMs) || !Number.isFinite(receivedMs) || receivedMs < sentMs) return null;
  const roundTripMs = receivedMs - sentMs;
  return {
    skewMs: sentMs + roundTripMs / 2 - (serverMs + resolutionMs / 2),
    uncertaintyMs: roundTripMs / 2 + resolutionMs / 2,
    basis,
  };
}

/**
 * The local clock's skew from an HTTP response's Date header (1 s resolution), given when the request started and
 * the response began, on the local clock. Null for a missing, garbage or absurd header (a server date outside
 * 2020-2099), or a round trip that ends before it starts.
 */
export function estimateClockSkew(input: {
  dateHeader: string;
  requestStartMs: number;
  responseStartMs: number;
}): ClockEstimate | null {
  const serverMs = parseHttpDate(input.dateHeader, input.responseStartMs);
  return compare(serverMs, 1000, input.requestStartMs, input.responseStartMs, 'http-date');
}

/**
 * The local clock's skew from a probe report's probedAt (ISO, the probe's clock), given when the request to the probe
 * was sent and its answer received, on the local clock. The resolution follows probedAt's fractional digits (none:
 * 1 s). Only meaningful for a fresh answer: a cached report's probedAt is older than the round trip.
 */
export function skewFromProbe(
  probedAtIso: string,
  receivedAtMs: number,
  sentAtMs: number,
): ClockEstimate | null {
  const fraction = /\.(\d+)/.exec(probedAtIso)?.[1]?.length ?? 0;
  const resolutionMs = Math.max(1, 1000 / 10 ** fraction);
  return compare(parseInstant(probedAtIso), resolutionMs, sentAtMs, receivedAtMs, 'probe');
}

/** `now` corrected by the estimate: the server's idea of now. `now` itself without an estimate. */
export function correctedNow(now: number, estimate: ClockEstimate | null): number {
  return estimate ? now - estimate.skewMs : now;
}

/** Clock differences up to this are not worth mentioning (Chromium uses the same tolerance). */
export const CLOCK_TOLERANCE_MS = 5 * 60_000;

/** Whether the clock is off by more than `thresholdMs` even at the edge of the estimate's uncertainty. */
export function isClockOff(estimate: ClockEstimate, thresholdMs = CLOCK_TOLERANCE_MS): boolean {
  return Math.abs(estimate.skewMs) - estimate.uncertaintyMs > thresholdMs;
}

function validAt(cert: Validity, at: number): boolean | null {
  const notBefore = parseInstant(cert.notBefore);
  const notAfter = parseInstant(cert.notAfter);
  if (notBefore === null || notAfter === null) return null;
  return notBefore <= at && at < notAfter;
}

/**
 * Whether the local clock, not the site, is to blame. True only when the skew is beyond the threshold even at the
 * edge of its uncertainty (|skew| - uncertainty > threshold) and, when a certificate is given, the certificate is
 * valid at the corrected time (now - skew) but not at `now`. Without a certificate the skew alone decides: the
 * clock is wrong whatever the site serves. False without an estimate, or for a certificate with invalid dates.
 */
export function isLocalClockWrong(
  cert: Validity | null,
  now: number,
  estimate: ClockEstimate | null,
  thresholdMs = CLOCK_TOLERANCE_MS,
): boolean {
  if (!estimate || !isClockOff(estimate, thresholdMs)) return false;
  if (!cert) return true;
  return validAt(cert, correctedNow(now, estimate)) === true && validAt(cert, now) === false;
}

/**
 * The estimate in words: "your clock is 3 hours 12 minutes ahead", "your clock is 2 days behind" (the skew rounded
 * to the nearest smaller unit shown, as every clock sentence says it), or, when the skew is within its uncertainty,
 * "your clock agrees with the server's to within 1 second".
 */
export function describeSkew(estimate: ClockEstimate): string {
  const abs = Math.abs(estimate.skewMs);
  if (abs <= estimate.uncertaintyMs) {
    const other = estimate.basis === 'probe' ? "the probe's" : "the server's";
    return `your clock agrees with ${other} to within ${formatSkewBound(estimate.uncertaintyMs)}`;
  }
  return `your clock is ${formatSkew(abs)} ${estimate.skewMs > 0 ? 'ahead' : 'behind'}`;
}
