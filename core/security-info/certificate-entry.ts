import { parseCertificate } from '../certificate';
import { attributeOf, formatDistinguishedName, parseDistinguishedName } from '../distinguished-name';
import type { CertSummary } from '../types';
import type { FirefoxCertificate } from './schema';

/**
 * What Firefox's own fields tell about a certificate whose DER is missing or unreadable: names (reprinted as RFC 4514),
 * validity and digests. SANs, key and extensions are unknown (empty, 'unknown'); `isCA` comes from the position in a
 * chain Firefox built (every certificate above the leaf is a CA). Null without a subject and both dates.
 */
function summaryFromFirefoxFields(cert: FirefoxCertificate, isCA: boolean): CertSummary | null {
  const start = cert.validity?.start;
  const end = cert.validity?.end;
  if (cert.subject === undefined || start === undefined || end === undefined) return null;
  const notBefore = new Date(start);
  const notAfter = new Date(end);
  if (Number.isNaN(notBefore.getTime()) || Number.isNaN(notAfter.getTime())) return null;
  const subject = parseDistinguishedName(cert.subject);
  const subjectText = formatDistinguishedName(subject);
  const issuerText = formatDistinguishedName(parseDistinguishedName(cert.issuer ?? ''));
  return {
    subject: subjectText,
    issuer: issuerText,
    commonName: attributeOf(subject, 'CN'),
    sans: [],
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    serialNumber: (cert.serialNumber ?? '').replace(/:/g, '').toUpperCase(),
    fingerprintSha256: (cert.fingerprint?.sha256 ?? '').toUpperCase(),
    spkiSha256: cert.subjectPublicKeyInfoDigest?.sha256 ?? '',
    key: { type: 'unknown' },
    signatureAlgorithm: 'unknown',
    isCA,
    selfIssued: subjectText === issuerText,
    authorityKeyId: null,
    subjectKeyId: null,
    ocspUrls: [],
    caIssuerUrls: [],
    sctCount: 0,
  };
}

/**
 * A summary of one entry of Firefox's `certificates[]`: from the DER when it parses, else from Firefox's fields,
 * with the reason the DER was not used. `isCA` is true for every entry above the leaf.
 */
export function summarizeEntry(
  cert: FirefoxCertificate,
  isCA: boolean,
): { value: CertSummary | null; error: string | null } {
  if (cert.rawDER && cert.rawDER.length > 0) {
    const parsed = parseCertificate(Uint8Array.from(cert.rawDER));
    if (parsed.ok) return { value: parsed.value, error: null };
    return { value: summaryFromFirefoxFields(cert, isCA), error: parsed.error.message };
  }
  return {
    value: summaryFromFirefoxFields(cert, isCA),
    error: 'no rawDER: ask getSecurityInfo with rawDER: true',
  };
}
