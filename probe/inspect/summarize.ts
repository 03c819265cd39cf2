import type { Cause } from '../../core/causes';
import { chainStatus, LEVEL_SEVERITY } from '../../core/expiry';
import { explain } from '../../core/explain';
import type { InspectReport } from '../../core/probe-report';
import type { Level } from '../../core/types';
import type { Target } from '../target';
import type { AddressInspection } from './inspect-address';

type Summary = InspectReport['summary'];

/** Causes that are about reaching the server, not about its certificate: their detail is the probe's own message. */
const NETWORK_CAUSES: ReadonlySet<Cause> = new Set([
  'connection_failed',
  'handshake_failure',
  'timeout',
  'protocol_mismatch',
]);

/** The earliest-expiring certificate over every address's chain, by the core's chain status. */
function earliestExpiry(inspections: readonly AddressInspection[], now: number): Summary['earliestExpiry'] {
  let best: Summary['earliestExpiry'] = null;
  let bestMs = Number.POSITIVE_INFINITY;
  for (const { chain } of inspections) {
    const status = chainStatus(chain, now);
    if (!status) continue;
    const ms = Date.parse(status.notAfter);
    if (!(ms < bestMs) && best !== null) continue;
    bestMs = Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
    best = {
      notAfter: Number.isNaN(ms) ? new Date(now).toISOString() : status.notAfter,
      daysLeft: Math.round(status.status.daysLeft * 1000) / 1000,
      depth: status.depth,
      subject: status.subject ?? '',
    };
  }
  return best;
}

function leafOf(inspection: AddressInspection): string | null {
  return inspection.chain[0]?.fingerprintSha256 ?? null;
}

/** Whether every address gave the same answer: same leaf, same verdict. */
function isConsistent(inspections: readonly AddressInspection[]): boolean {
  const outcomes = new Set(
    inspections.map(
      (i) => `${leafOf(i)}|${i.report.ok}|${i.report.verification.cause}|${i.report.verification.trusted}`,
    ),
  );
  return outcomes.size <= 1;
}

/** Addresses that served a certificate disagree on which, or on whether it verifies. */
function backendsDiffer(inspections: readonly AddressInspection[]): boolean {
  const served = inspections.filter((i) => leafOf(i) !== null);
  const leaves = new Set(served.map(leafOf));
  const verdicts = new Set(
    served.map((i) => `${i.report.verification.trusted}|${i.report.verification.cause}`),
  );
  return leaves.size > 1 || verdicts.size > 1;
}

function detailFor(
  cause: Cause,
  target: Target,
  holders: readonly AddressInspection[],
  all: readonly AddressInspection[],
  now: number,
): string {
  const first = holders[0];
  if (NETWORK_CAUSES.has(cause) && first?.failure) {
    return holders
      .map((h) => `${h.report.ip}: ${h.failure?.message ?? h.report.error?.message ?? cause}`)
      .join('; ');
  }
  const finding = first?.findings.find((f) => f.cause === cause);
  const explanation = explain({
    host: target.host,
    now,
    causes: [cause],
    chain: first?.chain,
    depth: finding?.depth ?? undefined,
    clock: cause === 'server_clock_skew' ? first?.clock : undefined,
    addresses: all.map((i) => ({
      ip: i.report.ip,
      fingerprintSha256: leafOf(i) ?? undefined,
      cause: i.report.verification.cause,
    })),
  });
  return explanation.happened.length > 0 ? explanation.happened.join(' ') : explanation.title;
}

/** The overall status: the worst expiry level of any certificate; 'error' when the site fails another way. */
function statusOf(inspections: readonly AddressInspection[], now: number): Summary['status'] {
  const handshaken = inspections.filter((i) => i.chain.length > 0);
  if (handshaken.length === 0) return 'error';
  let worst: Level = 'ok';
  for (const { chain } of handshaken) {
    const status = chainStatus(chain, now);
    if (status && LEVEL_SEVERITY[status.worstLevel] > LEVEL_SEVERITY[worst]) worst = status.worstLevel;
  }
  if (worst === 'expired' || worst === 'not_yet_valid') return worst;
  return inspections.some((i) => !i.report.ok || !i.report.verification.trusted) ? 'error' : worst;
}

/** The report's summary over every inspected address. */
export function summarize(target: Target, inspections: readonly AddressInspection[], now: number): Summary {
  const byCause = new Map<Cause, AddressInspection[]>();
  for (const inspection of inspections) {
    for (const { cause } of inspection.findings)
      byCause.set(cause, [...(byCause.get(cause) ?? []), inspection]);
  }
  const consistent = isConsistent(inspections);
  if (inspections.length > 1 && backendsDiffer(inspections))
    byCause.set('inconsistent_backends', [...inspections]);
  const causes = [...byCause.entries()].map(([cause, holders]) => ({
    cause,
    detail: detailFor(cause, target, holders, inspections, now),
    addresses: holders.map((h) => h.report.ip),
  }));
  return {
    status: statusOf(inspections, now),
    earliestExpiry: earliestExpiry(inspections, now),
    consistent,
    causes,
  };
}
