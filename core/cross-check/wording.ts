import { fingerprintPrefix } from '../fingerprint-prefix';
import type { AddressComparison } from './types';

/** Control characters, zero-width and bidirectional overrides: they could disguise a name. */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Untrusted certificate text made safe for a sentence: no control characters, at most 80 characters, quoted. */
export function quote(text: string): string {
  const clean = text.replace(UNSAFE_CHARS, ' ').trim();
  return `"${clean.length > 80 ? `${clean.slice(0, 79)}…` : clean}"`;
}

/** "127.0.0.2, 127.0.0.3". */
export function addressList(addresses: AddressComparison[]): string {
  return addresses.map((a) => a.ip).join(', ');
}

/** "127.0.0.2 serves AB:CD:EF:01…" and, when the probe failed there, " and fails (expired)". */
export function servesText(a: AddressComparison): string {
  const what = a.fingerprintSha256
    ? `serves ${fingerprintPrefix(a.fingerprintSha256)}`
    : 'served no certificate';
  return `${a.ip} ${what}${a.ok ? '' : ` and fails (${a.cause ?? 'not trusted'})`}`;
}

/** What each address that served a certificate serves, joined with "; ". */
export function servedList(perAddress: AddressComparison[]): string {
  return perAddress
    .filter((a) => a.fingerprintSha256)
    .map(servesText)
    .join('; ');
}
