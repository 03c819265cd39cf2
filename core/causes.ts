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

export function isCause(value: unknown): value is Cause {
  return typeof value === 'string' && (CAUSES as readonly string[]).includes(value);
}
