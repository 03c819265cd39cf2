import type { Cause } from '../causes';
import { parseInstant, type ChainCert } from '../expiry';
import type { MappedError } from '../types';
import { mapped, unrecognised } from './mapped';

/**
 * Node.js / OpenSSL errors: the `authorizationError` of a TLS socket (OpenSSL's X509_V_ERR_ names without the prefix),
 * `checkServerIdentity`'s ERR_TLS_CERT_ALTNAME_INVALID, OpenSSL handshake errors ("ERR_SSL_" + the reason) and socket
 * and resolver errors (ECONNREFUSED, ENOTFOUND).
 */

type Entry = readonly [causes: readonly Cause[], certificateError: boolean, depth?: number];

const cert = (causes: Cause[], depth?: number): Entry => [causes, true, depth];
const other = (...causes: Cause[]): Entry => [causes, false];

/** X509_V_ERR_ names, with or without the prefix. */
const VERIFICATION: Readonly<Record<string, Entry>> = {
  CERT_HAS_EXPIRED: cert(['expired']),
  CERT_NOT_YET_VALID: cert(['not_yet_valid']),
  DEPTH_ZERO_SELF_SIGNED_CERT: cert(['self_signed'], 0),
  SELF_SIGNED_CERT_IN_CHAIN: cert(['untrusted_root']),
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: cert(['unknown_issuer']),
  // A server that sends only its certificate gets this both when the intermediate is missing and when the issuing
  // CA is unknown: only the chain and the trust store tell them apart.
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: cert(['incomplete_chain', 'unknown_issuer'], 0),
  // The issuer of some certificate could not be found: an unknown CA or a missing intermediate.
  UNABLE_TO_GET_ISSUER_CERT: cert(['unknown_issuer', 'incomplete_chain']),
  CERT_REVOKED: cert(['revoked']),
  CERT_UNTRUSTED: cert(['untrusted_root']),
  CERT_REJECTED: cert(['untrusted_root']),
  HOSTNAME_MISMATCH: cert(['hostname_mismatch'], 0),
  EE_KEY_TOO_SMALL: cert(['weak_key'], 0),
  CA_KEY_TOO_SMALL: cert(['weak_key']),
  CA_MD_TOO_WEAK: cert(['weak_signature']),
  CERT_SIGNATURE_FAILURE: cert([]),
  UNABLE_TO_DECRYPT_CERT_SIGNATURE: cert([]),
  UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY: cert([]),
  ERROR_IN_CERT_NOT_BEFORE_FIELD: cert([]),
  ERROR_IN_CERT_NOT_AFTER_FIELD: cert([]),
  CERT_CHAIN_TOO_LONG: cert([]),
  INVALID_CA: cert([]),
  PATH_LENGTH_EXCEEDED: cert([]),
  INVALID_PURPOSE: cert([]),
  UNABLE_TO_GET_CRL: cert([]),
  UNABLE_TO_DECRYPT_CRL_SIGNATURE: cert([]),
  CRL_SIGNATURE_FAILURE: cert([]),
  CRL_NOT_YET_VALID: cert([]),
  CRL_HAS_EXPIRED: cert([]),
  ERROR_IN_CRL_LAST_UPDATE_FIELD: cert([]),
  ERROR_IN_CRL_NEXT_UPDATE_FIELD: cert([]),
  OUT_OF_MEM: other(),
};

const HANDSHAKE = other('handshake_failure');
const PROTOCOL = other('protocol_mismatch');
const CONNECTION = other('connection_failed');
const DNS = other('dns_failure');
const TIMEOUT = other('timeout');

const OTHER: Readonly<Record<string, Entry>> = {
  ERR_TLS_CERT_ALTNAME_INVALID: cert(['hostname_mismatch'], 0),
  ERR_SSL_EE_KEY_TOO_SMALL: cert(['weak_key'], 0),
  ERR_SSL_CA_KEY_TOO_SMALL: cert(['weak_key']),
  ERR_SSL_CA_MD_TOO_WEAK: cert(['weak_signature']),
  // Most often a plain-HTTP (non-TLS) service answering on the port.
  ERR_SSL_WRONG_VERSION_NUMBER: HANDSHAKE,
  EPROTO: HANDSHAKE,
  ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE: HANDSHAKE,
  ERR_SSL_TLSV1_ALERT_INTERNAL_ERROR: HANDSHAKE,
  ERR_SSL_TLSV1_UNRECOGNIZED_NAME: HANDSHAKE,
  ERR_SSL_TLSV1_ALERT_DECODE_ERROR: HANDSHAKE,
  ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: HANDSHAKE,
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE: HANDSHAKE,
  ERR_SSL_PACKET_LENGTH_TOO_LONG: HANDSHAKE,
  ERR_SSL_RECORD_LAYER_FAILURE: HANDSHAKE,
  ERR_SSL_UNEXPECTED_EOF_WHILE_READING: HANDSHAKE,
  ERR_SSL_DH_KEY_TOO_SMALL: HANDSHAKE,
  ERR_SSL_UNSAFE_LEGACY_RENEGOTIATION_DISABLED: HANDSHAKE,
  ERR_TLS_INVALID_PROTOCOL_VERSION: PROTOCOL,
  ERR_SSL_UNSUPPORTED_PROTOCOL: PROTOCOL,
  ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION: PROTOCOL,
  ERR_SSL_NO_PROTOCOLS_AVAILABLE: PROTOCOL,
  ERR_SSL_VERSION_TOO_LOW: PROTOCOL,
  ERR_SSL_NO_CIPHERS_AVAILABLE: PROTOCOL,
  ERR_SSL_NO_SHARED_CIPHER: PROTOCOL,
  ERR_SSL_TLSV1_ALERT_INSUFFICIENT_SECURITY: PROTOCOL,
  ECONNREFUSED: CONNECTION,
  ECONNRESET: CONNECTION,
  ECONNABORTED: CONNECTION,
  EHOSTUNREACH: CONNECTION,
  ENETUNREACH: CONNECTION,
  EHOSTDOWN: CONNECTION,
  EPIPE: CONNECTION,
  ERR_SOCKET_CLOSED: CONNECTION,
  ENOTFOUND: DNS,
  EAI_AGAIN: DNS,
  EAI_NONAME: DNS,
  EAI_FAIL: DNS,
  EAI_NODATA: DNS,
  ETIMEDOUT: TIMEOUT,
  ERR_TLS_HANDSHAKE_TIMEOUT: TIMEOUT,
  ERR_SOCKET_CONNECTION_TIMEOUT: TIMEOUT,
};

function lookup(code: string): { name: string; entry: Entry } | null {
  const upper = code.trim().toUpperCase();
  const name = upper.replace(/^X509_V_ERR_/, '');
  const entry = VERIFICATION[name] ?? OTHER[name];
  return entry ? { name, entry } : null;
}

/** Whether a Node / OpenSSL code is one certglance knows. */
export function isKnownNodeError(code: string): boolean {
  return lookup(code) !== null;
}

/** Index of the first certificate for which `test` holds on its parsed dates; null when none does. */
function findDepth(
  chain: readonly ChainCert[],
  test: (notBefore: number, notAfter: number) => boolean,
): number | null {
  const index = chain.findIndex((c) => {
    const notBefore = parseInstant(c.notBefore);
    const notAfter = parseInstant(c.notAfter);
    return notBefore !== null && notAfter !== null && test(notBefore, notAfter);
  });
  return index < 0 ? null : index;
}

/**
 * OpenSSL reports an expired leaf and an expired intermediate with the same CERT_HAS_EXPIRED: with the chain (leaf
 * first) and `now`, the first certificate expired at `now` decides: depth 0 is `expired`, deeper is `issuer_expired`.
 * CERT_NOT_YET_VALID likewise sets the depth (the cause stays `not_yet_valid`). Without a chain, or when no
 * certificate of it fails at `now`, the cause is `expired` (or `not_yet_valid`) with no depth: which certificate
 * failed is then not known.
 */
function dated(
  raw: string,
  name: string,
  chain: readonly ChainCert[] | undefined,
  now: number | undefined,
): MappedError {
  const expired = name === 'CERT_HAS_EXPIRED';
  const depth =
    chain && now !== undefined && Number.isFinite(now)
      ? findDepth(chain, (notBefore, notAfter) => (expired ? now >= notAfter : now < notBefore))
      : null;
  if (depth === null) return mapped(raw, 'node', name, [expired ? 'expired' : 'not_yet_valid'], true);
  const cause: Cause = expired ? (depth === 0 ? 'expired' : 'issuer_expired') : 'not_yet_valid';
  return mapped(raw, 'node', name, [cause], true, depth);
}

/**
 * Maps a Node / OpenSSL error code into the core's vocabulary. `chain` (leaf first) and `now` let CERT_HAS_EXPIRED
 * and CERT_NOT_YET_VALID name the failing certificate.
 */
export function mapNodeError(code: string, chain?: readonly ChainCert[], now?: number): MappedError {
  const found = lookup(code);
  if (!found) return unrecognised(code, 'node');
  const { name, entry } = found;
  if (name === 'CERT_HAS_EXPIRED' || name === 'CERT_NOT_YET_VALID') return dated(code, name, chain, now);
  return mapped(code, 'node', name, entry[0], entry[1], entry[2]);
}
