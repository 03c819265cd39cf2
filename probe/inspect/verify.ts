import { isIP } from 'node:net';
import { sansCoverHost } from './host-match';
import type { Cause } from '../../core/causes';
import { mapNodeError } from '../../core/error-map';
import { certificateLevel } from '../../core/expiry';
import type { AddressReport } from '../../core/probe-report';
import type { CertSummary } from '../../core/types';

/** One certificate problem found on an address, with the depth of the certificate when known. */
export interface CertFinding {
  cause: Cause;
  depth: number | null;
}

export interface VerifyInput {
  /** The target host (or IP literal) the certificate must cover. */
  host: string;
  /** Parsed chain, leaf first, as Node ordered it. */
  chain: readonly CertSummary[];
  /** The TLS socket's authorizationError (one OpenSSL code), null when it verified. */
  authorizationError: string | null;
  now: number;
}

const NAME_ERRORS = new Set(['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH']);

/** Every certificate that is expired or not yet valid at `now`, by depth: the core's own levels decide. */
function dateFindings(chain: readonly CertSummary[], now: number): CertFinding[] {
  return chain.flatMap((cert, depth): CertFinding[] => {
    const { level } = certificateLevel(cert, now);
    if (level === 'not_yet_valid') return [{ cause: 'not_yet_valid', depth }];
    if (level === 'expired') return [{ cause: depth === 0 ? 'expired' : 'issuer_expired', depth }];
    return [];
  });
}

/**
 * Judges one presented chain the way a browser would, without stopping at the first problem: the TLS stack's trust
 * verdict (mapped by the core), every certificate's dates checked at `now` (an expired intermediate is
 * issuer_expired even when OpenSSL says CERT_HAS_EXPIRED), and the host name checked even when the chain fails.
 */
export function verifyChain(input: VerifyInput): {
  verification: AddressReport['verification'];
  findings: CertFinding[];
} {
  const leaf = input.chain[0];
  const hostnameMatch = leaf ? sansCoverHost(leaf.sans, input.host, isIP(input.host) !== 0) : null;
  const rawError = input.authorizationError;
  const findings: CertFinding[] = [];
  const add = (finding: CertFinding) => {
    if (!findings.some((f) => f.cause === finding.cause)) findings.push(finding);
  };

  if (rawError !== null && !NAME_ERRORS.has(rawError)) {
    const mapped = mapNodeError(rawError, input.chain, input.now);
    for (const cause of mapped.causes) add({ cause, depth: mapped.depth ?? null });
  }
  for (const finding of dateFindings(input.chain, input.now)) add(finding);
  if (hostnameMatch === false) add({ cause: 'hostname_mismatch', depth: 0 });

  const first = findings[0];
  return {
    verification: {
      trusted: rawError === null && findings.length === 0 && input.chain.length > 0,
      cause: first?.cause ?? null,
      rawError,
      hostnameMatch,
      depth: first?.depth ?? null,
    },
    findings,
  };
}
