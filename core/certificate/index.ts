/** X.509 certificates from DER into CertSummary: the parser both the extension and the probe use. */
export { MAX_CERTIFICATE_BYTES, parseCertificate, type CertificateError } from './parse-certificate';
