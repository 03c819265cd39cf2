import { MAX_UNTRUSTED_CHARS, truncate } from '../core/explain/truncate';

/**
 * Untrusted text made safe for a terminal: control characters (ESC sequences could rewrite the screen), C1 controls
 * and bidirectional overrides (which reorder what is shown) become \u{…} escapes; at most `max` characters.
 */
export function printable(text: string, max = MAX_UNTRUSTED_CHARS): string {
  const escaped = text.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu,
    (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`,
  );
  return truncate(escaped, max);
}
