import { DAY_MS } from './format';
import { LEVELS, type Level } from './types';

/**
 * Expiry levels judged against each certificate's own lifetime.
 *
 * With R = notAfter - now and L = notAfter - notBefore, checked in this order:
 * not_yet_valid when now < notBefore; expired when R <= 0; critical when R <= min(L/12, 7 days);
 * warn when R <= min(L/6, 30 days); renewal_due when R <= L/3 (L/2 when L < 10 days, as ACME clients do); else ok.
 */

/** The validity window of a certificate, as ISO 8601 instants. Untrusted text. */
export interface Validity {
  notBefore: string;
  notAfter: string;
}

/** A certificate as the chain evaluation needs it. */
export interface ChainCert extends Validity {
  subject?: string;
}

/** How one certificate stands at `now`. */
export interface CertificateStatus {
  level: Level;
  /** notAfter - now, in ms. Negative once expired. 0 when the dates are invalid. */
  remainingMs: number;
  /** notAfter - notBefore, in ms. 0 when the dates are invalid. */
  lifetimeMs: number;
  /** remainingMs in days, fractional. */
  daysLeft: number;
  /**
   * The validity dates cannot be parsed, or notAfter is before notBefore. Such a certificate is valid at no
   * instant and every TLS stack rejects it, so its level is 'expired': it needs reissuing, like an expired one.
   */
  invalidDates: boolean;
}

/** How a whole chain stands at `now`. */
export interface ChainStatus {
  /** Depth (0 = leaf) of the earliest-expiring certificate; a certificate with invalid dates counts as earliest. */
  depth: number;
  /** The earliest-expiring certificate's own level. */
  level: Level;
  /** The earliest-expiring certificate's full status. */
  status: CertificateStatus;
  /** Its subject when given. Untrusted text. */
  subject: string | null;
  /** Its notAfter, verbatim. */
  notAfter: string;
  /**
   * The chain's level: the most severe level of any certificate (see LEVEL_SEVERITY). A not-yet-valid certificate
   * anywhere makes it not_yet_valid; an expired one makes it at least expired (and is always the earliest-expiring).
   */
  worstLevel: Level;
  /** Depth of the shallowest certificate at worstLevel. */
  worstDepth: number;
  /** Whether any certificate of the chain has invalid dates. */
  invalidDates: boolean;
}

/**
 * Severity of each level, higher is worse: ok 0, renewal_due 1, warn 2, critical 3, expired 4, not_yet_valid 5.
 * not_yet_valid ranks above expired: a certificate that is not valid yet makes the whole chain fail whatever the
 * others' dates, and it usually points at a clock (the local one or the issuer's), which is the first thing to check.
 */
export const LEVEL_SEVERITY: Readonly<Record<Level, number>> = Object.fromEntries(
  LEVELS.map((level, index) => [level, index]),
) as Record<Level, number>;

const ISO_INSTANT =
  /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/i;

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/**
 * Parses an ISO 8601 instant with an explicit offset ("2026-06-14T10:32:00.000Z"), as ms since the epoch.
 * Dates without an offset (which Date.parse would read as local time), impossible calendar dates (30 February,
 * 24:00) and anything else give null.
 */
export function parseInstant(value: string): number | null {
  const parts = ISO_INSTANT.exec(value);
  if (!parts) return null;
  const [y, mo, d, h, mi, s = 0, oh = 0, om = 0] = parts
    .slice(1)
    .map((p) => (p === undefined ? undefined : Number(p)));
  if (y === undefined || mo === undefined || d === undefined || h === undefined || mi === undefined)
    return null;
  if (d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59 || oh > 23 || om > 59) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

function levelFor(remainingMs: number, lifetimeMs: number): Level {
  if (remainingMs <= 0) return 'expired';
  if (remainingMs <= Math.min(lifetimeMs / 12, 7 * DAY_MS)) return 'critical';
  if (remainingMs <= Math.min(lifetimeMs / 6, 30 * DAY_MS)) return 'warn';
  if (remainingMs <= (lifetimeMs < 10 * DAY_MS ? lifetimeMs / 2 : lifetimeMs / 3)) return 'renewal_due';
  return 'ok';
}

/**
 * The expiry level of one certificate at `now` (ms). Never throws: unparseable or inverted dates (and a non-finite
 * `now`) give 'expired' with invalidDates set.
 */
export function certificateLevel(cert: Validity, now: number): CertificateStatus {
  const notBefore = parseInstant(cert.notBefore);
  const notAfter = parseInstant(cert.notAfter);
  if (notBefore === null || notAfter === null || notAfter < notBefore || !Number.isFinite(now)) {
    return { level: 'expired', remainingMs: 0, lifetimeMs: 0, daysLeft: 0, invalidDates: true };
  }
  const remainingMs = notAfter - now;
  const lifetimeMs = notAfter - notBefore;
  const level = now < notBefore ? 'not_yet_valid' : levelFor(remainingMs, lifetimeMs);
  return { level, remainingMs, lifetimeMs, daysLeft: remainingMs / DAY_MS, invalidDates: false };
}

/** Sort key for "earliest-expiring": invalid dates first, then by notAfter. */
function expiryKey(cert: ChainCert, status: CertificateStatus): number {
  return status.invalidDates
    ? Number.NEGATIVE_INFINITY
    : (parseInstant(cert.notAfter) ?? Number.NEGATIVE_INFINITY);
}

/**
 * The status of a chain (leaf first) at `now`: its earliest-expiring certificate with depth and level, and the
 * worst level of any certificate. On a tie the shallower certificate wins. Null for an empty chain.
 */
export function chainStatus(chain: readonly ChainCert[], now: number): ChainStatus | null {
  const statuses = chain.map((cert) => certificateLevel(cert, now));
  const keys = chain.map((cert, depth) => expiryKey(cert, statuses[depth]!));
  const depths = chain.map((_, depth) => depth);
  const earliest = depths.reduce((best, depth) => (keys[depth]! < keys[best]! ? depth : best), 0);
  const worst = depths.reduce(
    (best, depth) =>
      LEVEL_SEVERITY[statuses[depth]!.level] > LEVEL_SEVERITY[statuses[best]!.level] ? depth : best,
    0,
  );
  const cert = chain[earliest];
  const status = statuses[earliest];
  const worstStatus = statuses[worst];
  if (!cert || !status || !worstStatus) return null;
  return {
    depth: earliest,
    level: status.level,
    status,
    subject: cert.subject ?? null,
    notAfter: cert.notAfter,
    worstLevel: worstStatus.level,
    worstDepth: worst,
    invalidDates: statuses.some((s) => s.invalidDates),
  };
}
