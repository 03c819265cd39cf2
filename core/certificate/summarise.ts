import { sha256 } from '@noble/hashes/sha2.js';
import { AsnConvert } from '@peculiar/asn1-schema';
import type * as asn from '@peculiar/asn1-x509';
import type { CertSummary } from '../types';
import { colonHex, toBase64 } from './bytes';
import { findExtension, keyId, parseExtensions, urls } from './extensions';
import { commonName, rfc4514 } from './names';
import { signatureName } from './oid-names';
import { publicKeyInfo } from './public-key';
import { sctCount } from './sct-count';
import { subjectAltNames } from './subject-alt-names';
import { x509 } from './x509';

/** The summary of a decoded certificate; `bytes` is its DER, for the fingerprint. */
export function summarise(bytes: Uint8Array, cert: asn.Certificate): CertSummary {
  const tbs = cert.tbsCertificate;
  const exts = parseExtensions(tbs.extensions ?? []);
  const aia = findExtension(exts, x509.AuthorityInfoAccessExtension);
  const subject = rfc4514(tbs.subject);
  const issuer = rfc4514(tbs.issuer);
  return {
    subject,
    issuer,
    commonName: commonName(tbs.subject),
    sans: subjectAltNames(findExtension(exts, x509.SubjectAlternativeNameExtension)),
    notBefore: tbs.validity.notBefore.getTime().toISOString(),
    notAfter: tbs.validity.notAfter.getTime().toISOString(),
    serialNumber: colonHex(new Uint8Array(tbs.serialNumber)).replaceAll(':', ''),
    fingerprintSha256: colonHex(sha256(bytes)),
    spkiSha256: toBase64(sha256(new Uint8Array(AsnConvert.serialize(tbs.subjectPublicKeyInfo)))),
    key: publicKeyInfo(tbs.subjectPublicKeyInfo),
    signatureAlgorithm: signatureName(cert.signatureAlgorithm.algorithm),
    isCA: findExtension(exts, x509.BasicConstraintsExtension)?.ca ?? false,
    selfIssued: subject === issuer,
    authorityKeyId: keyId(findExtension(exts, x509.AuthorityKeyIdentifierExtension)),
    subjectKeyId: keyId(findExtension(exts, x509.SubjectKeyIdentifierExtension)),
    ocspUrls: urls(aia?.ocsp),
    caIssuerUrls: urls(aia?.caIssuers),
    sctCount: sctCount(exts),
  };
}
