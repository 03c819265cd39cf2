/** The canonical certificate and connection failure causes, shared by the extension and the probe. */
export const CAUSES = [
  'expired',
  'not_yet_valid',
  'issuer_expired',
  'hostname_mismatch',
  'self_signed',
  'unknown_issuer',
  'incomplete_chain',
  'untrusted_root',
  'revoked',
  'weak_signature',
  'weak_key',
  'validity_too_long',
  'ct_required',
  'pinning_failure',
  'protocol_mismatch',
  'handshake_failure',
  'local_clock_wrong',
  'server_clock_skew',
  'inconsistent_backends',
  'interception_suspected',
  'connection_failed',
  'dns_failure',
  'timeout',
] as const;

export type Cause = (typeof CAUSES)[number];

/** Whether `value` is one of the canonical causes (for codes read from untrusted data). */
export function isCause(value: unknown): value is Cause {
  return typeof value === 'string' && (CAUSES as readonly string[]).includes(value);
}

/**
 * The date causes. Chromium reports all of them as ERR_CERT_DATE_INVALID: only the certificate chain (from the probe)
 * and the clock tell them apart, and their explanations weigh the local clock.
 */
export const DATE_CAUSES: readonly Cause[] = [
  'expired',
  'not_yet_valid',
  'issuer_expired',
  'local_clock_wrong',
];

/** The untrusted-chain causes. Chromium reports all of them as ERR_CERT_AUTHORITY_INVALID. */
export const AUTHORITY_CAUSES: readonly Cause[] = [
  'unknown_issuer',
  'self_signed',
  'incomplete_chain',
  'untrusted_root',
];
