/**
 * Firefox's en-US texts for NSS errors (security/manager/locales/en-US/chrome/pipnss/nsserrors.properties), as
 * webRequest.onErrorOccurred reports them. Other locales give other texts: the numeric code from webNavigation is the
 * reliable source, these are the fallback.
 */
const MESSAGES: Readonly<Record<string, string>> = {
  SEC_ERROR_EXPIRED_CERTIFICATE: 'Peer’s Certificate has expired.',
  SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE:
    'The certificate issuer’s certificate has expired. Check your system date and time.',
  MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE: 'The server presented a certificate that is not yet valid.',
  MOZILLA_PKIX_ERROR_NOT_YET_VALID_ISSUER_CERTIFICATE:
    'A certificate that is not yet valid was used to issue the server’s certificate.',
  SEC_ERROR_UNKNOWN_ISSUER: 'Peer’s Certificate issuer is not recognized.',
  SEC_ERROR_UNTRUSTED_ISSUER: 'Peer’s certificate issuer has been marked as not trusted by the user.',
  SEC_ERROR_UNTRUSTED_CERT: 'Peer’s certificate has been marked as not trusted by the user.',
  MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT: 'The certificate is not trusted because it is self-signed.',
  SSL_ERROR_BAD_CERT_DOMAIN:
    'Unable to communicate securely with peer: requested domain name does not match the server’s certificate.',
  SEC_ERROR_REVOKED_CERTIFICATE: 'Peer’s Certificate has been revoked.',
  SEC_ERROR_BAD_SIGNATURE: 'Peer’s certificate has an invalid signature.',
  SEC_ERROR_BAD_KEY: 'Peer’s public key is invalid.',
  SEC_ERROR_CA_CERT_INVALID: 'Issuer certificate is invalid.',
  SEC_ERROR_INADEQUATE_KEY_USAGE: 'Certificate key usage inadequate for attempted operation.',
  SEC_ERROR_INADEQUATE_CERT_TYPE: 'Certificate type not approved for application.',
  SEC_ERROR_UNKNOWN_CRITICAL_EXTENSION: 'Certificate contains unknown critical extension.',
  SEC_ERROR_EXTENSION_VALUE_INVALID: 'Certificate extension value is invalid.',
  SEC_ERROR_PATH_LEN_CONSTRAINT_INVALID: 'Certificate path length constraint is invalid.',
  SEC_ERROR_CERT_NOT_IN_NAME_SPACE:
    'The Certifying Authority for this certificate is not permitted to issue a certificate with this name.',
  SEC_ERROR_CERT_SIGNATURE_ALGORITHM_DISABLED:
    'The certificate was signed using a signature algorithm that is disabled because it is not secure.',
  SEC_ERROR_OCSP_FUTURE_RESPONSE: 'The OCSP response is not yet valid (contains a date in the future).',
  SEC_ERROR_OCSP_OLD_RESPONSE: 'The OCSP response contains out-of-date information.',
  MOZILLA_PKIX_ERROR_KEY_PINNING_FAILURE:
    'The server uses key pinning (HPKP) but no trusted certificate chain could be constructed that matches the pinset. Key pinning violations cannot be overridden.',
  MOZILLA_PKIX_ERROR_CA_CERT_USED_AS_END_ENTITY:
    'The server uses a certificate with a basic constraints extension identifying it as a certificate authority. For a properly-issued certificate, this should not be the case.',
  MOZILLA_PKIX_ERROR_INADEQUATE_KEY_SIZE:
    'The server presented a certificate with a key size that is too small to establish a secure connection.',
  MOZILLA_PKIX_ERROR_V1_CERT_USED_AS_CA:
    'An X.509 version 1 certificate that is not a trust anchor was used to issue the server’s certificate. X.509 version 1 certificates are deprecated and should not be used to sign other certificates.',
  MOZILLA_PKIX_ERROR_VALIDITY_TOO_LONG: 'The server presented a certificate that is valid for too long.',
  MOZILLA_PKIX_ERROR_EMPTY_ISSUER_NAME:
    'The server presented a certificate with an empty issuer distinguished name.',
  MOZILLA_PKIX_ERROR_ISSUER_NO_LONGER_TRUSTED:
    'The certificate authority that issued the certificate was distrusted before the certificate was issued.',
  SSL_ERROR_NO_CYPHER_OVERLAP: 'Cannot communicate securely with peer: no common encryption algorithm(s).',
  SSL_ERROR_UNSUPPORTED_VERSION: 'Peer using unsupported version of security protocol.',
  SSL_ERROR_PROTOCOL_VERSION_ALERT: 'Peer reports incompatible or unsupported protocol version.',
  SSL_ERROR_HANDSHAKE_FAILURE_ALERT:
    'SSL peer was unable to negotiate an acceptable set of security parameters.',
  SSL_ERROR_RX_RECORD_TOO_LONG: 'SSL received a record that exceeded the maximum permissible length.',
  SSL_ERROR_WEAK_SERVER_CERT_KEY: 'The server certificate included a public key that was too weak.',
  SSL_ERROR_UNRECOGNIZED_NAME_ALERT: 'SSL peer has no certificate for the requested DNS name.',
};

/** Case, apostrophe style (’ or '), runs of white space and a final full stop do not matter. */
function normalise(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().replace(/\.$/, '').toLowerCase();
}

const NAMES_BY_MESSAGE: ReadonlyMap<string, string> = new Map(
  Object.entries(MESSAGES).map(([name, message]) => [normalise(message), name]),
);

/** The NSS name behind one of Firefox's en-US error texts, or null for any other text. */
export function nssNameFromMessage(message: string): string | null {
  return NAMES_BY_MESSAGE.get(normalise(message)) ?? null;
}

/** The en-US text Firefox shows for an NSS name, when certglance knows it. */
export function firefoxMessageFor(name: string): string | null {
  return MESSAGES[name] ?? null;
}
