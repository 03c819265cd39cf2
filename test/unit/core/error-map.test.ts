import { describe, expect, test } from 'vitest';
import type { Cause } from '../../../core/causes';
import {
  CHROMIUM_ERROR_NAMES,
  describeUnrecognised,
  firefoxMessageFor,
  mapChromiumError,
  mapError,
  mapFirefoxError,
  mapNodeError,
  NSS_ERROR_CODES,
  nsresultFailure,
} from '../../../core/error-map';

const DATE_INVALID: Cause[] = ['expired', 'not_yet_valid', 'issuer_expired', 'local_clock_wrong'];
const AUTHORITY_INVALID: Cause[] = ['unknown_issuer', 'self_signed', 'incomplete_chain', 'untrusted_root'];

/** Every Chromium name the map knows, with what it must mean: [name, causes, certificateError]. */
const CHROMIUM: [string, Cause[], boolean][] = [
  ['ERR_CERT_COMMON_NAME_INVALID', ['hostname_mismatch'], true],
  ['ERR_CERT_DATE_INVALID', DATE_INVALID, true],
  ['ERR_CERT_AUTHORITY_INVALID', AUTHORITY_INVALID, true],
  ['ERR_CERT_CONTAINS_ERRORS', [], true],
  ['ERR_CERT_NO_REVOCATION_MECHANISM', [], true],
  ['ERR_CERT_UNABLE_TO_CHECK_REVOCATION', [], true],
  ['ERR_CERT_REVOKED', ['revoked'], true],
  ['ERR_CERT_INVALID', [], true],
  ['ERR_CERT_WEAK_SIGNATURE_ALGORITHM', ['weak_signature'], true],
  ['ERR_CERT_NON_UNIQUE_NAME', [], true],
  ['ERR_CERT_WEAK_KEY', ['weak_key'], true],
  ['ERR_CERT_NAME_CONSTRAINT_VIOLATION', [], true],
  ['ERR_CERT_VALIDITY_TOO_LONG', ['validity_too_long'], true],
  ['ERR_CERTIFICATE_TRANSPARENCY_REQUIRED', ['ct_required'], true],
  ['ERR_CERT_SYMANTEC_LEGACY', ['untrusted_root'], true],
  ['ERR_CERT_KNOWN_INTERCEPTION_BLOCKED', ['interception_suspected'], true],
  ['ERR_CERT_SELF_SIGNED_LOCAL_NETWORK', ['self_signed'], true],
  ['ERR_CERT_ERROR_IN_SSL_RENEGOTIATION', [], true],
  ['ERR_PROXY_CERTIFICATE_INVALID', [], true],
  ['ERR_SSL_SERVER_CERT_BAD_FORMAT', [], true],
  ['ERR_QUIC_CERT_ROOT_NOT_KNOWN', [], true],
  ['ERR_SSL_PINNED_KEY_NOT_IN_CERT_CHAIN', ['pinning_failure'], false],
  ['ERR_SSL_VERSION_OR_CIPHER_MISMATCH', ['protocol_mismatch'], false],
  ['ERR_SSL_OBSOLETE_CIPHER', ['protocol_mismatch'], false],
  ['ERR_SSL_OBSOLETE_VERSION', ['protocol_mismatch'], false],
  ['ERR_SSL_FALLBACK_BEYOND_MINIMUM_VERSION', ['protocol_mismatch'], false],
  ['ERR_SSL_PROTOCOL_ERROR', ['handshake_failure'], false],
  ['ERR_BAD_SSL_CLIENT_AUTH_CERT', ['handshake_failure'], false],
  ['ERR_SSL_CLIENT_AUTH_CERT_NEEDED', ['handshake_failure'], false],
  ['ERR_SSL_CLIENT_AUTH_PRIVATE_KEY_ACCESS_DENIED', ['handshake_failure'], false],
  ['ERR_SSL_CLIENT_AUTH_CERT_NO_PRIVATE_KEY', ['handshake_failure'], false],
  ['ERR_SSL_CLIENT_AUTH_SIGNATURE_FAILED', ['handshake_failure'], false],
  ['ERR_SSL_CLIENT_AUTH_CERT_BAD_FORMAT', ['handshake_failure'], false],
  ['ERR_SSL_CLIENT_AUTH_NO_COMMON_ALGORITHMS', ['handshake_failure'], false],
  ['ERR_CLIENT_AUTH_CERT_TYPE_UNSUPPORTED', ['handshake_failure'], false],
  ['ERR_SSL_RENEGOTIATION_REQUESTED', ['handshake_failure'], false],
  ['ERR_SSL_NO_RENEGOTIATION', ['handshake_failure'], false],
  ['ERR_SSL_DECOMPRESSION_FAILURE_ALERT', ['handshake_failure'], false],
  ['ERR_SSL_BAD_RECORD_MAC_ALERT', ['handshake_failure'], false],
  ['ERR_SSL_WEAK_SERVER_EPHEMERAL_DH_KEY', ['handshake_failure'], false],
  ['ERR_SSL_HANDSHAKE_NOT_COMPLETED', ['handshake_failure'], false],
  ['ERR_SSL_BAD_PEER_PUBLIC_KEY', ['handshake_failure'], false],
  ['ERR_SSL_DECRYPT_ERROR_ALERT', ['handshake_failure'], false],
  ['ERR_SSL_SERVER_CERT_CHANGED', ['handshake_failure'], false],
  ['ERR_SSL_UNRECOGNIZED_NAME_ALERT', ['handshake_failure'], false],
  ['ERR_SSL_INAPPROPRIATE_FALLBACK', ['handshake_failure'], false],
  ['ERR_SSL_VERSION_INTERFERENCE', ['handshake_failure'], false],
  ['ERR_SSL_KEY_USAGE_INCOMPATIBLE', ['handshake_failure'], false],
  ['ERR_TLS13_DOWNGRADE_DETECTED', ['handshake_failure'], false],
  ['ERR_ALPN_NEGOTIATION_FAILED', ['handshake_failure'], false],
  ['ERR_INVALID_ECH_CONFIG_LIST', ['handshake_failure'], false],
  ['ERR_ECH_NOT_NEGOTIATED', ['handshake_failure'], false],
  ['ERR_ECH_FALLBACK_CERTIFICATE_INVALID', ['handshake_failure'], false],
  ['ERR_QUIC_HANDSHAKE_FAILED', ['handshake_failure'], false],
  ['ERR_CONNECTION_CLOSED', ['connection_failed'], false],
  ['ERR_CONNECTION_RESET', ['connection_failed'], false],
  ['ERR_CONNECTION_REFUSED', ['connection_failed'], false],
  ['ERR_CONNECTION_ABORTED', ['connection_failed'], false],
  ['ERR_CONNECTION_FAILED', ['connection_failed'], false],
  ['ERR_ADDRESS_UNREACHABLE', ['connection_failed'], false],
  ['ERR_EMPTY_RESPONSE', ['connection_failed'], false],
  ['ERR_TUNNEL_CONNECTION_FAILED', ['connection_failed'], false],
  ['ERR_PROXY_CONNECTION_FAILED', ['connection_failed'], false],
  ['ERR_SOCKS_CONNECTION_FAILED', ['connection_failed'], false],
  ['ERR_SOCKS_CONNECTION_HOST_UNREACHABLE', ['connection_failed'], false],
  ['ERR_NAME_NOT_RESOLVED', ['dns_failure'], false],
  ['ERR_NAME_RESOLUTION_FAILED', ['dns_failure'], false],
  ['ERR_ICANN_NAME_COLLISION', ['dns_failure'], false],
  ['ERR_DNS_MALFORMED_RESPONSE', ['dns_failure'], false],
  ['ERR_DNS_SERVER_REQUIRES_TCP', ['dns_failure'], false],
  ['ERR_DNS_SERVER_FAILED', ['dns_failure'], false],
  ['ERR_DNS_TIMED_OUT', ['dns_failure'], false],
  ['ERR_DNS_SEARCH_EMPTY', ['dns_failure'], false],
  ['ERR_DNS_SECURE_RESOLVER_HOSTNAME_RESOLUTION_FAILED', ['dns_failure'], false],
  ['ERR_DNS_FORMAT_ERROR', ['dns_failure'], false],
  ['ERR_DNS_SERVER_FAILURE', ['dns_failure'], false],
  ['ERR_DNS_NOT_IMPLEMENTED', ['dns_failure'], false],
  ['ERR_DNS_REFUSED', ['dns_failure'], false],
  ['ERR_DNS_OTHER_FAILURE', ['dns_failure'], false],
  ['ERR_TIMED_OUT', ['timeout'], false],
  ['ERR_CONNECTION_TIMED_OUT', ['timeout'], false],
  ['ERR_ABORTED', [], false],
  ['ERR_BLOCKED_BY_CLIENT', [], false],
  ['ERR_BLOCKED_BY_ADMINISTRATOR', [], false],
  ['ERR_BLOCKED_IN_INCOGNITO_BY_ADMINISTRATOR', [], false],
  ['ERR_BLOCKED_BY_RESPONSE', [], false],
  ['ERR_BLOCKED_BY_CSP', [], false],
  ['ERR_BLOCKED_BY_ORB', [], false],
  ['ERR_BLOCKED_BY_FINGERPRINTING_PROTECTION', [], false],
  ['ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS', [], false],
  ['ERR_CLEARTEXT_NOT_PERMITTED', [], false],
  ['ERR_NETWORK_ACCESS_REVOKED', [], false],
  ['ERR_INTERNET_DISCONNECTED', [], false],
  ['ERR_NETWORK_CHANGED', [], false],
  ['ERR_NETWORK_ACCESS_DENIED', [], false],
  ['ERR_NETWORK_IO_SUSPENDED', [], false],
  ['ERR_CONTEXT_SHUT_DOWN', [], false],
  ['ERR_CACHE_MISS', [], false],
  ['ERR_UNKNOWN_URL_SCHEME', [], false],
  ['ERR_DISALLOWED_URL_SCHEME', [], false],
  ['ERR_INVALID_URL', [], false],
  ['ERR_UNSAFE_PORT', [], false],
  ['ERR_FAILED', [], false],
];

describe('mapChromiumError', () => {
  test('the table covers every name the map knows', () => {
    expect(CHROMIUM.map(([name]) => name).sort()).toEqual([...CHROMIUM_ERROR_NAMES].sort());
  });

  test.each(CHROMIUM)('%s -> %j (certificate error: %s)', (name, causes, certificateError) => {
    for (const raw of [`net::${name}`, name, ` ${name.toLowerCase()} `]) {
      const m = mapChromiumError(raw);
      expect(m).toEqual({ raw, source: 'chromium', name, causes, certificateError });
      expect(mapError(raw)).toEqual(m);
    }
  });

  test.each([
    ['net::ERR_CERT_SOMETHING_NEW', true],
    ['ERR_CERTIFICATE_SOMETHING_NEW', true],
    ['net::ERR_SOMETHING_NEW', false],
    ['net::', false],
  ])('unknown %s is unrecognised (certificate error: %s)', (raw, certificateError) => {
    expect(mapChromiumError(raw)).toEqual({
      raw,
      source: 'chromium',
      name: null,
      causes: [],
      certificateError,
    });
  });
});

/** The numbers tls-facts.md gives, and the NSS headers define. */
const NSS_NUMBERS: [string, number][] = [
  ['SEC_ERROR_EXPIRED_CERTIFICATE', -8181],
  ['SEC_ERROR_REVOKED_CERTIFICATE', -8180],
  ['SEC_ERROR_UNKNOWN_ISSUER', -8179],
  ['SEC_ERROR_UNTRUSTED_ISSUER', -8172],
  ['SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE', -8162],
  ['SEC_ERROR_CA_CERT_INVALID', -8156],
  ['SEC_ERROR_INADEQUATE_KEY_USAGE', -8102],
  ['SEC_ERROR_CERT_SIGNATURE_ALGORITHM_DISABLED', -8016],
  ['SSL_ERROR_NO_CYPHER_OVERLAP', -12286],
  ['SSL_ERROR_UNSUPPORTED_VERSION', -12279],
  ['SSL_ERROR_BAD_CERT_DOMAIN', -12276],
  ['MOZILLA_PKIX_ERROR_KEY_PINNING_FAILURE', -16384],
  ['MOZILLA_PKIX_ERROR_INADEQUATE_KEY_SIZE', -16382],
  ['MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE', -16379],
  ['MOZILLA_PKIX_ERROR_VALIDITY_TOO_LONG', -16375],
  ['MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT', -16370],
  ['MOZILLA_PKIX_ERROR_MITM_DETECTED', -16369],
  ['MOZILLA_PKIX_ERROR_INSUFFICIENT_CERTIFICATE_TRANSPARENCY', -16368],
  ['MOZILLA_PKIX_ERROR_ISSUER_NO_LONGER_TRUSTED', -16367],
];

/** What each NSS name must mean: [name, causes, certificateError]. */
const NSS_MEANINGS: [string, Cause[], boolean][] = [
  ['SEC_ERROR_EXPIRED_CERTIFICATE', ['expired'], true],
  ['SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE', ['issuer_expired'], true],
  ['MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE', ['not_yet_valid'], true],
  ['MOZILLA_PKIX_ERROR_NOT_YET_VALID_ISSUER_CERTIFICATE', ['not_yet_valid'], true],
  ['SSL_ERROR_BAD_CERT_DOMAIN', ['hostname_mismatch'], true],
  ['MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT', ['self_signed'], true],
  ['SEC_ERROR_UNKNOWN_ISSUER', ['unknown_issuer', 'incomplete_chain'], true],
  ['SEC_ERROR_UNTRUSTED_ISSUER', ['untrusted_root'], true],
  ['MOZILLA_PKIX_ERROR_ISSUER_NO_LONGER_TRUSTED', ['untrusted_root'], true],
  ['SEC_ERROR_REVOKED_CERTIFICATE', ['revoked'], true],
  ['SEC_ERROR_REVOKED_CERTIFICATE_OCSP', ['revoked'], true],
  ['SEC_ERROR_CERT_SIGNATURE_ALGORITHM_DISABLED', ['weak_signature'], true],
  ['MOZILLA_PKIX_ERROR_INADEQUATE_KEY_SIZE', ['weak_key'], true],
  ['SSL_ERROR_WEAK_SERVER_CERT_KEY', ['weak_key'], true],
  ['MOZILLA_PKIX_ERROR_VALIDITY_TOO_LONG', ['validity_too_long'], true],
  ['MOZILLA_PKIX_ERROR_INSUFFICIENT_CERTIFICATE_TRANSPARENCY', ['ct_required'], true],
  ['MOZILLA_PKIX_ERROR_KEY_PINNING_FAILURE', ['pinning_failure'], true],
  ['MOZILLA_PKIX_ERROR_MITM_DETECTED', ['interception_suspected'], true],
  ['SSL_ERROR_NO_CYPHER_OVERLAP', ['protocol_mismatch'], false],
  ['SSL_ERROR_UNSUPPORTED_VERSION', ['protocol_mismatch'], false],
  ['SSL_ERROR_PROTOCOL_VERSION_ALERT', ['protocol_mismatch'], false],
  ['SSL_ERROR_HANDSHAKE_FAILURE_ALERT', ['handshake_failure'], false],
  ['SSL_ERROR_RX_RECORD_TOO_LONG', ['handshake_failure'], false],
  ['SEC_ERROR_CA_CERT_INVALID', [], true],
  ['SEC_ERROR_INADEQUATE_KEY_USAGE', [], true],
  ['SEC_ERROR_INADEQUATE_CERT_TYPE', [], true],
  ['SEC_ERROR_BAD_SIGNATURE', [], true],
  ['SEC_ERROR_UNTRUSTED_CERT', [], true],
  ['MOZILLA_PKIX_ERROR_CA_CERT_USED_AS_END_ENTITY', [], true],
  ['SEC_ERROR_LIBRARY_FAILURE', [], false],
];

/** webNavigation's "Error code N": the security module's 0x805A in the high bits, the negated NSS code below. */
function firefoxCode(nss: number): number {
  return 0x805a0000 + -nss;
}

describe('mapFirefoxError', () => {
  test.each(NSS_NUMBERS)('%s is %i', (name, code) => {
    expect(NSS_ERROR_CODES.get(name)).toBe(code);
  });

  test.each([
    ['Error code 2153390069', 'SEC_ERROR_EXPIRED_CERTIFICATE', ['expired'], true, 0],
    ['Error code 2153398267', 'MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE', ['not_yet_valid'], true, 0],
    ['Error code 2153394164', 'SSL_ERROR_BAD_CERT_DOMAIN', ['hostname_mismatch'], true, 0],
    ['Error code 2153398258', 'MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT', ['self_signed'], true, 0],
    [
      'Error code 2153390067',
      'SEC_ERROR_UNKNOWN_ISSUER',
      ['unknown_issuer', 'incomplete_chain'],
      true,
      undefined,
    ],
    ['Error code 2152398861', 'NS_ERROR_CONNECTION_REFUSED', ['connection_failed'], false, undefined],
    ['Error code 2152398878', 'NS_ERROR_UNKNOWN_HOST', ['dns_failure'], false, undefined],
    ['Error code 2152398862', 'NS_ERROR_NET_TIMEOUT', ['timeout'], false, undefined],
    ['Error code 2152398868', 'NS_ERROR_NET_RESET', ['connection_failed'], false, undefined],
    ['Error code 2152398919', 'NS_ERROR_NET_INTERRUPT', ['connection_failed'], false, undefined],
    ['Error code 2152398920', 'NS_ERROR_PROXY_CONNECTION_REFUSED', ['connection_failed'], false, undefined],
    ['Error code 2152398850', 'NS_BINDING_ABORTED', [], false, undefined],
    ['Error code 2147500036', 'NS_ERROR_ABORT', [], false, undefined],
  ] as const)('%s -> %s', (raw, name, causes, certificateError, depth) => {
    const expected = {
      raw,
      source: 'firefox-code',
      name,
      causes,
      certificateError,
      ...(depth === undefined ? {} : { depth }),
    };
    expect(mapFirefoxError(raw)).toEqual(expected);
    expect(mapError(raw)).toEqual(expected);
  });

  test('nsresult numbers are computed as ErrorList.py does', () => {
    expect(nsresultFailure(6, 13)).toBe(2152398861);
    expect(nsresultFailure(21, 0) >>> 16).toBe(0x805a);
  });

  test.each(NSS_MEANINGS)(
    '%s: as a name, an "Error code" and a bare number',
    (name, causes, certificateError) => {
      const code = NSS_ERROR_CODES.get(name);
      expect(code).toBeDefined();
      const n = firefoxCode(code!);
      for (const [raw, source] of [
        [name, 'firefox-nss'],
        [name.toLowerCase(), 'firefox-nss'],
        [`Error code ${n}`, 'firefox-code'],
        [String(n), 'firefox-code'],
      ] as const) {
        const m = mapFirefoxError(raw);
        expect(m).toMatchObject({ raw, source, name, causes, certificateError });
        expect(mapError(raw)).toEqual(m);
      }
    },
  );

  test('every known NSS name decodes back from its computed "Error code"', () => {
    for (const [name, code] of NSS_ERROR_CODES) {
      expect(mapFirefoxError(`Error code ${firefoxCode(code)}`).name).toBe(name);
    }
  });

  test.each([
    ['Peer’s Certificate has expired.', 'SEC_ERROR_EXPIRED_CERTIFICATE', ['expired']],
    ["Peer's Certificate has expired.", 'SEC_ERROR_EXPIRED_CERTIFICATE', ['expired']],
    [
      'The server presented a certificate that is not yet valid.',
      'MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE',
      ['not_yet_valid'],
    ],
    [
      'Peer’s Certificate issuer is not recognized.',
      'SEC_ERROR_UNKNOWN_ISSUER',
      ['unknown_issuer', 'incomplete_chain'],
    ],
    [
      "Peer's Certificate issuer is not recognized.",
      'SEC_ERROR_UNKNOWN_ISSUER',
      ['unknown_issuer', 'incomplete_chain'],
    ],
    [
      'The certificate is not trusted because it is self-signed.',
      'MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT',
      ['self_signed'],
    ],
    [
      'Unable to communicate securely with peer: requested domain name does not match the server’s certificate.',
      'SSL_ERROR_BAD_CERT_DOMAIN',
      ['hostname_mismatch'],
    ],
    [
      "Unable to communicate securely with peer: requested domain name does not match the server's certificate.",
      'SSL_ERROR_BAD_CERT_DOMAIN',
      ['hostname_mismatch'],
    ],
    [
      'The certificate issuer’s certificate has expired. Check your system date and time.',
      'SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE',
      ['issuer_expired'],
    ],
    ['Peer’s Certificate has been revoked.', 'SEC_ERROR_REVOKED_CERTIFICATE', ['revoked']],
    [
      'Cannot communicate securely with peer: no common encryption algorithm(s).',
      'SSL_ERROR_NO_CYPHER_OVERLAP',
      ['protocol_mismatch'],
    ],
  ] as const)('en-US message %j', (raw, name, causes) => {
    const m = mapFirefoxError(raw);
    expect(m).toMatchObject({ raw, source: 'firefox-message', name, causes });
    expect({ ...m, raw: name, source: 'firefox-nss' }).toEqual(mapFirefoxError(name));
    expect(mapError(raw)).toEqual(m);
  });

  test('the messages match the names they are listed under', () => {
    const message = firefoxMessageFor('SEC_ERROR_EXPIRED_CERTIFICATE');
    expect(message).toBe('Peer’s Certificate has expired.');
    expect(mapFirefoxError(message!).name).toBe('SEC_ERROR_EXPIRED_CERTIFICATE');
  });

  test.each([
    ['NS_ERROR_CONNECTION_REFUSED', ['connection_failed']],
    ['NS_ERROR_UNKNOWN_HOST', ['dns_failure']],
    ['NS_ERROR_NET_TIMEOUT', ['timeout']],
    ['NS_ERROR_NET_RESET', ['connection_failed']],
    ['NS_ERROR_NET_INTERRUPT', ['connection_failed']],
    ['NS_ERROR_PROXY_CONNECTION_REFUSED', ['connection_failed']],
    ['NS_ERROR_NET_INADEQUATE_SECURITY', ['protocol_mismatch']],
    ['NS_BINDING_ABORTED', []],
    ['NS_ERROR_OFFLINE', []],
  ] as const)('nsresult name %s', (raw, causes) => {
    const expected = { raw, source: 'firefox-message', name: raw, causes, certificateError: false };
    expect(mapFirefoxError(raw)).toEqual(expected);
    expect(mapError(raw)).toEqual(expected);
  });

  test.each([
    ['Error code 99999999999', 'firefox-code'],
    ['Error code 2153381000', 'firefox-code'],
    ['Error code 0', 'firefox-code'],
    ['SEC_ERROR_NOT_A_REAL_ONE', 'firefox-nss'],
    ['NS_ERROR_NOT_A_REAL_ONE', 'firefox-message'],
    ['Le certificat du pair a expiré.', 'firefox-message'],
  ])('unknown %j is unrecognised', (raw, source) => {
    expect(mapFirefoxError(raw)).toMatchObject({ raw, source, name: null, causes: [] });
  });
});

const NOW = Date.UTC(2026, 5, 16, 10, 32);
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const valid = { notBefore: iso(NOW - 30 * DAY), notAfter: iso(NOW + 30 * DAY) };
const expiredCert = { notBefore: iso(NOW - 90 * DAY), notAfter: iso(NOW - 2 * DAY) };
const futureCert = { notBefore: iso(NOW + 3 * DAY), notAfter: iso(NOW + 93 * DAY) };

describe('mapNodeError', () => {
  test.each([
    ['CERT_HAS_EXPIRED', ['expired'], true, undefined],
    ['CERT_NOT_YET_VALID', ['not_yet_valid'], true, undefined],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', ['self_signed'], true, 0],
    ['SELF_SIGNED_CERT_IN_CHAIN', ['untrusted_root'], true, undefined],
    ['UNABLE_TO_GET_ISSUER_CERT', ['unknown_issuer', 'incomplete_chain'], true, undefined],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', ['unknown_issuer'], true, undefined],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', ['incomplete_chain', 'unknown_issuer'], true, 0],
    ['CERT_REVOKED', ['revoked'], true, undefined],
    ['CERT_SIGNATURE_FAILURE', [], true, undefined],
    ['CERT_UNTRUSTED', ['untrusted_root'], true, undefined],
    ['CERT_REJECTED', ['untrusted_root'], true, undefined],
    ['HOSTNAME_MISMATCH', ['hostname_mismatch'], true, 0],
    ['ERR_TLS_CERT_ALTNAME_INVALID', ['hostname_mismatch'], true, 0],
    ['EE_KEY_TOO_SMALL', ['weak_key'], true, 0],
    ['CA_KEY_TOO_SMALL', ['weak_key'], true, undefined],
    ['CA_MD_TOO_WEAK', ['weak_signature'], true, undefined],
    ['ERR_SSL_EE_KEY_TOO_SMALL', ['weak_key'], true, 0],
    ['ERR_SSL_CA_MD_TOO_WEAK', ['weak_signature'], true, undefined],
    ['INVALID_CA', [], true, undefined],
    ['PATH_LENGTH_EXCEEDED', [], true, undefined],
    ['ECONNREFUSED', ['connection_failed'], false, undefined],
    ['ECONNRESET', ['connection_failed'], false, undefined],
    ['EHOSTUNREACH', ['connection_failed'], false, undefined],
    ['ETIMEDOUT', ['timeout'], false, undefined],
    ['ERR_TLS_HANDSHAKE_TIMEOUT', ['timeout'], false, undefined],
    ['ENOTFOUND', ['dns_failure'], false, undefined],
    ['EAI_AGAIN', ['dns_failure'], false, undefined],
    ['EPROTO', ['handshake_failure'], false, undefined],
    ['ERR_SSL_WRONG_VERSION_NUMBER', ['handshake_failure'], false, undefined],
    ['ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', ['handshake_failure'], false, undefined],
    ['ERR_SSL_UNSUPPORTED_PROTOCOL', ['protocol_mismatch'], false, undefined],
    ['ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION', ['protocol_mismatch'], false, undefined],
    ['ERR_SSL_NO_CIPHERS_AVAILABLE', ['protocol_mismatch'], false, undefined],
  ] as const)('%s -> %j', (code, causes, certificateError, depth) => {
    const expected = {
      raw: code,
      source: 'node',
      name: code,
      causes,
      certificateError,
      ...(depth === undefined ? {} : { depth }),
    };
    expect(mapNodeError(code)).toEqual(expected);
    expect(mapError(code)).toEqual(expected);
  });

  test('the X509_V_ERR_ prefix is accepted', () => {
    expect(mapNodeError('X509_V_ERR_CERT_REVOKED')).toMatchObject({
      name: 'CERT_REVOKED',
      causes: ['revoked'],
    });
  });

  test.each([
    ['leaf expired', 'CERT_HAS_EXPIRED', [expiredCert, valid, valid], 'expired', 0],
    ['intermediate expired', 'CERT_HAS_EXPIRED', [valid, expiredCert, valid], 'issuer_expired', 1],
    ['root expired', 'CERT_HAS_EXPIRED', [valid, valid, expiredCert], 'issuer_expired', 2],
    ['leaf not yet valid', 'CERT_NOT_YET_VALID', [futureCert, valid], 'not_yet_valid', 0],
    ['intermediate not yet valid', 'CERT_NOT_YET_VALID', [valid, futureCert], 'not_yet_valid', 1],
  ] as const)('%s: the chain is walked to the failing depth', (_label, code, chain, cause, depth) => {
    expect(mapNodeError(code, chain, NOW)).toEqual({
      raw: code,
      source: 'node',
      name: code,
      causes: [cause],
      certificateError: true,
      depth,
    });
  });

  test.each([
    ['no chain', undefined, NOW],
    ['no now', [valid, expiredCert], undefined],
    ['nothing fails at now', [valid, valid], NOW],
    ['unparseable dates', [{ notBefore: 'soon', notAfter: 'later' }], NOW],
  ] as const)('CERT_HAS_EXPIRED with %s: expired, depth unknown', (_label, chain, now) => {
    const m = mapNodeError('CERT_HAS_EXPIRED', chain, now);
    expect(m.causes).toEqual(['expired']);
    expect(m).not.toHaveProperty('depth');
  });
});

describe('garbage', () => {
  test.each([
    ['empty', ''],
    ['blank', '   '],
    ['a word', 'hello'],
    ['control characters', '\u0000\u0001'],
    ['markup', '<script>alert(1)</script>'],
    ['10,000 characters', 'x'.repeat(10_000)],
    ['a bare prefix', 'ERR_'],
    ['an unknown net error', 'net::ERR_NOT_A_THING'],
    ['a near miss', 'CERT_HAS_EXPIRED_NOT'],
    ['a negative code', 'Error code -5'],
    ['a fractional code', 'Error code 12.5'],
  ])('%s maps to no cause and keeps the raw text', (_label, raw) => {
    for (const m of [mapError(raw), mapChromiumError(raw), mapFirefoxError(raw), mapNodeError(raw)]) {
      expect(m.raw).toBe(raw);
      expect(m.name).toBeNull();
      expect(m.causes).toEqual([]);
    }
  });

  test.each([
    ['net::ERR_CERT_DATE_INVALID', 'chromium'],
    ['Error code 2153390069', 'firefox-code'],
    ['SEC_ERROR_EXPIRED_CERTIFICATE', 'firefox-nss'],
    ['Peer’s Certificate has expired.', 'firefox-message'],
    ['NS_ERROR_CONNECTION_REFUSED', 'firefox-message'],
    ['CERT_HAS_EXPIRED', 'node'],
    ['ECONNREFUSED', 'node'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'node'],
    ['ERR_SSL_VERSION_OR_CIPHER_MISMATCH', 'chromium'],
    ['ERR_SOMETHING_NEW', 'chromium'],
    ['Ein unbekannter Fehler', 'firefox-message'],
  ])('mapError tells %j comes from %s', (raw, source) => {
    expect(mapError(raw).source).toBe(source);
  });
});

describe('describeUnrecognised', () => {
  test('names the raw text', () => {
    expect(describeUnrecognised(mapError('Ein unbekannter Fehler'))).toBe(
      'unrecognised error Ein unbekannter Fehler',
    );
  });

  test('cuts absurdly long text to 200 characters', () => {
    const text = describeUnrecognised(mapError('y'.repeat(5000)));
    expect(text).toBe(`unrecognised error ${'y'.repeat(199)}…`);
    expect(text.length).toBe('unrecognised error '.length + 200);
  });
});
