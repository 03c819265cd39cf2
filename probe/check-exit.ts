import { isFailingStatus, type InspectReport } from '../core/probe-report';

/** Exit codes of `certglance-probe check`, as monitoring plugins use them (Nagios, Icinga, Sensu). */
export const EXIT = { ok: 0, warning: 1, critical: 2, unknown: 3 } as const;

/**
 * critical (2): the site fails (status error, expired, not_yet_valid). warning (1): the earliest expiry is under
 * `warnDays` days, or without a threshold the core's level is warn or critical, or another problem was found
 * (server clock, backends that disagree). ok (0) otherwise, renewal_due included.
 */
export function exitCodeFor(report: InspectReport, warnDays: number | null): number {
  const { status, earliestExpiry, causes } = report.summary;
  if (isFailingStatus(status)) return EXIT.critical;
  if (warnDays !== null && earliestExpiry !== null && earliestExpiry.daysLeft < warnDays) return EXIT.warning;
  if (warnDays === null && (status === 'warn' || status === 'critical')) return EXIT.warning;
  if (causes.length > 0) return EXIT.warning;
  return EXIT.ok;
}
