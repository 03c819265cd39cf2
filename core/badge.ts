import type { Cause } from './causes';
import { chainStatus, parseInstant, type ChainCert, type ChainStatus } from './expiry';
import { DAY_MS, formatDate, formatDay, formatDuration, formatRelative, HOUR_MS } from './format';
import type { Level } from './types';

/** A certificate as the badge needs it. */
export type CertLike = ChainCert;

/** What the toolbar badge is computed from. */
export type BadgeInput =
  /** A plain HTTP page: no certificate. */
  | { kind: 'http' }
  /** A secure page and the chain it was served with, leaf first. */
  | { kind: 'chain'; host: string; chain: readonly CertLike[] }
  /** A certificate or connection failure, including a page the user clicked through: never shown as fine. */
  | { kind: 'failure'; host: string; causes: readonly Cause[]; chain?: readonly CertLike[] }
  /** An HTTPS page without certificate data (a cached page, Chromium without the probe). */
  | { kind: 'unknown'; host: string };

export type BadgeLevel = Level | 'failure' | 'none' | 'unknown';

export interface Badge {
  /** At most 4 characters: "23d", "5h", "<1h", "2y", ">99y", "EXP", "!" or empty. */
  text: string;
  /** Background colour, #RRGGBB, from LEVEL_COLORS. */
  color: string;
  level: BadgeLevel;
  /** One sentence. Contains the host verbatim: render it as text. */
  tooltip: string;
}

/**
 * Badge background per level. Every colour gives white badge text a contrast ratio of at least 4.4:1 (WCAG 2):
 * ok green #2E7D32 (5.1), renewal_due blue #1565C0 (5.8), warn dark amber #9A6700 (4.9), critical orange-red
 * #D84315 (4.4), expired and failure red #B71C1C (6.6), not_yet_valid purple #6A1B9A (9.4), none and unknown grey
 * #5F6368 (6.1). Blue rather than teal for renewal_due keeps it apart from green for red-green colour blindness.
 */
export const LEVEL_COLORS: Readonly<Record<BadgeLevel, string>> = {
  ok: '#2E7D32',
  renewal_due: '#1565C0',
  warn: '#9A6700',
  critical: '#D84315',
  expired: '#B71C1C',
  not_yet_valid: '#6A1B9A',
  failure: '#B71C1C',
  none: '#5F6368',
  unknown: '#5F6368',
};

const CAUSE_LABELS: Readonly<Record<Cause, string>> = {
  expired: 'expired',
  not_yet_valid: 'not yet valid',
  issuer_expired: 'issuer expired',
  hostname_mismatch: 'hostname mismatch',
  self_signed: 'self-signed',
  unknown_issuer: 'unknown issuer',
  incomplete_chain: 'incomplete chain',
  untrusted_root: 'untrusted root',
  revoked: 'revoked',
  weak_signature: 'weak signature',
  weak_key: 'weak key',
  validity_too_long: 'validity too long',
  ct_required: 'certificate transparency required',
  pinning_failure: 'key pinning failure',
  protocol_mismatch: 'no common TLS version or cipher',
  handshake_failure: 'handshake failure',
  local_clock_wrong: 'your clock is wrong',
  server_clock_skew: "server's clock is off",
  inconsistent_backends: 'servers disagree',
  interception_suspected: 'interception suspected',
  connection_failed: 'connection failed',
  dns_failure: 'name not found',
  timeout: 'timed out',
};

const CONNECTION_CAUSES: ReadonlySet<Cause> = new Set<Cause>([
  'protocol_mismatch',
  'handshake_failure',
  'connection_failed',
  'dns_failure',
  'timeout',
]);

const ADVICE: Readonly<Record<Level, string>> = {
  ok: '',
  renewal_due: '; renewal due',
  warn: '; renew soon',
  critical: '; renew now',
  expired: '',
  not_yet_valid: '',
};

/**
 * Time left in at most 4 characters, floored: "398d" from 1 day, "5h" from 1 hour, "<1h" below; "2y" (365-day
 * years) from 1000 days, where "1000d" would not fit; ">99y" from 100 years (notAfter 9999-12-31).
 */
export function remainingText(remainingMs: number): string {
  const days = Math.floor(remainingMs / DAY_MS);
  if (days >= 100 * 365) return '>99y';
  if (days >= 1000) return `${Math.floor(days / 365)}y`;
  if (days >= 1) return `${days}d`;
  if (remainingMs >= HOUR_MS) return `${Math.floor(remainingMs / HOUR_MS)}h`;
  return '<1h';
}

function who(depth: number): string {
  return depth === 0 ? 'certificate' : `CA certificate at depth ${depth}`;
}

function when(ms: number, now: number): string {
  return Math.abs(ms - now) < 2 * DAY_MS ? formatDate(ms) : formatDay(ms);
}

function expiredClause(status: ChainStatus, now: number): string {
  if (status.status.invalidDates) return `${who(status.depth)} has invalid validity dates`;
  const notAfter = parseInstant(status.notAfter) ?? now;
  const ago = now - notAfter < 1000 ? 'just now' : formatRelative(notAfter, now);
  return `${who(status.depth)} expired ${ago} (${formatDate(notAfter)})`;
}

function notYetValidClause(chain: readonly CertLike[], status: ChainStatus, now: number): string {
  const notBefore = parseInstant(chain[status.worstDepth]?.notBefore ?? '') ?? now;
  return `${who(status.worstDepth)} is not valid until ${formatDate(notBefore)} (${formatRelative(notBefore, now)})`;
}

function validClause(chain: readonly CertLike[], status: ChainStatus, now: number): string {
  const more = formatDuration(status.status.remainingMs).replace(' ', ' more ');
  const notAfter = parseInstant(status.notAfter) ?? now;
  let clause = `${who(status.depth)} valid for ${more} (until ${when(notAfter, now)})`;
  const worst = chain[status.worstDepth];
  if (status.worstDepth !== status.depth && worst) {
    const worstEnd = parseInstant(worst.notAfter) ?? now;
    clause += `; ${who(status.worstDepth)} expires ${formatRelative(worstEnd, now)} (${when(worstEnd, now)})`;
  }
  return clause + ADVICE[status.worstLevel];
}

function chainSentence(host: string, chain: readonly CertLike[], status: ChainStatus, now: number): string {
  const clauses: string[] = [];
  if (status.level === 'expired') clauses.push(expiredClause(status, now));
  if (status.worstLevel === 'not_yet_valid') clauses.push(notYetValidClause(chain, status, now));
  if (clauses.length === 0) clauses.push(validClause(chain, status, now));
  return `${host}: ${clauses.join('; ')}.`;
}

function chainBadge(host: string, chain: readonly CertLike[], now: number): Badge {
  const status = chainStatus(chain, now);
  if (!status) return unknownBadge(host);
  const level = status.worstLevel;
  const expired = status.level === 'expired' && !status.status.invalidDates;
  const failing = status.level === 'expired' || level === 'not_yet_valid';
  const text = expired ? 'EXP' : failing ? '!' : remainingText(status.status.remainingMs);
  return { text, color: LEVEL_COLORS[level], level, tooltip: chainSentence(host, chain, status, now) };
}

function failureBadge(
  host: string,
  causes: readonly Cause[],
  chain: readonly CertLike[],
  now: number,
): Badge {
  const unique = [...new Set(causes)];
  if (unique.length === 1 && unique[0] === 'local_clock_wrong') {
    // Never blame the site for this computer's clock: no "EXP", even if the chain looks expired at the local time.
    const tooltip = `${host}: this computer's clock looks wrong; the certificate is valid at the right time.`;
    return { text: '!', color: LEVEL_COLORS.failure, level: 'failure', tooltip };
  }
  const status = chainStatus(chain, now);
  const chainExpired = status !== null && status.level === 'expired' && !status.status.invalidDates;
  const onlyExpiry = causes.length > 0 && causes.every((c) => c === 'expired' || c === 'issuer_expired');
  const kind =
    unique.length > 0 && unique.every((c) => CONNECTION_CAUSES.has(c)) ? 'connection' : 'certificate';
  const tooltip =
    status && chainExpired
      ? `${host}: ${expiredClause(status, now)}.`
      : unique.length === 0
        ? `${host}: secure connection failed.`
        : `${host}: ${kind} error (${unique.map((c) => CAUSE_LABELS[c]).join(', ')}).`;
  return {
    text: chainExpired || onlyExpiry ? 'EXP' : '!',
    color: LEVEL_COLORS.failure,
    level: 'failure',
    tooltip,
  };
}

function unknownBadge(host: string): Badge {
  const tooltip = `${host}: no certificate details for this page.`;
  return { text: '', color: LEVEL_COLORS.unknown, level: 'unknown', tooltip };
}

/**
 * The toolbar badge for a tab at `now` (ms). Text and colour follow the chain's worst level; the days shown are the
 * earliest-expiring certificate's. A failure always shows "EXP" or "!", never the days left. An HTTPS page without
 * data gets an empty grey badge: a permanent "?" would teach users to ignore the badge.
 */
export function badgeFor(input: BadgeInput, now: number): Badge {
  switch (input.kind) {
    case 'http':
      return {
        text: '',
        color: LEVEL_COLORS.none,
        level: 'none',
        tooltip: 'This page is not served over HTTPS.',
      };
    case 'chain':
      return chainBadge(input.host, input.chain, now);
    case 'failure':
      return failureBadge(input.host, input.causes, input.chain ?? [], now);
    case 'unknown':
      return unknownBadge(input.host);
  }
}
