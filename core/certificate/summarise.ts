import { sha256 } from '@noble/hashes/sha2.js';
import type { CertSummary } from '../types';
import { colonHex, toBase64 } from './bytes';
import type { Decoded } from './decode';
import { readExtensions } from './extensions';
import { commonName, rfc4514 } from './names';
import { signatureName } from './oid-names';
import { publicKeyInfo } from './public-key';

/** The summary of a decoded certificate; `bytes` is its DER, for the fingerprint. */
export function summarise(bytes: Uint8Array, { cert, spkiDer }: Decoded): CertSummary {
  const tbs = cert.tbsCertificate;
  const ext = readExtensions(tbs.extensions ?? []);
  const subject = rfc4514(tbs.subject);
  const issuer = rfc4514(tbs.issuer);
  return {
    subject,
    issuer,
    commonName: commonName(tbs.subject),
    sans: ext.sans,
    notBefore: tbs.validity.notBefore.getTime().toISOString(),
    notAfter: tbs.validity.notAfter.getTime().toISOString(),
    serialNumber: colonHex(new Uint8Array(tbs.serialNumber)).replaceAll(':', ''),
    fingerprintSha256: colonHex(sha256(bytes)),
    spkiSha256: toBase64(sha256(spkiDer)),
    key: publicKeyInfo(tbs.subjectPublicKeyInfo),
    signatureAlgorithm: signatureName(cert.signatureAlgorithm.algorithm),
    isCA: ext.isCA,
    selfIssued: subject === issuer,
    authorityKeyId: ext.authorityKeyId,
    subjectKeyId: ext.subjectKeyId,
    ocspUrls: ext.ocspUrls,
    caIssuerUrls: ext.caIssuerUrls,
    sctCount: ext.sctCount,
  };
}
