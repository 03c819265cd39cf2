import type { Cause } from '../causes';
import { NSS_ERROR_CODES } from './nss-codes';

/** What one NSS / mozilla::pkix error name means in the core's vocabulary. */
export interface NssMeaning {
  causes: readonly Cause[];
  certificateError: boolean;
  /** Depth of the failing certificate when the name says it (0: the server's own certificate). */
  depth?: number;
}

/**
 * NSS names with a cause. SEC_ERROR_UNKNOWN_ISSUER is ambiguous: Firefox reports an issuer it does not know and a
 * server that did not send its intermediate the same way, and only the chain the server sends tells them apart.
 * The issuer variants (EXPIRED_ISSUER, NOT_YET_VALID_ISSUER) do not say which certificate of the chain failed.
 */
const WITH_CAUSE: Readonly<Record<string, NssMeaning>> = {
  SEC_ERROR_EXPIRED_CERTIFICATE: { causes: ['expired'], certificateError: true, depth: 0 },
  SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE: { causes: ['issuer_expired'], certificateError: true },
  MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE: {
    causes: ['not_yet_valid'],
    certificateError: true,
    depth: 0,
  },
  MOZILLA_PKIX_ERROR_NOT_YET_VALID_ISSUER_CERTIFICATE: { causes: ['not_yet_valid'], certificateError: true },
  SSL_ERROR_BAD_CERT_DOMAIN: { causes: ['hostname_mismatch'], certificateError: true, depth: 0 },
  MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT: { causes: ['self_signed'], certificateError: true, depth: 0 },
  SEC_ERROR_UNKNOWN_ISSUER: { causes: ['unknown_issuer', 'incomplete_chain'], certificateError: true },
  SEC_ERROR_UNTRUSTED_ISSUER: { causes: ['untrusted_root'], certificateError: true },
  MOZILLA_PKIX_ERROR_ISSUER_NO_LONGER_TRUSTED: { causes: ['untrusted_root'], certificateError: true },
  SEC_ERROR_REVOKED_CERTIFICATE: { causes: ['revoked'], certificateError: true },
  SEC_ERROR_REVOKED_CERTIFICATE_CRL: { causes: ['revoked'], certificateError: true },
  SEC_ERROR_REVOKED_CERTIFICATE_OCSP: { causes: ['revoked'], certificateError: true },
  SEC_ERROR_REVOKED_KEY: { causes: ['revoked'], certificateError: true },
  SEC_ERROR_CERT_SIGNATURE_ALGORITHM_DISABLED: { causes: ['weak_signature'], certificateError: true },
  MOZILLA_PKIX_ERROR_INADEQUATE_KEY_SIZE: { causes: ['weak_key'], certificateError: true },
  SSL_ERROR_WEAK_SERVER_CERT_KEY: { causes: ['weak_key'], certificateError: true, depth: 0 },
  MOZILLA_PKIX_ERROR_VALIDITY_TOO_LONG: { causes: ['validity_too_long'], certificateError: true, depth: 0 },
  MOZILLA_PKIX_ERROR_INSUFFICIENT_CERTIFICATE_TRANSPARENCY: {
    causes: ['ct_required'],
    certificateError: true,
  },
  MOZILLA_PKIX_ERROR_KEY_PINNING_FAILURE: { causes: ['pinning_failure'], certificateError: true },
  MOZILLA_PKIX_ERROR_MITM_DETECTED: { causes: ['interception_suspected'], certificateError: true },
  SSL_ERROR_NO_CYPHER_OVERLAP: { causes: ['protocol_mismatch'], certificateError: false },
  SSL_ERROR_UNSUPPORTED_VERSION: { causes: ['protocol_mismatch'], certificateError: false },
  SSL_ERROR_PROTOCOL_VERSION_ALERT: { causes: ['protocol_mismatch'], certificateError: false },
  SSL_ERROR_INSUFFICIENT_SECURITY_ALERT: { causes: ['protocol_mismatch'], certificateError: false },
  SSL_ERROR_NO_CIPHERS_SUPPORTED: { causes: ['protocol_mismatch'], certificateError: false },
  SSL_ERROR_CIPHER_DISALLOWED_FOR_VERSION: { causes: ['protocol_mismatch'], certificateError: false },
};

/** Certificate errors no cause of the vocabulary fits: reported as unrecognised certificate errors. */
const CERTIFICATE_WITHOUT_CAUSE = new Set([
  'SEC_ERROR_BAD_DER',
  'SEC_ERROR_BAD_SIGNATURE',
  'SEC_ERROR_BAD_KEY',
  'SEC_ERROR_UNTRUSTED_CERT',
  'SEC_ERROR_CERT_NOT_VALID',
  'SEC_ERROR_EXTENSION_VALUE_INVALID',
  'SEC_ERROR_EXTENSION_NOT_FOUND',
  'SEC_ERROR_CA_CERT_INVALID',
  'SEC_ERROR_PATH_LEN_CONSTRAINT_INVALID',
  'SEC_ERROR_CERT_USAGES_INVALID',
  'SEC_ERROR_INVALID_KEY',
  'SEC_ERROR_UNKNOWN_CRITICAL_EXTENSION',
  'SEC_ERROR_UNSUPPORTED_KEYALG',
  'SEC_ERROR_INADEQUATE_KEY_USAGE',
  'SEC_ERROR_INADEQUATE_CERT_TYPE',
  'SEC_ERROR_CERT_NOT_IN_NAME_SPACE',
  'SEC_ERROR_UNSUPPORTED_ELLIPTIC_CURVE',
  'SEC_ERROR_UNSUPPORTED_EC_POINT_FORM',
  'SEC_ERROR_EXTRA_INPUT',
  'SEC_ERROR_INVALID_POLICY_MAPPING',
  'SEC_ERROR_POLICY_VALIDATION_FAILED',
  'SEC_ERROR_OUT_OF_SEARCH_LIMITS',
  'SEC_ERROR_BAD_INFO_ACCESS_LOCATION',
  'SEC_ERROR_BAD_INFO_ACCESS_METHOD',
  'SEC_ERROR_CERT_BAD_ACCESS_LOCATION',
  'SEC_ERROR_ALGORITHM_MISMATCH',
  'SEC_ERROR_SIGNATURE_ALGORITHM_DISABLED',
  'SEC_ERROR_CRL_EXPIRED',
  'SEC_ERROR_CRL_BAD_SIGNATURE',
  'SEC_ERROR_CRL_INVALID',
  'SEC_ERROR_CRL_NOT_YET_VALID',
  'SEC_ERROR_CRL_INVALID_VERSION',
  'SEC_ERROR_CRL_V1_CRITICAL_EXTENSION',
  'SEC_ERROR_CRL_UNKNOWN_CRITICAL_EXTENSION',
  'SEC_ERROR_BAD_CRL_DP_URL',
  'SEC_ERROR_OCSP_UNKNOWN_RESPONSE_TYPE',
  'SEC_ERROR_OCSP_BAD_HTTP_RESPONSE',
  'SEC_ERROR_OCSP_MALFORMED_REQUEST',
  'SEC_ERROR_OCSP_SERVER_ERROR',
  'SEC_ERROR_OCSP_TRY_SERVER_LATER',
  'SEC_ERROR_OCSP_REQUEST_NEEDS_SIG',
  'SEC_ERROR_OCSP_UNAUTHORIZED_REQUEST',
  'SEC_ERROR_OCSP_UNKNOWN_RESPONSE_STATUS',
  'SEC_ERROR_OCSP_UNKNOWN_CERT',
  'SEC_ERROR_OCSP_MALFORMED_RESPONSE',
  'SEC_ERROR_OCSP_UNAUTHORIZED_RESPONSE',
  'SEC_ERROR_OCSP_FUTURE_RESPONSE',
  'SEC_ERROR_OCSP_OLD_RESPONSE',
  'SEC_ERROR_OCSP_INVALID_SIGNING_CERT',
  'SEC_ERROR_OCSP_RESPONDER_CERT_INVALID',
  'SEC_ERROR_OCSP_BAD_SIGNATURE',
  'MOZILLA_PKIX_ERROR_CA_CERT_USED_AS_END_ENTITY',
  'MOZILLA_PKIX_ERROR_V1_CERT_USED_AS_CA',
  'MOZILLA_PKIX_ERROR_NO_RFC822NAME_MATCH',
  'MOZILLA_PKIX_ERROR_SIGNATURE_ALGORITHM_MISMATCH',
  'MOZILLA_PKIX_ERROR_OCSP_RESPONSE_FOR_CERT_MISSING',
  'MOZILLA_PKIX_ERROR_REQUIRED_TLS_FEATURE_MISSING',
  'MOZILLA_PKIX_ERROR_INVALID_INTEGER_ENCODING',
  'MOZILLA_PKIX_ERROR_EMPTY_ISSUER_NAME',
  'MOZILLA_PKIX_ERROR_ADDITIONAL_POLICY_CONSTRAINT_FAILED',
]);

/** Failures on this computer, not the site's: no cause. */
const LOCAL_WITHOUT_CAUSE = new Set([
  'SEC_ERROR_IO',
  'SEC_ERROR_LIBRARY_FAILURE',
  'SEC_ERROR_BAD_DATA',
  'SEC_ERROR_INVALID_ALGORITHM',
  'SEC_ERROR_INVALID_AVA',
  'SEC_ERROR_INVALID_TIME',
  'SEC_ERROR_NO_MEMORY',
  'SEC_ERROR_UNKNOWN_CERT',
  'SEC_ERROR_UNKNOWN_SIGNER',
  'SEC_ERROR_UNRECOGNIZED_OID',
  'SEC_ERROR_OCSP_NOT_ENABLED',
  'SEC_ERROR_OCSP_NO_DEFAULT_RESPONDER',
  'SSL_ERROR_SSL_DISABLED',
]);

/**
 * The meaning of a known NSS / mozilla::pkix name. Every other known SSL_ERROR_ name is a failed handshake. Null for
 * a name certglance does not know.
 */
export function nssMeaning(name: string): NssMeaning | null {
  if (!NSS_ERROR_CODES.has(name)) return null;
  const known = WITH_CAUSE[name];
  if (known) return known;
  if (CERTIFICATE_WITHOUT_CAUSE.has(name)) return { causes: [], certificateError: true };
  if (LOCAL_WITHOUT_CAUSE.has(name)) return { causes: [], certificateError: false };
  if (name.startsWith('SSL_ERROR_')) return { causes: ['handshake_failure'], certificateError: false };
  return { causes: [], certificateError: false };
}
