import type { CertSummary, Result } from '../types';
import { inputLength, toBytes } from './bytes';
import { decode } from './decode';
import { summarise } from './summarise';

/** Why a certificate could not be parsed. */
export type CertificateError = 'empty' | 'malformed_der' | 'too_large';

/** Largest DER accepted: real certificates are a few KiB. */
export const MAX_CERTIFICATE_BYTES = 64 * 1024;

function fail(code: CertificateError, message: string): Result<CertSummary, CertificateError> {
  return { ok: false, error: { code, message } };
}

/**
 * Parses one DER certificate into a CertSummary. Never throws: empty, oversized (over 64 KiB) or undecodable
 * input comes back as an error result. Every text field is untrusted and returned as text.
 */
export function parseCertificate(
  der: Uint8Array | ArrayBuffer | readonly number[],
): Result<CertSummary, CertificateError> {
  const length = inputLength(der);
  if (length === null) return fail('malformed_der', 'not a byte array');
  if (length === 0) return fail('empty', 'no certificate bytes');
  if (length > MAX_CERTIFICATE_BYTES)
    return fail('too_large', `certificate larger than ${MAX_CERTIFICATE_BYTES} bytes`);
  const bytes = toBytes(der);
  if (bytes === null) return fail('malformed_der', 'not a byte array');
  try {
    const decoded = decode(bytes);
    if (decoded === null)
      return fail('malformed_der', 'not a single DER-encoded certificate with valid dates');
    return { ok: true, value: summarise(bytes, decoded) };
  } catch {
    return fail('malformed_der', 'not an X.509 certificate');
  }
}
