import type { CertSummary } from '../../core/types';
import { fetchAiaIssuer, type FetchAiaOptions } from './fetch-aia';
import type { TrustAnchors } from './trust-anchors';
import type { CertFinding } from './verify';

export interface NarrowIssuerContext {
  anchors: TrustAnchors;
  aia: FetchAiaOptions;
  now: number;
}

/** The pair OpenSSL cannot tell apart when a server sends its certificate alone and no trusted issuer is known. */
function isAmbiguous(findings: readonly CertFinding[]): boolean {
  const causes = findings.map((f) => f.cause);
  return causes.includes('incomplete_chain') && causes.includes('unknown_issuer');
}

/**
 * Tells a missing intermediate from an unknown issuer, as a browser completing the chain would: download the issuer
 * from the leaf's AIA caIssuers URL; when it issued the leaf and chains to a trusted root, the server only failed to
 * send it (incomplete_chain); when it does not, the issuer is unknown (unknown_issuer). Without an AIA URL, or when
 * the download fails, both causes stay.
 */
export async function narrowIssuerCause(
  findings: CertFinding[],
  chain: readonly CertSummary[],
  leafDer: Uint8Array | undefined,
  ctx: NarrowIssuerContext,
): Promise<CertFinding[]> {
  const url = chain[0]?.caIssuerUrls.find((u) => u.startsWith('http://'));
  if (!isAmbiguous(findings) || !url || !leafDer) return findings;
  const issuer = await fetchAiaIssuer(url, ctx.aia);
  if (!issuer) return findings;
  const drop = ctx.anchors.completesChain(leafDer, issuer, ctx.now) ? 'unknown_issuer' : 'incomplete_chain';
  return findings.filter((f) => f.cause !== drop);
}
