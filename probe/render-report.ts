import type { Cause } from '../core/causes';
import { explain } from '../core/explain';
import { formatDate, formatRelative } from '../core/format';
import type { AddressReport, ChainEntry, InspectReport } from '../core/probe-report';
import { printable } from './printable';

const STATUS_WORDS: Record<InspectReport['summary']['status'], string> = {
  ok: 'OK',
  renewal_due: 'OK, renewal due',
  warn: 'WARNING, expires soon',
  critical: 'CRITICAL, expires very soon',
  expired: 'EXPIRED',
  not_yet_valid: 'NOT YET VALID',
  error: 'FAILING',
};

function name(cert: ChainEntry): string {
  return printable(cert.commonName?.trim() ? cert.commonName : cert.subject);
}

function days(n: number): string {
  const rounded = Math.abs(n) < 10 ? n.toFixed(1) : String(Math.trunc(n));
  return `${rounded} day${rounded === '1.0' || rounded === '1' ? '' : 's'}`;
}

function headline(report: InspectReport, now: number): string[] {
  const { status, earliestExpiry } = report.summary;
  const lines = [`${report.target.host}:${report.target.port}  ${STATUS_WORDS[status]}`];
  if (earliestExpiry) {
    const at = Date.parse(earliestExpiry.notAfter);
    const which = earliestExpiry.depth === 0 ? 'certificate' : `certificate at depth ${earliestExpiry.depth}`;
    const left = earliestExpiry.daysLeft < 0 ? 'Expired' : `${days(earliestExpiry.daysLeft)} left`;
    const verb = earliestExpiry.daysLeft < 0 ? 'expired' : 'expires';
    lines.push(`  ${left}: the ${which} ${verb} ${formatRelative(at, now)}, on ${formatDate(at)}`);
  }
  return lines;
}

function addressLine(a: AddressReport): string {
  if (!a.ok) return `  ${a.ip}  ${a.error?.code ?? 'FAILED'}: ${a.error?.message ?? ''}`;
  const parts = [
    a.tls?.protocol ?? '?',
    a.verification.trusted
      ? 'trusted'
      : `NOT trusted (${a.verification.cause ?? a.verification.rawError ?? 'unknown'})`,
    `leaf ${a.chain[0]?.fingerprintSha256.slice(0, 23) ?? '-'}…`,
    a.ocsp.stapled ? 'OCSP stapled' : 'no OCSP staple',
    a.clockSkewSeconds === null
      ? 'no HTTP Date'
      : `server clock ${a.clockSkewSeconds >= 0 ? '+' : ''}${a.clockSkewSeconds} s`,
    `${a.timings.totalMs} ms`,
  ];
  return `  ${a.ip}  ${parts.join(', ')}`;
}

function chainLines(a: AddressReport): string[] {
  return a.chain.map((cert, depth) => {
    const at = Date.parse(cert.notAfter);
    const when = Number.isNaN(at)
      ? 'invalid dates'
      : `until ${formatDate(at)} (${days(cert.daysLeft)} left of ${days(cert.lifetimeDays)})`;
    return `  ${depth}  ${name(cert)}  ${when}  ${cert.level}`;
  });
}

function differences(report: InspectReport): string[] {
  if (report.summary.consistent || report.addresses.length < 2) return [];
  return [
    'Per-address differences:',
    ...report.addresses.map((a) => {
      const leaf = a.chain[0];
      const what = leaf
        ? `serves ${name(leaf)} until ${formatDate(Date.parse(leaf.notAfter))}`
        : 'serves no certificate';
      return `  ${a.ip}  ${what}; ${a.ok ? (a.verification.trusted ? 'trusted' : `fails: ${a.verification.cause ?? a.verification.rawError}`) : `fails: ${a.error?.code}`}`;
    }),
    '',
  ];
}

function causeLines(report: InspectReport, now: number): string[] {
  const first = report.addresses.find((a) => a.chain.length > 0);
  return report.summary.causes.flatMap(({ cause, detail, addresses }) => {
    const holder = report.addresses.find((a) => addresses.includes(a.ip)) ?? first;
    const e = explain({ host: report.target.host, now, causes: [cause as Cause], chain: holder?.chain });
    const where = addresses.length > 0 ? ` (${addresses.join(', ')})` : '';
    return [
      `* ${e.title}${where}`,
      `  ${printable(detail, 2000)}`,
      ...e.reasons.slice(0, 3).map((r) => `  - likely: ${r}`),
      ...e.ownerActions.map((r) => `  > fix: ${r}`),
      '',
    ];
  });
}

/** The report as a sysadmin reads it in a terminal. Certificate text is escaped for the terminal. */
export function renderReport(report: InspectReport, now: number): string {
  const shown = report.addresses.find((a) => a.chain.length > 0);
  const lines = [
    ...headline(report, now),
    '',
    `Addresses (${report.addresses.length})${report.addresses.length > 1 ? (report.summary.consistent ? ', all alike' : ', they DIFFER') : ''}:`,
    ...(report.addresses.length > 0 ? report.addresses.map(addressLine) : ['  none']),
    '',
  ];
  if (shown) lines.push(`Chain served by ${shown.ip} (leaf first):`, ...chainLines(shown), '');
  lines.push(...differences(report));
  if (report.summary.causes.length > 0) lines.push('Problems:', ...causeLines(report, now));
  else lines.push('No problems found.', '');
  return lines.join('\n');
}
