import type { Cause } from '../causes';
import { describeSkew, isLocalClockWrong } from '../clock';
import type { CrossCheck } from '../cross-check';
import { explain, type AddressFinding, type Explanation } from '../explain';
import { capitalise } from '../explain/text';
import type { InspectReport } from '../probe-report';
import type { CertSummary, ClockEstimate, MappedError } from '../types';
import { displayText } from './labels';
import type { ClockView } from './types';

/** Causes whose explanation already weighs the local clock. */
const DATE_CAUSES: ReadonlySet<Cause> = new Set([
  'expired',
  'not_yet_valid',
  'issuer_expired',
  'local_clock_wrong',
]);

/** Cross-check findings serious enough to be explained on their own. */
const EXPLAINED_FINDINGS: readonly Cause[] = ['interception_suspected', 'inconsistent_backends'];

/** What the failure explanations are made from. */
export interface ExplanationsInput {
  host: string;
  now: number;
  /** The failure's causes; null when the page did not fail. */
  causes: readonly Cause[] | null;
  mapped: MappedError | null;
  overridden: boolean;
  chain: readonly CertSummary[];
  clock: ClockEstimate | null;
  report: InspectReport | null;
  check: CrossCheck | null;
}

function addressFindings(
  report: InspectReport | null,
  check: CrossCheck | null,
): AddressFinding[] | undefined {
  if (check) {
    return check.perAddress.map((a) => ({
      ip: a.ip,
      ...(a.fingerprintSha256 ? { fingerprintSha256: a.fingerprintSha256 } : {}),
      cause: a.cause,
    }));
  }
  return report?.addresses.map((a) => ({
    ip: a.ip,
    ...(a.chain[0] ? { fingerprintSha256: a.chain[0].fingerprintSha256 } : {}),
    cause: a.verification.cause,
  }));
}

/**
 * The server's Date header is off from the local clock, and the probe puts the fault with the server's clock (its
 * cross-check, or its own connection's Date against its clock): then the header is no evidence against the local clock.
 */
function serverClockOff(
  clock: ClockEstimate | null,
  check: CrossCheck | null,
  report: InspectReport | null,
  now: number,
): boolean {
  const probeBlamesServer =
    check?.findings.some((f) => f.cause === 'server_clock_skew') === true ||
    report?.summary.causes.some((c) => c.cause === 'server_clock_skew') === true;
  return clock?.basis === 'http-date' && isLocalClockWrong(null, now, clock) && probeBlamesServer;
}

/**
 * Whether the local clock is known to be wrong: by the cross-check with the probe, or by a fresh probe answer's clock.
 * One server's Date header against this computer's clock is not enough: either clock may be the wrong one.
 */
export function localClockWrong(clock: ClockEstimate | null, check: CrossCheck | null, now: number): boolean {
  if (check?.clock.localClockWrong) return true;
  return clock !== null && clock.basis === 'probe' && isLocalClockWrong(null, now, clock);
}

/** The local clock in words, when it was compared with a server or the probe. */
export function clockView(
  clock: ClockEstimate | null,
  check: CrossCheck | null,
  now: number,
  report: InspectReport | null = null,
): ClockView | null {
  const wrong = localClockWrong(clock, check, now);
  if (clock) {
    const basis = clock.basis === 'probe' ? 'the certglance probe' : "the server's HTTP Date header";
    let text = `${capitalise(describeSkew(clock))} (compared with ${basis}).`;
    if (!wrong && clock.basis === 'http-date' && isLocalClockWrong(null, now, clock)) {
      text += serverClockOff(clock, check, report, now)
        ? " The probe's own connection shows the server's clock is the wrong one."
        : ' One of the two clocks is wrong: the certglance probe, or checking this computer against a time ' +
          'source, would tell which.';
    }
    return { wrong, text };
  }
  const finding = check?.findings.find((f) => f.cause === 'local_clock_wrong');
  return finding ? { wrong: true, text: displayText(finding.detail, 600) } : null;
}

/**
 * The explanations to show, most important first: the failure (an overridden warning counts as one), a wrong local
 * clock when the failure's own explanation does not already weigh it, and what the cross-check with the probe found
 * (interception, backends that disagree). All written by core/explain.
 */
export function explanations(input: ExplanationsInput): Explanation[] {
  const { host, now, chain, clock, report, check } = input;
  const addresses = addressFindings(report, check);
  const base = {
    host,
    now,
    ...(chain.length > 0 ? { chain } : {}),
    clock,
    ...(addresses ? { addresses } : {}),
  };
  const out: Explanation[] = [];
  if (input.causes) {
    out.push(
      explain({
        ...base,
        causes: input.causes,
        ...(input.mapped?.depth !== undefined ? { depth: input.mapped.depth } : {}),
        ...(input.mapped ? { raw: input.mapped.raw } : {}),
        overridden: input.overridden,
      }),
    );
  }
  const weighed =
    input.causes !== null && input.causes.length > 0 && input.causes.every((c) => DATE_CAUSES.has(c));
  if (localClockWrong(clock, check, now) && !weighed && out[0]?.cause !== 'local_clock_wrong') {
    // Without a failure the chain is valid at this computer's time: only the clock is worth explaining.
    const { chain: _chain, ...clockOnly } = base;
    out.push(explain({ ...(input.causes ? base : clockOnly), causes: ['local_clock_wrong'] }));
  }
  // The server's clock, not this one: said plainly, since the clock notice compares with the server's Date header.
  if (serverClockOff(clock, check, report, now))
    out.push(explain({ ...base, causes: ['server_clock_skew'] }));
  for (const cause of EXPLAINED_FINDINGS) {
    if (check?.findings.some((f) => f.cause === cause) && !out.some((e) => e.cause === cause)) {
      out.push(explain({ ...base, causes: [cause] }));
    }
  }
  return out;
}
