import type { Cause } from '../causes';

/** The title of each certain cause, as the popup shows it. */
export const CAUSE_TITLES: Readonly<Record<Cause, string>> = {
  expired: 'Certificate expired',
  not_yet_valid: 'Certificate not valid yet',
  issuer_expired: 'Intermediate certificate expired',
  hostname_mismatch: 'Certificate does not cover this name',
  self_signed: 'Self-signed certificate',
  unknown_issuer: 'Certificate issuer not known',
  incomplete_chain: 'Incomplete certificate chain',
  untrusted_root: 'Root certificate not trusted',
  revoked: 'Certificate revoked',
  weak_signature: 'Weak certificate signature',
  weak_key: 'Certificate key too weak',
  validity_too_long: 'Certificate valid for too long',
  ct_required: 'Certificate Transparency proof missing',
  pinning_failure: 'Key pinning failure',
  protocol_mismatch: 'No common TLS version or cipher',
  handshake_failure: 'TLS handshake failed',
  local_clock_wrong: "Your computer's clock is wrong",
  server_clock_skew: "The server's clock is wrong",
  inconsistent_backends: 'Servers disagree on the certificate',
  interception_suspected: 'Connection may be intercepted',
  connection_failed: 'Connection failed',
  dns_failure: 'Name not found (DNS)',
  timeout: 'Connection timed out',
};

/** A short lower-case label of each cause, for lists: "expired", "your clock". */
export const CAUSE_LABELS: Readonly<Record<Cause, string>> = {
  expired: 'expired',
  not_yet_valid: 'not yet valid',
  issuer_expired: 'an expired intermediate',
  hostname_mismatch: 'a name mismatch',
  self_signed: 'self-signed',
  unknown_issuer: 'unknown issuer',
  incomplete_chain: 'incomplete chain',
  untrusted_root: 'untrusted root',
  revoked: 'revoked',
  weak_signature: 'a weak signature',
  weak_key: 'a weak key',
  validity_too_long: 'valid for too long',
  ct_required: 'no Certificate Transparency proof',
  pinning_failure: 'a key pinning failure',
  protocol_mismatch: 'no common TLS version or cipher',
  handshake_failure: 'a failed TLS handshake',
  local_clock_wrong: 'your clock',
  server_clock_skew: "the server's clock",
  inconsistent_backends: 'servers that disagree',
  interception_suspected: 'interception',
  connection_failed: 'a failed connection',
  dns_failure: 'a name that does not resolve',
  timeout: 'a timeout',
};

/** "a, b, or c". */
export function orList(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' or ');
  return `${items.slice(0, -1).join(', ')}, or ${items[items.length - 1]}`;
}
