import { Gauge, Registry } from 'prom-client';
import { isFailingStatus, type InspectReport } from '../core/probe-report';
import { LEVELS } from '../core/types';

const STATUSES = [...LEVELS, 'error'] as const;

/**
 * One target's report as Prometheus metrics, for GET /v1/metrics?host=H&port=P: Prometheus scrapes the probe once per
 * target (the multi-target exporter pattern, as with blackbox_exporter), and the target comes from its labels.
 */
export async function renderTargetMetrics(
  report: InspectReport,
  cached: boolean,
): Promise<{ contentType: string; body: string }> {
  const registry = new Registry();
  const gauge = (name: string, help: string, labelNames: string[] = []) =>
    new Gauge({ name, help, labelNames, registers: [registry] });
  const { summary } = report;

  gauge(
    'certglance_target_ok',
    '1 when the site passes: every certificate valid, trusted and covering the name; 0 when it fails.',
  ).set(isFailingStatus(summary.status) ? 0 : 1);
  const status = gauge(
    'certglance_target_status',
    "1 for the report's status (the lifetime-aware level of the worst certificate, or error), 0 for the others.",
    ['status'],
  );
  for (const s of STATUSES) status.set({ status: s }, s === summary.status ? 1 : 0);
  if (summary.earliestExpiry) {
    gauge(
      'certglance_target_certificate_expiry_timestamp_seconds',
      'When the earliest-expiring certificate of any served chain expires, in seconds since the epoch.',
    ).set(Math.floor(Date.parse(summary.earliestExpiry.notAfter) / 1000));
    gauge(
      'certglance_target_certificate_days_left',
      'Days left on the earliest-expiring certificate (negative once expired).',
    ).set(summary.earliestExpiry.daysLeft);
  }
  const causes = gauge('certglance_target_cause', '1 for each problem found, by cause.', ['cause']);
  for (const c of summary.causes) causes.set({ cause: c.cause }, 1);
  gauge('certglance_target_addresses', 'Addresses the name resolved to and that were inspected.').set(
    report.addresses.length,
  );
  gauge(
    'certglance_target_consistent',
    '1 when every address serves the same leaf with the same verdict.',
  ).set(summary.consistent ? 1 : 0);
  const skew = gauge(
    'certglance_target_server_clock_skew_seconds',
    "Each address's clock (HTTP Date) minus the probe's, in seconds.",
    ['ip'],
  );
  for (const a of report.addresses)
    if (a.clockSkewSeconds !== null) skew.set({ ip: a.ip }, a.clockSkewSeconds);
  gauge('certglance_target_cached', "1 when the report came from the probe's short cache.").set(
    cached ? 1 : 0,
  );
  return { contentType: registry.contentType, body: await registry.metrics() };
}
