import type { Cause } from './causes';

/** Expiry levels, from best to worst. */
export const LEVELS = ['ok', 'renewal_due', 'warn', 'critical', 'expired', 'not_yet_valid'] as const;
export type Level = (typeof LEVELS)[number];

/** A subject alternative name the certificate covers. */
export interface SubjectAltName {
  type: 'dns' | 'ip';
  value: string;
}

export interface PublicKeyInfo {
  /** 'RSA', 'EC', 'Ed25519', 'Ed448', 'DSA' or the algorithm OID when unknown. */
  type: string;
  /** Modulus size for RSA/DSA. */
  bits?: number;
  /** Named curve for EC keys, e.g. 'P-256'. */
  curve?: string;
}

/** What certglance knows about one certificate, parsed from its DER encoding. Plain JSON: it is stored and sent. */
export interface CertSummary {
  /** RFC 4514 distinguished name. Untrusted text. */
  subject: string;
  issuer: string;
  commonName: string | null;
  sans: SubjectAltName[];
  /** ISO 8601, UTC. */
  notBefore: string;
  notAfter: string;
  /** Uppercase hex, no separators, as Firefox's serialNumber minus colons. */
  serialNumber: string;
  /** Uppercase colon hex, as Firefox prints it. */
  fingerprintSha256: string;
  /** Base64 SHA-256 of the SubjectPublicKeyInfo, as Firefox's subjectPublicKeyInfoDigest.sha256. */
  spkiSha256: string;
  key: PublicKeyInfo;
  /** e.g. 'sha256WithRSAEncryption', 'ecdsa-with-SHA256'. */
  signatureAlgorithm: string;
  isCA: boolean;
  /** Subject and issuer names are equal. */
  selfIssued: boolean;
  /** Hex, uppercase colon separated, or null when absent. */
  authorityKeyId: string | null;
  subjectKeyId: string | null;
  ocspUrls: string[];
  caIssuerUrls: string[];
  /** Embedded SCTs (0 when the extension is absent). */
  sctCount: number;
}

/** Result type for the core's parsers: errors are data with stable codes. */
export type Result<T, E extends string = string> =
  { ok: true; value: T } | { ok: false; error: { code: E; message: string } };

export type OverridableErrorCategory = 'trust_error' | 'domain_mismatch' | 'expired_or_not_yet_valid';

export type CtStatus =
  'not_applicable' | 'policy_compliant' | 'policy_not_enough_scts' | 'policy_not_diverse_scts';

/** What the browser saw for one main-frame load (Firefox security info, normalised). */
export interface Observation {
  /** Where the data came from: a live handshake, the HTTP cache, or only the probe (Chromium). */
  source: 'handshake' | 'cache' | 'probe';
  url: string;
  host: string;
  port: number;
  /** ISO time of capture, local clock. */
  capturedAt: string;
  state: 'secure' | 'weak' | 'broken' | 'insecure' | 'unknown';
  protocolVersion: string | null;
  cipherSuite: string | null;
  keaGroupName: string | null;
  signatureSchemeName: string | null;
  ctStatus: CtStatus | null;
  hsts: boolean | null;
  usedEch: boolean | null;
  usedOcsp: boolean | null;
  isExtendedValidation: boolean | null;
  /** Set when the user clicked through a certificate warning for this site. */
  overriddenErrorCategory: OverridableErrorCategory | null;
  weaknessReasons: string[];
  /** Leaf first, as the browser built it (root included when it has one). Empty after an override. */
  chain: CertSummary[];
  /** Whether the last certificate of the chain is a root the browser ships. null when unknown. */
  builtInRoot: boolean | null;
  /** Certificates whose DER could not be parsed: index and reason. */
  chainErrors: { index: number; message: string }[];
  serverIp: string | null;
  fromCache: boolean;
  /** The response's HTTP Date header, verbatim, when present. */
  dateHeader: string | null;
}

/** How one raw error string from a browser or TLS stack maps into the core's vocabulary. */
export interface MappedError {
  /** The error as received, e.g. 'net::ERR_CERT_DATE_INVALID', 'Error code 2153390069'. */
  raw: string;
  source: 'chromium' | 'firefox-code' | 'firefox-nss' | 'firefox-message' | 'node';
  /** Decoded name where there is one: 'SEC_ERROR_EXPIRED_CERTIFICATE', 'CERT_HAS_EXPIRED'. */
  name: string | null;
  /**
   * The causes this error can mean. One: certain. Several: ambiguous (Chromium's ERR_CERT_DATE_INVALID).
   * None: unrecognised; never guess.
   */
  causes: Cause[];
  /** True when this is a certificate problem (as opposed to a network or protocol one). */
  certificateError: boolean;
  /** Depth in the chain (0 = leaf) when known. */
  depth?: number;
}

/** The local clock compared with a server's. */
export interface ClockEstimate {
  /** local - server, in ms. Positive: the local clock is ahead. */
  skewMs: number;
  /** Half the round trip plus the Date header's 1 s resolution. */
  uncertaintyMs: number;
  /** What the estimate came from. */
  basis: 'http-date' | 'probe';
}
