import type { BadgeInput, CertLike } from './badge';
import type { Cause } from './causes';
import type { AddressReport, InspectReport } from './probe-report';
import type { TabRecord } from './tab-record';
import { narrowCauses as settleCauses } from './explain/narrow';
import type { CertSummary, OverridableErrorCategory } from './types';

/** What a click-through override's category can mean: the browser does not say more. */
export const OVERRIDE_CAUSES: Readonly<Record<OverridableErrorCategory, readonly Cause[]>> = {
  trust_error: ['unknown_issuer', 'self_signed', 'untrusted_root', 'incomplete_chain'],
  domain_mismatch: ['hostname_mismatch'],
  expired_or_not_yet_valid: ['expired', 'not_yet_valid', 'issuer_expired'],
};

/** The probe address that speaks for the browser's connection: the same IP, else the first that answered. */
export function probeAddressFor(
  report: InspectReport,
  serverIp: string | null | undefined,
): AddressReport | undefined {
  return (
    (serverIp ? report.addresses.find((a) => a.ip === serverIp && a.chain.length > 0) : undefined) ??
    report.addresses.find((a) => a.chain.length > 0)
  );
}

/**
 * Narrows ambiguous causes (Chromium's ERR_CERT_DATE_INVALID is four) with what the probe found for the same host.
 * Keeps the candidates when the probe found none of them: it never swaps in a cause the browser did not report.
 */
export function narrowCauses(candidates: readonly Cause[], report: InspectReport | undefined): Cause[] {
  if (!report || candidates.length <= 1) return [...candidates];
  const found = new Set<Cause>(report.summary.causes.map((c) => c.cause));
  for (const a of report.addresses) if (a.verification.cause) found.add(a.verification.cause);
  const both = candidates.filter((c) => found.has(c));
  return both.length > 0 ? both : [...candidates];
}

/**
 * The badge input for a tab showing `url`, from the record stored for it (undefined: nothing known yet). With `now`,
 * a failure's causes are also settled by the chain and the local clock, as the popup's explanation settles them, so
 * the tooltip and the popup name the same cause.
 */
export function badgeInputFor(record: TabRecord | undefined, url: string, now?: number): BadgeInput {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'http' };
  }
  if (parsed.protocol !== 'https:') return { kind: 'http' };
  const host = parsed.hostname;
  if (!record) return { kind: 'unknown', host };
  const report = record.probe?.report;
  const probeChain: readonly CertLike[] | undefined = report
    ? probeAddressFor(report, record.observation?.serverIp ?? record.serverIp)?.chain
    : undefined;

  /** A failure's causes, narrowed by the probe's report and, at `now`, settled against the chain and the clock. */
  const failure = (raw: readonly Cause[], chain: readonly CertLike[] | undefined): BadgeInput => {
    let causes = narrowCauses(raw, report);
    if (now !== undefined) {
      causes = settleCauses({
        host,
        now,
        causes,
        ...(chain ? { chain: chain as CertSummary[] } : {}),
        clock: record.clock ?? null,
      }).causes;
    }
    return { kind: 'failure', host, causes, ...(chain ? { chain } : {}) };
  };

  if (record.failure) return failure(record.failure.mapped.causes, probeChain);
  const obs = record.observation;
  if (obs) {
    const category = obs.overriddenErrorCategory;
    if (category || record.overridden) {
      return failure(
        category ? OVERRIDE_CAUSES[category] : [],
        obs.chain.length > 0 ? obs.chain : probeChain,
      );
    }
    if (obs.chain.length > 0) return { kind: 'chain', host, chain: obs.chain };
  }
  if (probeChain && probeChain.length > 0) return { kind: 'chain', host, chain: probeChain };
  return { kind: 'unknown', host };
}
