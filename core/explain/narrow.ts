import { DATE_CAUSES, type Cause } from '../causes';
import type { CertSummary } from '../types';
import { clockIsRight } from './clock-facts';
import { validity } from './text';
import type { ExplainInput } from './types';

/** The causes after looking at the chain and the clock, and the failing certificate's depth when found. */
export interface Narrowed {
  causes: Cause[];
  depth?: number;
}

function validAt(cert: CertSummary, t: number): boolean {
  const { notBefore, notAfter } = validity(cert);
  return notBefore !== null && notAfter !== null && notBefore <= t && t < notAfter;
}

/** The first certificate (leaf first) whose dates fail at `t`, and what that failure is called. */
function firstDateFailure(chain: readonly CertSummary[], t: number): { cause: Cause; depth: number } | null {
  for (const [depth, cert] of chain.entries()) {
    const { notBefore, notAfter } = validity(cert);
    if (notAfter !== null && t >= notAfter)
      return { cause: depth === 0 ? 'expired' : 'issuer_expired', depth };
    if (notBefore !== null && t < notBefore) return { cause: 'not_yet_valid', depth };
  }
  return null;
}

function narrowDates(input: ExplainInput, causes: Cause[]): Narrowed {
  const { clock, now } = input;
  const chain = input.chain ?? [];
  // Never blame the site for the local clock: a chain valid at the corrected time but not at the local one.
  if (
    clock &&
    !clockIsRight(clock) &&
    chain.length > 0 &&
    chain.every((c) => validAt(c, now - clock.skewMs)) &&
    !chain.every((c) => validAt(c, now))
  ) {
    return { causes: ['local_clock_wrong'] };
  }
  if (causes.length > 1 || input.depth === undefined) {
    const failure = firstDateFailure(chain, now);
    // OpenSSL reports an expired intermediate as CERT_HAS_EXPIRED too.
    const allowed = new Set<Cause>(causes.includes('expired') ? [...causes, 'issuer_expired'] : causes);
    if (failure && allowed.has(failure.cause)) return { causes: [failure.cause], depth: failure.depth };
  }
  if (clock && clockIsRight(clock) && causes.length > 1) {
    const withoutClock = causes.filter((c) => c !== 'local_clock_wrong');
    return { causes: withoutClock, depth: input.depth };
  }
  return { causes, depth: input.depth };
}

/**
 * Settles what the chain and the clock can settle. For date failures (ERR_CERT_DATE_INVALID and the like): the local
 * clock when the chain is valid at the corrected time only; else the first certificate whose dates fail at `now`,
 * with its depth; a clock shown right removes the clock from the candidates. For an untrusted chain: a lone
 * self-issued certificate is self-signed. Otherwise the causes stay as given (duplicates removed).
 */
export function narrowCauses(input: ExplainInput): Narrowed {
  const causes = [...new Set(input.causes)];
  if (causes.length === 0) return { causes, depth: input.depth };
  if (causes.every((c) => DATE_CAUSES.includes(c))) return narrowDates(input, causes);
  const chain = input.chain ?? [];
  if (causes.length > 1 && causes.includes('self_signed') && chain.length === 1 && chain[0]!.selfIssued) {
    return { causes: ['self_signed'], depth: 0 };
  }
  return { causes, depth: input.depth };
}
