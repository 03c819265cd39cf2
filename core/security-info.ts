import { z } from 'zod';
import { MAX_CERTIFICATE_BYTES, parseCertificate } from './certificate';
import type { CertSummary, CtStatus, Observation, OverridableErrorCategory, Result } from './types';

/**
 * Firefox's `webRequest.getSecurityInfo(requestId, { certificateChain: true, rawDER: true })` answer, normalised into an
 * Observation. Every field is optional here: Firefox omits most of them for plain http, after an override, or when the
 * caller did not ask for the chain or the DER. Unknown keys are dropped; unknown enum values become null.
 */

const byte = z.number().int().min(0).max(255);
/** Longer chains than this are not something a browser builds. */
const MAX_CHAIN_LENGTH = 32;

const firefoxCertSchema = z.object({
  subject: z.string().optional(),
  issuer: z.string().optional(),
  validity: z.object({ start: z.number().optional(), end: z.number().optional() }).optional(),
  fingerprint: z.object({ sha1: z.string().optional(), sha256: z.string().optional() }).optional(),
  serialNumber: z.string().optional(),
  isBuiltInRoot: z.boolean().optional(),
  subjectPublicKeyInfoDigest: z.object({ sha256: z.string().optional() }).optional(),
  rawDER: z.union([z.array(byte).max(MAX_CERTIFICATE_BYTES), z.instanceof(Uint8Array)]).optional(),
});

const securityInfoSchema = z.object({
  state: z.string().optional(),
  errorMessage: z.string().optional(),
  protocolVersion: z.string().optional(),
  cipherSuite: z.string().optional(),
  keaGroupName: z.string().optional(),
  signatureSchemeName: z.string().optional(),
  secretKeyLength: z.number().optional(),
  certificateTransparencyStatus: z.string().optional(),
  isExtendedValidation: z.boolean().optional(),
  hsts: z.boolean().optional(),
  usedEch: z.boolean().optional(),
  usedOcsp: z.boolean().optional(),
  usedDelegatedCredentials: z.boolean().optional(),
  usedPrivateDns: z.boolean().optional(),
  overridableErrorCategory: z.string().optional(),
  weaknessReasons: z.union([z.array(z.string()), z.string()]).optional(),
  certificates: z.array(firefoxCertSchema).max(MAX_CHAIN_LENGTH).optional(),
});

/** One entry of Firefox's `certificates[]`, as validated. */
export type FirefoxCertificate = z.infer<typeof firefoxCertSchema>;
/** Firefox's SecurityInfo, as validated. */
export type FirefoxSecurityInfo = z.infer<typeof securityInfoSchema>;

export type SecurityInfoErrorCode = 'no_security_info' | 'invalid_security_info';

/** What the capture knows besides the security info itself. */
export interface SecurityInfoContext {
  url: string;
  /** Capture time, ms since epoch, local clock. */
  capturedAt: number;
  /** `details.ip` of onHeadersReceived. */
  serverIp?: string | null;
  /** `details.fromCache` of onHeadersReceived. */
  fromCache?: boolean;
  /** The response's `Date` header, verbatim. */
  dateHeader?: string | null;
  /** After an override `certificateChain: true` gives no certificates: the answer to `certificateChain: false`. */
  leafFallback?: unknown;
}

const STATES = ['secure', 'weak', 'broken', 'insecure'] as const;
const CT_STATUSES: readonly CtStatus[] = [
  'not_applicable',
  'policy_compliant',
  'policy_not_enough_scts',
  'policy_not_diverse_scts',
];
const OVERRIDE_CATEGORIES: readonly OverridableErrorCategory[] = [
  'trust_error',
  'domain_mismatch',
  'expired_or_not_yet_valid',
];

/**
 * Turns an untrusted Firefox SecurityInfo into an Observation. Each certificate is parsed from its rawDER; one that
 * cannot be parsed is listed in `chainErrors` (index into Firefox's list) and, when Firefox gave its subject and
 * validity, kept in the chain as a summary made from Firefox's own fields.
 */
export function observationFromSecurityInfo(
  info: unknown,
  context: SecurityInfoContext,
): Result<Observation, SecurityInfoErrorCode> {
  if (info === undefined || info === null) {
    return fail('no_security_info', 'the browser returned no security info for this request');
  }
  const parsed = securityInfoSchema.safeParse(info);
  if (!parsed.success) return fail('invalid_security_info', describeIssue(parsed.error));
  const target = hostAndPort(context.url);
  if (!target) return fail('invalid_security_info', 'the request URL is not a valid URL');
  const capturedAt = new Date(context.capturedAt);
  if (Number.isNaN(capturedAt.getTime()))
    return fail('invalid_security_info', 'capturedAt is not a valid time');

  const si = parsed.data;
  const chainErrors: Observation['chainErrors'] = [];
  let certificates = si.certificates ?? [];
  let fromFallback = false;
  if (certificates.length === 0 && context.leafFallback !== undefined && context.leafFallback !== null) {
    const fallback = securityInfoSchema.safeParse(context.leafFallback);
    const leaf = fallback.success ? fallback.data.certificates?.[0] : undefined;
    if (leaf) {
      certificates = [leaf];
      fromFallback = true;
    } else {
      chainErrors.push({ index: 0, message: 'the leaf-only security info held no certificate' });
    }
  }
  const chain: CertSummary[] = [];
  certificates.forEach((cert, index) => {
    const summary = summarize(cert, index > 0);
    if (summary.error) chainErrors.push({ index, message: summary.error });
    if (summary.value) chain.push(summary.value);
  });
  const last = certificates[certificates.length - 1];

  return {
    ok: true,
    value: {
      source: context.fromCache ? 'cache' : 'handshake',
      url: context.url,
      host: target.host,
      port: target.port,
      capturedAt: capturedAt.toISOString(),
      state: pick(si.state, STATES) ?? 'unknown',
      protocolVersion: si.protocolVersion && si.protocolVersion !== 'unknown' ? si.protocolVersion : null,
      cipherSuite: si.cipherSuite ?? null,
      keaGroupName: si.keaGroupName ?? null,
      signatureSchemeName: si.signatureSchemeName ?? null,
      ctStatus: pick(si.certificateTransparencyStatus, CT_STATUSES),
      hsts: si.hsts ?? null,
      usedEch: si.usedEch ?? null,
      usedOcsp: si.usedOcsp ?? null,
      isExtendedValidation: si.isExtendedValidation ?? null,
      overriddenErrorCategory: pick(si.overridableErrorCategory, OVERRIDE_CATEGORIES),
      weaknessReasons:
        typeof si.weaknessReasons === 'string' ? [si.weaknessReasons] : (si.weaknessReasons ?? []),
      chain,
      builtInRoot: fromFallback ? null : (last?.isBuiltInRoot ?? null),
      chainErrors,
      serverIp: context.serverIp ?? null,
      fromCache: context.fromCache ?? false,
      dateHeader: context.dateHeader ?? null,
    },
  };
}

function fail(
  code: SecurityInfoErrorCode,
  message: string,
): { ok: false; error: { code: SecurityInfoErrorCode; message: string } } {
  return { ok: false, error: { code, message } };
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the security info does not have the expected shape';
  const path = issue.path.length > 0 ? issue.path.join('.') : 'security info';
  return `${path}: ${issue.message}`;
}

function pick<T extends string>(value: string | undefined, allowed: readonly T[]): T | null {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** Host (brackets stripped from IPv6) and port of a URL; the port defaults by scheme (443 unless http/ws). */
function hostAndPort(url: string): { host: string; port: number } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) return null;
  const plain = parsed.protocol === 'http:' || parsed.protocol === 'ws:';
  const port = parsed.port ? Number(parsed.port) : plain ? 80 : 443;
  return { host, port };
}

/** A summary from the DER when it parses, else from Firefox's fields (with the reason the DER was not used). */
function summarize(
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

/** One attribute of a distinguished name; `joined` when it follows the previous one with '+' (same RDN). */
interface DnAttribute {
  type: string;
  value: string;
  joined: boolean;
}

/** The first value of attribute `type` (the most specific one, as Firefox prints names) or null. */
function attributeOf(attributes: DnAttribute[], type: string): string | null {
  return attributes.find((a) => a.type.toUpperCase() === type.toUpperCase())?.value ?? null;
}

/** RFC 4514 escaping of one attribute value, as parseCertificate prints names; control characters as hex pairs. */
function escapeValue(value: string): string {
  const escaped = Array.from(value, (c) => {
    const code = c.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f) return `\\${code.toString(16).padStart(2, '0').toUpperCase()}`;
    return '\\"+,;<>'.includes(c) ? `\\${c}` : c;
  }).join('');
  return escaped.replace(/^([ #])/, '\\$1').replace(/ $/, '\\ ');
}

/** A parsed name printed back as RFC 4514, so names from Firefox's fields read like names parsed from DER. */
function formatDistinguishedName(attributes: DnAttribute[]): string {
  return attributes
    .map((a, i) => `${i === 0 ? '' : a.joined ? '+' : ','}${a.type}=${escapeValue(a.value)}`)
    .join('');
}

/**
 * Parses a distinguished name as Firefox prints it: RFC 4514 order, values backslash-escaped (`\,` or `\3C`) or
 * double-quoted (NSS quotes values holding special characters: `CN="a, b"`). Never throws.
 */
function parseDistinguishedName(dn: string): DnAttribute[] {
  const attributes: DnAttribute[] = [];
  const chars = Array.from(dn);
  let type = '';
  let bytes: number[] = [];
  let inType = true;
  let quoted = false;
  let joined = false;
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const flush = (next: string): void => {
    if (type.trim())
      attributes.push({ type: type.trim(), value: decoder.decode(Uint8Array.from(bytes)).trim(), joined });
    joined = next === '+';
    type = '';
    bytes = [];
    inType = true;
  };
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (inType) {
      if (c === '=') inType = false;
      else if (c === ',' || c === '+') flush(c);
      else type += c;
    } else if (c === '\\' && i + 1 < chars.length) {
      const hex = `${chars[i + 1]}${chars[i + 2] ?? ''}`;
      if (/^[0-9a-fA-F]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        i += 2;
      } else {
        bytes.push(...encoder.encode(chars[i + 1]!));
        i += 1;
      }
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && (c === ',' || c === '+')) {
      flush(c);
    } else {
      bytes.push(...encoder.encode(c));
    }
  }
  flush('');
  return attributes;
}
