import { truncate } from '../explain/truncate';
import type { MappedError } from '../types';
import { isKnownChromiumError, mapChromiumError } from './chromium';
import { looksLikeFirefoxError, mapFirefoxError } from './firefox';
import { unrecognised } from './mapped';
import { isKnownNodeError, mapNodeError } from './node';

export { CHROMIUM_ERROR_NAMES, mapChromiumError } from './chromium';
export { mapFirefoxError } from './firefox';
export { firefoxMessageFor } from './firefox-messages';
export { mapNodeError } from './node';
export { NSS_ERROR_CODES, nssErrorName } from './nss-codes';
export { nsresultFailure } from './nsresult';

/**
 * Maps any raw error into the core's vocabulary, telling the source by its shape: "net::ERR_…" and known Chromium
 * names go to Chromium; "Error code N", NSS and nsresult names and Firefox's en-US messages to Firefox; known
 * Node / OpenSSL codes to Node; other "ERR_…" names to Chromium (an unrecognised one). Anything else is unrecognised
 * with the 'firefox-message' source: free text is most likely Firefox's message in another language.
 */
export function mapError(raw: string): MappedError {
  const text = raw.trim();
  if (/^net::/i.test(text) || isKnownChromiumError(text)) return mapChromiumError(raw);
  if (looksLikeFirefoxError(text)) return mapFirefoxError(raw);
  if (isKnownNodeError(text)) return mapNodeError(raw);
  if (/^ERR_[A-Z0-9_]+$/i.test(text)) return mapChromiumError(raw);
  return unrecognised(raw, 'firefox-message');
}

/** "unrecognised error <raw>", the raw text cut to 200 characters. */
export function describeUnrecognised(m: MappedError): string {
  return `unrecognised error ${truncate(m.raw)}`;
}
