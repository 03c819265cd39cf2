import type { MappedError } from '../types';
import { nssNameFromMessage } from './firefox-messages';
import { mapped, unrecognised } from './mapped';
import { nssMeaning } from './nss-causes';
import { isCertificateRange, NSS_ERROR_CODES, nssErrorName } from './nss-codes';
import { nsresultByName, nsresultByValue, nssCodeFromNsresult } from './nsresult';

/**
 * Firefox reports a failure three ways: webNavigation's "Error code 2153390069" (an nsresult; NSS errors ride in the
 * security module), an NSS name ("SEC_ERROR_EXPIRED_CERTIFICATE"), and webRequest's localized message (en-US
 * understood here) or nsresult name ("NS_ERROR_CONNECTION_REFUSED").
 */

const ERROR_CODE = /^(?:error code\s*:?\s*)?(\d+)$/i;
const NSS_NAME = /^(?:SEC_ERROR|SSL_ERROR|MOZILLA_PKIX_ERROR)_[A-Z0-9_]+$/;
const NSRESULT_NAME = /^NS_[A-Z0-9_]+$/;

/** Whether the text has the shape of a Firefox error: a code, an NSS or nsresult name, or a known en-US message. */
export function looksLikeFirefoxError(raw: string): boolean {
  const text = raw.trim();
  const upper = text.toUpperCase();
  return (
    ERROR_CODE.test(text) ||
    NSS_NAME.test(upper) ||
    NSRESULT_NAME.test(upper) ||
    nssNameFromMessage(text) !== null
  );
}

function fromNssName(raw: string, source: MappedError['source'], name: string): MappedError {
  const meaning = nssMeaning(name);
  if (!meaning) return unrecognised(raw, source);
  return mapped(raw, source, name, meaning.causes, meaning.certificateError, meaning.depth);
}

function fromCode(raw: string, n: number): MappedError {
  const nss = nssCodeFromNsresult(n);
  if (nss !== null) {
    const name = nssErrorName(nss);
    return name
      ? fromNssName(raw, 'firefox-code', name)
      : unrecognised(raw, 'firefox-code', isCertificateRange(nss));
  }
  const meaning = nsresultByValue(n);
  if (!meaning) return unrecognised(raw, 'firefox-code');
  return mapped(raw, 'firefox-code', meaning.name, meaning.causes, false);
}

/**
 * Maps a Firefox error into the core's vocabulary. SEC_ERROR_UNKNOWN_ISSUER gives two causes, unknown_issuer and
 * incomplete_chain: Firefox cannot tell a CA it does not know from an intermediate the server did not send.
 * An nsresult name comes back with the 'firefox-message' source: it arrives where webRequest puts its message.
 */
export function mapFirefoxError(raw: string): MappedError {
  const text = raw.trim();
  const code = ERROR_CODE.exec(text);
  if (code) return fromCode(raw, Number(code[1]));

  const upper = text.toUpperCase();
  if (NSS_NAME.test(upper)) {
    return NSS_ERROR_CODES.has(upper)
      ? fromNssName(raw, 'firefox-nss', upper)
      : unrecognised(raw, 'firefox-nss');
  }
  if (NSRESULT_NAME.test(upper)) {
    const meaning = nsresultByName(upper);
    return meaning
      ? mapped(raw, 'firefox-message', meaning.name, meaning.causes, false)
      : unrecognised(raw, 'firefox-message');
  }
  const fromMessage = nssNameFromMessage(text);
  return fromMessage
    ? fromNssName(raw, 'firefox-message', fromMessage)
    : unrecognised(raw, 'firefox-message');
}
