/** Untrusted text is shown as-is but never longer than this many characters. */
export const MAX_UNTRUSTED_CHARS = 200;

/**
 * At most `max` characters (code points, so no surrogate pair is split), ending with "…" when cut.
 * Nothing else is changed: the text is rendered as text, never as HTML.
 */
export function truncate(text: string, max = MAX_UNTRUSTED_CHARS): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
