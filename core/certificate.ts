// @peculiar/x509's dependency injection (tsyringe) needs Reflect metadata before it loads.
import '@abraham/reflection';
import { sha256 } from '@noble/hashes/sha2.js';
import { AsnConvert, AsnParser, OctetString } from '@peculiar/asn1-schema';
import * as asn from '@peculiar/asn1-x509';
import * as x509 from '@peculiar/x509';
import { Constructed, fromBER, GeneralizedTime, UTCTime, type AsnType } from 'asn1js';
import type { CertSummary, PublicKeyInfo, Result, SubjectAltName } from './types';

/** Why a certificate could not be parsed. */
export type CertificateError = 'empty' | 'malformed_der' | 'too_large';

/** Largest DER accepted: real certificates are a few KiB. */
export const MAX_CERTIFICATE_BYTES = 64 * 1024;

const SCT_LIST_OID = '1.3.6.1.4.1.11129.2.4.2';

/** Signature algorithm OIDs under the names OpenSSL (and so most tools) print. */
const SIGNATURE_NAMES: Record<string, string> = {
  '1.2.840.113549.1.1.2': 'md2WithRSAEncryption',
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.14': 'sha224WithRSAEncryption',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.1': 'ecdsa-with-SHA224',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.2.840.10040.4.3': 'dsa-with-SHA1',
  '2.16.840.1.101.3.4.3.2': 'dsa_with_SHA256',
  '1.3.101.112': 'ED25519',
  '1.3.101.113': 'ED448',
  '2.16.840.1.101.3.4.3.17': 'ML-DSA-44',
  '2.16.840.1.101.3.4.3.18': 'ML-DSA-65',
  '2.16.840.1.101.3.4.3.19': 'ML-DSA-87',
};

/** SubjectPublicKeyInfo algorithm OIDs. */
const KEY_TYPES: Record<string, string> = {
  '1.2.840.113549.1.1.1': 'RSA',
  '1.2.840.113549.1.1.10': 'RSA',
  '1.2.840.10045.2.1': 'EC',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
  '1.2.840.10040.4.1': 'DSA',
};

/** RFC 4514 keywords x509 does not know by itself. */
const EXTRA_NAMES = { STREET: '2.5.4.9', UID: '0.9.2342.19200300.100.1.1', serialNumber: '2.5.4.5' };

function fail(code: CertificateError, message: string): Result<CertSummary, CertificateError> {
  return { ok: false, error: { code, message } };
}

function colonHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Accepts DER as bytes, a buffer or Firefox's array of numbers; null when it is none of these. */
function toBytes(input: unknown): Uint8Array | null {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (Array.isArray(input) && input.every((n) => Number.isInteger(n) && n >= 0 && n <= 255)) {
    return Uint8Array.from(input as number[]);
  }
  return null;
}

function inputLength(input: unknown): number | null {
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) return input.byteLength;
  if (Array.isArray(input)) return input.length;
  return null;
}

/** Control characters as RFC 4514 hex pairs (x509 escapes only the first CR, LF or tab). */
function escapeControls(text: string): string {
  return Array.from(text, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 || code === 0x7f ? `\\${code.toString(16).padStart(2, '0').toUpperCase()}` : c;
  }).join('');
}

/** A distinguished name in RFC 4514 order (most specific RDN first), control characters escaped. */
function rfc4514(name: asn.Name): string {
  const rdns = name.map((rdn) => new x509.Name(new asn.Name([rdn]), EXTRA_NAMES).toString());
  return escapeControls(rdns.reverse().join(','));
}

/** The last commonName of the subject (the one TLS stacks use), verbatim. */
function commonName(name: asn.Name): string | null {
  return new x509.Name(name).getField('CN').at(-1) ?? null;
}

/** Each extension parsed on its own, so one the library cannot read loses only its own field. */
function parseExtensions(list: asn.Extension[]): x509.Extension[] {
  const parsed: x509.Extension[] = [];
  for (const ext of list) {
    try {
      parsed.push(x509.ExtensionFactory.create(AsnConvert.serialize(ext)));
    } catch {
      // Unreadable extension: its field keeps its default.
    }
  }
  return parsed;
}

function find<T extends x509.Extension>(
  exts: x509.Extension[],
  type: new (raw: BufferSource) => T,
): T | null {
  return (exts.find((e) => e instanceof type) as T | undefined) ?? null;
}

function ipText(value: string): string | null {
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(value);
  if (mapped) {
    const [hi, lo] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
    return `::ffff:${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  }
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(value) || /^[0-9a-f:]+$/.test(value)) return value;
  return null; // Not a 4- or 16-byte address: ignored, as TLS stacks do.
}

/** DNS and IP SANs; names x509 cannot read (an unknown otherName) are skipped, the rest kept. */
function subjectAltNames(ext: x509.SubjectAlternativeNameExtension | null): SubjectAltName[] {
  const sans: SubjectAltName[] = [];
  for (const name of ext?.names.items ?? []) {
    if (name.type === 'dns') sans.push({ type: 'dns', value: name.value });
    const ip = name.type === 'ip' ? ipText(name.value) : null;
    if (ip !== null) sans.push({ type: 'ip', value: ip });
  }
  return sans;
}

/** Entries of the embedded SCT list (RFC 6962, 3.3): a TLS vector of uint16-length-prefixed SCTs. 0 if malformed. */
function sctCount(exts: x509.Extension[]): number {
  const ext = exts.find((e) => e.type === SCT_LIST_OID);
  if (!ext) return 0;
  try {
    const list = new Uint8Array(AsnConvert.parse(ext.value, OctetString).buffer);
    if (list.length < 2 || ((list[0]! << 8) | list[1]!) !== list.length - 2) return 0;
    let count = 0;
    for (let pos = 2; pos < list.length; count++) {
      if (pos + 2 > list.length) return 0;
      const len = (list[pos]! << 8) | list[pos + 1]!;
      if (len === 0 || pos + 2 + len > list.length) return 0;
      pos += 2 + len;
    }
    return count;
  } catch {
    return 0;
  }
}

function publicKeyInfo(spki: asn.SubjectPublicKeyInfo): PublicKeyInfo {
  const oid = spki.algorithm.algorithm;
  const info: PublicKeyInfo = { type: KEY_TYPES[oid] ?? oid };
  try {
    const algorithm = new x509.PublicKey(spki).algorithm as Partial<RsaHashedKeyAlgorithm & EcKeyAlgorithm>;
    if (info.type === 'RSA' && typeof algorithm.modulusLength === 'number')
      info.bits = algorithm.modulusLength;
    if (info.type === 'EC' && typeof algorithm.namedCurve === 'string') info.curve = algorithm.namedCurve;
  } catch {
    // An unknown curve or damaged key: the type alone.
  }
  return info;
}

/** A key identifier (x509 gives lowercase hex) as uppercase colon hex. */
function keyId(ext: { keyId?: string } | null): string | null {
  if (!ext?.keyId || !/^([0-9a-f]{2})+$/i.test(ext.keyId)) return null;
  return ext.keyId.toUpperCase().replace(/(..)(?!$)/g, '$1:');
}

function urls(names: x509.GeneralName[] | undefined): string[] {
  return (names ?? []).filter((n) => n.type === 'url').map((n) => n.value);
}

/** A decoded time whose fields form a real instant: asn1js rolls month 13 over and reads "13xx" as 1899. */
function isRealTime(time: UTCTime): boolean {
  if (time.error) return false;
  const date = time.toDate();
  const ms = time instanceof GeneralizedTime ? time.millisecond : 0;
  return (
    date.getUTCFullYear() === time.year &&
    date.getUTCMonth() + 1 === time.month &&
    date.getUTCDate() === time.day &&
    date.getUTCHours() === time.hour &&
    date.getUTCMinutes() === time.minute &&
    date.getUTCSeconds() === time.second &&
    date.getUTCMilliseconds() === ms
  );
}

/** The validity's two times, found in the decoded tree: the TBS child made of exactly two time values. */
function validityTimes(root: AsnType): UTCTime[] {
  const tbs = root instanceof Constructed ? root.valueBlock.value[0] : undefined;
  const children = tbs instanceof Constructed ? tbs.valueBlock.value : [];
  for (const child of children) {
    const times = child instanceof Constructed ? child.valueBlock.value : [];
    if (times.length === 2 && times.every((t) => t instanceof UTCTime)) return times as UTCTime[];
  }
  return [];
}

/** Decodes exactly one DER certificate: trailing bytes, a damaged date or anything the schema rejects fail. */
function decode(bytes: Uint8Array): asn.Certificate | null {
  const parsed = fromBER(bytes, { maxDepth: 64, maxNodes: 20_000 });
  if (parsed.offset !== bytes.length || parsed.result.error) return null;
  const times = validityTimes(parsed.result);
  if (times.length !== 2 || !times.every(isRealTime)) return null;
  return AsnParser.fromASN(parsed.result, asn.Certificate);
}

function summarise(bytes: Uint8Array, cert: asn.Certificate): CertSummary {
  const tbs = cert.tbsCertificate;
  const x = new x509.X509Certificate(cert);
  const asnExtensions = tbs.extensions ?? [];
  const exts = parseExtensions(asnExtensions);
  const aia = find(exts, x509.AuthorityInfoAccessExtension);
  const subject = rfc4514(tbs.subject);
  const issuer = rfc4514(tbs.issuer);
  return {
    subject,
    issuer,
    commonName: commonName(tbs.subject),
    sans: subjectAltNames(find(exts, x509.SubjectAlternativeNameExtension)),
    notBefore: x.notBefore.toISOString(),
    notAfter: x.notAfter.toISOString(),
    serialNumber: colonHex(new Uint8Array(tbs.serialNumber)).replaceAll(':', ''),
    fingerprintSha256: colonHex(sha256(bytes)),
    spkiSha256: toBase64(sha256(new Uint8Array(AsnConvert.serialize(tbs.subjectPublicKeyInfo)))),
    key: publicKeyInfo(tbs.subjectPublicKeyInfo),
    signatureAlgorithm:
      SIGNATURE_NAMES[cert.signatureAlgorithm.algorithm] ?? cert.signatureAlgorithm.algorithm,
    isCA: find(exts, x509.BasicConstraintsExtension)?.ca ?? false,
    selfIssued: subject === issuer,
    authorityKeyId: keyId(find(exts, x509.AuthorityKeyIdentifierExtension)),
    subjectKeyId: keyId(find(exts, x509.SubjectKeyIdentifierExtension)),
    ocspUrls: urls(aia?.ocsp),
    caIssuerUrls: urls(aia?.caIssuers),
    sctCount: sctCount(exts),
  };
}

/**
 * Parses one DER certificate into a CertSummary. Never throws: empty, oversized (over 64 KiB) or undecodable
 * input comes back as an error result. Every text field is untrusted and returned as text.
 */
export function parseCertificate(
  der: Uint8Array | ArrayBuffer | readonly number[],
): Result<CertSummary, CertificateError> {
  const length = inputLength(der);
  if (length === null) return fail('malformed_der', 'not a byte array');
  if (length === 0) return fail('empty', 'no certificate bytes');
  if (length > MAX_CERTIFICATE_BYTES)
    return fail('too_large', `certificate larger than ${MAX_CERTIFICATE_BYTES} bytes`);
  const bytes = toBytes(der);
  if (bytes === null) return fail('malformed_der', 'not a byte array');
  try {
    const cert = decode(bytes);
    if (cert === null) return fail('malformed_der', 'not a single DER-encoded certificate with valid dates');
    return { ok: true, value: summarise(bytes, cert) };
  } catch {
    return fail('malformed_der', 'not an X.509 certificate');
  }
}
