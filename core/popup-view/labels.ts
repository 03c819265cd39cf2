import type { BadgeLevel } from '../badge';
import { truncate } from '../explain/truncate';
import type { PublicKeyInfo } from '../types';

/** Each level in words, so that no level is told by colour alone. */
export const LEVEL_LABELS: Readonly<Record<BadgeLevel, string>> = {
  ok: 'Valid',
  renewal_due: 'Renewal due',
  warn: 'Renew soon',
  critical: 'Renew now',
  expired: 'Expired',
  not_yet_valid: 'Not yet valid',
  failure: 'Certificate error',
  none: 'Not HTTPS',
  unknown: 'No details',
};

/** Control, zero-width and direction-override characters: they can fake line breaks or reorder what is shown. */
const UNSAFE_CHARS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * Untrusted text (certificate fields, probe answers, URLs) made fit to show on one line: unsafe characters become
 * U+FFFD, and it is cut to `max` characters. Still text: render it as text, never as HTML.
 */
export function displayText(text: string, max?: number): string {
  return truncate(text.replace(UNSAFE_CHARS, '\uFFFD'), max);
}

/** "EC P-256", "RSA 2048 bits", "Ed25519". */
export function keyText(key: PublicKeyInfo): string {
  const parts = [displayText(key.type, 40)];
  if (key.curve) parts.push(displayText(key.curve, 40));
  if (key.bits) parts.push(`${key.bits} bits`);
  return parts.join(' ');
}

export { fingerprintPrefix } from '../fingerprint-prefix';

/** "Yes" / "No" / null for unknown. */
export function yesNo(value: boolean | null | undefined, yes = 'Yes', no = 'No'): string | null {
  return value === null || value === undefined ? null : value ? yes : no;
}
