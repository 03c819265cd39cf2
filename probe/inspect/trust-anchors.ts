import { X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';

/** The certificates the probe trusts, parsed once when first needed: Node's roots plus the extra CAs. */
export interface TrustAnchors {
  /**
   * Whether `issuer` (a certificate downloaded from AIA) issued `leaf` and itself chains to a trusted anchor at
   * `now`: it is one, or one issued and signed it.
   */
  completesChain(leafDer: Uint8Array, issuerDer: Uint8Array, now: number): boolean;
}

function parse(der: Uint8Array | string): X509Certificate | null {
  try {
    return new X509Certificate(der);
  } catch {
    return null;
  }
}

function validAt(cert: X509Certificate, now: number): boolean {
  return Date.parse(cert.validFrom) <= now && now < Date.parse(cert.validTo);
}

function signed(child: X509Certificate, parent: X509Certificate): boolean {
  try {
    return child.checkIssued(parent) && child.verify(parent.publicKey);
  } catch {
    return false;
  }
}

/** Builds the anchors lazily from Node's bundled roots and `extraCaPems`. */
export function createTrustAnchors(extraCaPems: readonly string[]): TrustAnchors {
  let anchors: X509Certificate[] | undefined;
  const all = () => {
    anchors ??= [...rootCertificates, ...extraCaPems].flatMap((pem) => parse(pem) ?? []);
    return anchors;
  };
  return {
    completesChain(leafDer, issuerDer, now) {
      const leaf = parse(leafDer);
      const issuer = parse(issuerDer);
      if (!leaf || !issuer || !issuer.ca || !validAt(issuer, now) || !signed(leaf, issuer)) return false;
      return all().some(
        (anchor) => validAt(anchor, now) && (anchor.raw.equals(issuer.raw) || signed(issuer, anchor)),
      );
    },
  };
}
