import { certificateLevel, chainStatus, parseInstant } from '../expiry';
import { formatDate, formatDuration, formatRelative } from '../format';
import type { CertSummary } from '../types';
import { displayText, keyText, LEVEL_LABELS } from './labels';
import type { CertificateRole, CertificateView, EarliestExpiry } from './types';

const ROLE_LABELS: Readonly<Record<CertificateRole, string>> = {
  leaf: 'Server certificate',
  intermediate: 'Intermediate',
  root: 'Root',
};

function roleOf(cert: CertSummary, depth: number, length: number): CertificateRole {
  if (depth === 0) return 'leaf';
  return cert.selfIssued && depth === length - 1 ? 'root' : 'intermediate';
}

/** Whole days, truncated towards zero, never -0. */
function wholeDays(days: number): number {
  return Math.trunc(days) || 0;
}

function dateText(iso: string): string {
  const ms = parseInstant(iso);
  return ms === null ? `an invalid date (${displayText(iso, 40)})` : formatDate(ms);
}

function timeline(
  cert: CertSummary,
  now: number,
): Pick<CertificateView, 'elapsed' | 'position' | 'remainingText'> {
  const notBefore = parseInstant(cert.notBefore);
  const notAfter = parseInstant(cert.notAfter);
  if (notBefore === null || notAfter === null || notAfter <= notBefore || !Number.isFinite(now)) {
    return { elapsed: null, position: null, remainingText: 'Invalid validity dates: no browser accepts it' };
  }
  const elapsed = Math.min(1, Math.max(0, (now - notBefore) / (notAfter - notBefore)));
  if (now < notBefore) {
    return {
      elapsed,
      position: 'before',
      remainingText: `Not valid until ${formatDate(notBefore)} (${formatRelative(notBefore, now)})`,
    };
  }
  if (now >= notAfter) {
    return {
      elapsed,
      position: 'after',
      remainingText: `Expired ${formatRelative(notAfter, now)}, on ${formatDate(notAfter)}`,
    };
  }
  return {
    elapsed,
    position: 'during',
    remainingText: `${formatDuration(notAfter - now)} left, until ${formatDate(notAfter)}`,
  };
}

/** One certificate of a chain (leaf first, `length` long) as the popup shows it at `now`. */
export function certificateView(
  cert: CertSummary,
  depth: number,
  length: number,
  now: number,
): CertificateView {
  const status = certificateLevel(cert, now);
  const role = roleOf(cert, depth, length);
  return {
    depth,
    role,
    roleLabel: ROLE_LABELS[role],
    name: displayText(cert.commonName?.trim() ? cert.commonName : cert.subject),
    subject: displayText(cert.subject),
    issuer: displayText(cert.issuer),
    sans: cert.sans.map((san) => `${san.type === 'ip' ? 'IP' : 'DNS'}: ${displayText(san.value)}`),
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    notBeforeText: dateText(cert.notBefore),
    notAfterText: dateText(cert.notAfter),
    ...timeline(cert, now),
    daysLeft: wholeDays(status.daysLeft),
    level: status.level,
    levelLabel: LEVEL_LABELS[status.level],
    fingerprintSha256: displayText(cert.fingerprintSha256, 120),
    spkiSha256: displayText(cert.spkiSha256, 120),
    serialNumber: displayText(cert.serialNumber, 120),
    key: keyText(cert.key),
    signatureAlgorithm: displayText(cert.signatureAlgorithm, 80),
  };
}

/** The chain (leaf first) as the popup shows it at `now`. */
export function chainView(chain: readonly CertSummary[], now: number): CertificateView[] {
  return chain.map((cert, depth) => certificateView(cert, depth, chain.length, now));
}

/** The earliest-expiring certificate of the chain at `now` (core/expiry decides which); null for an empty chain. */
export function earliestExpiry(chain: readonly CertSummary[], now: number): EarliestExpiry | null {
  const status = chainStatus(chain, now);
  const cert = status ? chain[status.depth] : undefined;
  if (!status || !cert) return null;
  const view = certificateView(cert, status.depth, chain.length, now);
  const notAfter = parseInstant(status.notAfter);
  const text =
    notAfter === null || status.status.invalidDates
      ? 'has invalid validity dates'
      : notAfter <= now
        ? `expired ${formatRelative(notAfter, now)}, on ${formatDate(notAfter)}`
        : `expires ${formatRelative(notAfter, now)}, on ${formatDate(notAfter)}`;
  return {
    depth: status.depth,
    roleLabel: view.roleLabel,
    name: view.name,
    level: status.level,
    levelLabel: LEVEL_LABELS[status.level],
    daysLeft: view.daysLeft,
    notAfter: status.notAfter,
    notAfterText: view.notAfterText,
    text,
  };
}
