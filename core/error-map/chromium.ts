import { AUTHORITY_CAUSES, DATE_CAUSES, type Cause } from '../causes';
import type { MappedError } from '../types';
import { mapped, unrecognised } from './mapped';

/**
 * Chromium's net errors (net/base/net_error_list.h), as webRequest and webNavigation report them:
 * "net::ERR_CERT_DATE_INVALID". Names that Chromium has since removed are kept for older browsers.
 */

type Entry = readonly [causes: readonly Cause[], certificateError: boolean];

const cert = (...causes: Cause[]): Entry => [causes, true];
const other = (...causes: Cause[]): Entry => [causes, false];

const CERTIFICATE: Readonly<Record<string, Entry>> = {
  ERR_CERT_COMMON_NAME_INVALID: cert('hostname_mismatch'),
  // An expired certificate, one not valid yet, an expired intermediate and a wrong local clock are all this one.
  ERR_CERT_DATE_INVALID: [DATE_CAUSES, true],
  // Every untrusted chain is this one.
  ERR_CERT_AUTHORITY_INVALID: [AUTHORITY_CAUSES, true],
  ERR_CERT_CONTAINS_ERRORS: cert(),
  ERR_CERT_NO_REVOCATION_MECHANISM: cert(),
  ERR_CERT_UNABLE_TO_CHECK_REVOCATION: cert(),
  ERR_CERT_REVOKED: cert('revoked'),
  ERR_CERT_INVALID: cert(),
  ERR_CERT_WEAK_SIGNATURE_ALGORITHM: cert('weak_signature'),
  ERR_CERT_NON_UNIQUE_NAME: cert(),
  ERR_CERT_WEAK_KEY: cert('weak_key'),
  ERR_CERT_NAME_CONSTRAINT_VIOLATION: cert(),
  ERR_CERT_VALIDITY_TOO_LONG: cert('validity_too_long'),
  ERR_CERTIFICATE_TRANSPARENCY_REQUIRED: cert('ct_required'),
  // The chain ends in a legacy Symantec root that Chromium no longer trusts.
  ERR_CERT_SYMANTEC_LEGACY: cert('untrusted_root'),
  ERR_CERT_KNOWN_INTERCEPTION_BLOCKED: cert('interception_suspected'),
  ERR_CERT_SELF_SIGNED_LOCAL_NETWORK: cert('self_signed'),
  ERR_CERT_ERROR_IN_SSL_RENEGOTIATION: cert(),
  ERR_PROXY_CERTIFICATE_INVALID: cert(),
  ERR_SSL_SERVER_CERT_BAD_FORMAT: cert(),
  ERR_QUIC_CERT_ROOT_NOT_KNOWN: cert(),
};

const HANDSHAKE = other('handshake_failure');
const PROTOCOL = other('protocol_mismatch');
const CONNECTION = other('connection_failed');
const DNS = other('dns_failure');
const TIMEOUT = other('timeout');
/** Not a failure of the site: the user, the browser, an extension, a policy or the local network stopped the load. */
const NOT_THE_SITE = other();

const TLS_AND_NETWORK: Readonly<Record<string, Entry>> = {
  ERR_SSL_PINNED_KEY_NOT_IN_CERT_CHAIN: other('pinning_failure'),
  ERR_SSL_VERSION_OR_CIPHER_MISMATCH: PROTOCOL,
  ERR_SSL_OBSOLETE_CIPHER: PROTOCOL,
  ERR_SSL_OBSOLETE_VERSION: PROTOCOL,
  ERR_SSL_FALLBACK_BEYOND_MINIMUM_VERSION: PROTOCOL,
  ERR_SSL_PROTOCOL_ERROR: HANDSHAKE,
  ERR_BAD_SSL_CLIENT_AUTH_CERT: HANDSHAKE,
  ERR_SSL_CLIENT_AUTH_CERT_NEEDED: HANDSHAKE,
  ERR_SSL_CLIENT_AUTH_PRIVATE_KEY_ACCESS_DENIED: HANDSHAKE,
  ERR_SSL_CLIENT_AUTH_CERT_NO_PRIVATE_KEY: HANDSHAKE,
  ERR_SSL_CLIENT_AUTH_SIGNATURE_FAILED: HANDSHAKE,
  ERR_SSL_CLIENT_AUTH_CERT_BAD_FORMAT: HANDSHAKE,
  ERR_SSL_CLIENT_AUTH_NO_COMMON_ALGORITHMS: HANDSHAKE,
  ERR_CLIENT_AUTH_CERT_TYPE_UNSUPPORTED: HANDSHAKE,
  ERR_SSL_RENEGOTIATION_REQUESTED: HANDSHAKE,
  ERR_SSL_NO_RENEGOTIATION: HANDSHAKE,
  ERR_SSL_DECOMPRESSION_FAILURE_ALERT: HANDSHAKE,
  ERR_SSL_BAD_RECORD_MAC_ALERT: HANDSHAKE,
  ERR_SSL_WEAK_SERVER_EPHEMERAL_DH_KEY: HANDSHAKE,
  ERR_SSL_HANDSHAKE_NOT_COMPLETED: HANDSHAKE,
  ERR_SSL_BAD_PEER_PUBLIC_KEY: HANDSHAKE,
  ERR_SSL_DECRYPT_ERROR_ALERT: HANDSHAKE,
  ERR_SSL_SERVER_CERT_CHANGED: HANDSHAKE,
  ERR_SSL_UNRECOGNIZED_NAME_ALERT: HANDSHAKE,
  ERR_SSL_INAPPROPRIATE_FALLBACK: HANDSHAKE,
  ERR_SSL_VERSION_INTERFERENCE: HANDSHAKE,
  ERR_SSL_KEY_USAGE_INCOMPATIBLE: HANDSHAKE,
  ERR_TLS13_DOWNGRADE_DETECTED: HANDSHAKE,
  ERR_ALPN_NEGOTIATION_FAILED: HANDSHAKE,
  ERR_INVALID_ECH_CONFIG_LIST: HANDSHAKE,
  ERR_ECH_NOT_NEGOTIATED: HANDSHAKE,
  ERR_ECH_FALLBACK_CERTIFICATE_INVALID: HANDSHAKE,
  ERR_QUIC_HANDSHAKE_FAILED: HANDSHAKE,
  ERR_CONNECTION_CLOSED: CONNECTION,
  ERR_CONNECTION_RESET: CONNECTION,
  ERR_CONNECTION_REFUSED: CONNECTION,
  ERR_CONNECTION_ABORTED: CONNECTION,
  ERR_CONNECTION_FAILED: CONNECTION,
  ERR_ADDRESS_UNREACHABLE: CONNECTION,
  ERR_EMPTY_RESPONSE: CONNECTION,
  ERR_TUNNEL_CONNECTION_FAILED: CONNECTION,
  ERR_PROXY_CONNECTION_FAILED: CONNECTION,
  ERR_SOCKS_CONNECTION_FAILED: CONNECTION,
  ERR_SOCKS_CONNECTION_HOST_UNREACHABLE: CONNECTION,
  ERR_NAME_NOT_RESOLVED: DNS,
  ERR_NAME_RESOLUTION_FAILED: DNS,
  ERR_ICANN_NAME_COLLISION: DNS,
  ERR_DNS_MALFORMED_RESPONSE: DNS,
  ERR_DNS_SERVER_REQUIRES_TCP: DNS,
  ERR_DNS_SERVER_FAILED: DNS,
  ERR_DNS_TIMED_OUT: DNS,
  ERR_DNS_SEARCH_EMPTY: DNS,
  ERR_DNS_SECURE_RESOLVER_HOSTNAME_RESOLUTION_FAILED: DNS,
  ERR_DNS_FORMAT_ERROR: DNS,
  ERR_DNS_SERVER_FAILURE: DNS,
  ERR_DNS_NOT_IMPLEMENTED: DNS,
  ERR_DNS_REFUSED: DNS,
  ERR_DNS_OTHER_FAILURE: DNS,
  ERR_TIMED_OUT: TIMEOUT,
  ERR_CONNECTION_TIMED_OUT: TIMEOUT,
  ERR_ABORTED: NOT_THE_SITE,
  ERR_BLOCKED_BY_CLIENT: NOT_THE_SITE,
  ERR_BLOCKED_BY_ADMINISTRATOR: NOT_THE_SITE,
  ERR_BLOCKED_IN_INCOGNITO_BY_ADMINISTRATOR: NOT_THE_SITE,
  ERR_BLOCKED_BY_RESPONSE: NOT_THE_SITE,
  ERR_BLOCKED_BY_CSP: NOT_THE_SITE,
  ERR_BLOCKED_BY_ORB: NOT_THE_SITE,
  ERR_BLOCKED_BY_FINGERPRINTING_PROTECTION: NOT_THE_SITE,
  ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS: NOT_THE_SITE,
  ERR_CLEARTEXT_NOT_PERMITTED: NOT_THE_SITE,
  ERR_NETWORK_ACCESS_REVOKED: NOT_THE_SITE,
  ERR_INTERNET_DISCONNECTED: NOT_THE_SITE,
  ERR_NETWORK_CHANGED: NOT_THE_SITE,
  ERR_NETWORK_ACCESS_DENIED: NOT_THE_SITE,
  ERR_NETWORK_IO_SUSPENDED: NOT_THE_SITE,
  ERR_CONTEXT_SHUT_DOWN: NOT_THE_SITE,
  ERR_CACHE_MISS: NOT_THE_SITE,
  ERR_UNKNOWN_URL_SCHEME: NOT_THE_SITE,
  ERR_DISALLOWED_URL_SCHEME: NOT_THE_SITE,
  ERR_INVALID_URL: NOT_THE_SITE,
  ERR_UNSAFE_PORT: NOT_THE_SITE,
  // A generic failure: it names no cause.
  ERR_FAILED: other(),
};

const TABLE: ReadonlyMap<string, Entry> = new Map(Object.entries({ ...CERTIFICATE, ...TLS_AND_NETWORK }));

/** The canonical name: upper case, without the "net::" prefix. */
function canonical(raw: string): string {
  return raw
    .trim()
    .replace(/^net::/i, '')
    .toUpperCase();
}

/** Whether a Chromium error name is one certglance knows. */
export function isKnownChromiumError(raw: string): boolean {
  return TABLE.has(canonical(raw));
}

/**
 * Maps a Chromium net error ("net::ERR_CERT_DATE_INVALID" or "ERR_CERT_DATE_INVALID") into the core's vocabulary.
 * Certificate errors without a fitting cause come back with no cause and certificateError set. An unknown
 * ERR_CERT_ name is an unrecognised certificate error; any other unknown text an unrecognised error.
 */
export function mapChromiumError(raw: string): MappedError {
  const name = canonical(raw);
  const entry = TABLE.get(name);
  if (entry) return mapped(raw, 'chromium', name, entry[0], entry[1]);
  return unrecognised(raw, 'chromium', /^ERR_CERT(IFICATE)?_[A-Z0-9_]+$/.test(name));
}

/** Every Chromium error name certglance maps, for tests and documentation. */
export const CHROMIUM_ERROR_NAMES: readonly string[] = [...TABLE.keys()];
