/**
 * RFC 4514 distinguished names as text: parsing names as Firefox prints them, and printing them back the way
 * parseCertificate prints names read from DER, so both read alike. Names are untrusted text: never throws.
 */

/** One attribute of a distinguished name; `joined` when it follows the previous one with '+' (same RDN). */
export interface DnAttribute {
  type: string;
  value: string;
  joined: boolean;
}

/** Control characters (U+0000 to U+001F, U+007F) as RFC 4514 hex pairs: "\0A". Everything else as it is. */
export function escapeControls(text: string): string {
  return Array.from(text, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 || code === 0x7f ? `\\${code.toString(16).padStart(2, '0').toUpperCase()}` : c;
  }).join('');
}

/** The first value of attribute `type` (the most specific one, as Firefox prints names) or null. */
export function attributeOf(attributes: DnAttribute[], type: string): string | null {
  return attributes.find((a) => a.type.toUpperCase() === type.toUpperCase())?.value ?? null;
}

/** RFC 4514 escaping of one attribute value, as parseCertificate prints names; control characters as hex pairs. */
function escapeValue(value: string): string {
  const escaped = escapeControls(Array.from(value, (c) => ('\\"+,;<>'.includes(c) ? `\\${c}` : c)).join(''));
  return escaped.replace(/^([ #])/, '\\$1').replace(/ $/, '\\ ');
}

/** A parsed name printed back as RFC 4514, so names from Firefox's fields read like names parsed from DER. */
export function formatDistinguishedName(attributes: DnAttribute[]): string {
  return attributes
    .map((a, i) => `${i === 0 ? '' : a.joined ? '+' : ','}${a.type}=${escapeValue(a.value)}`)
    .join('');
}

/**
 * Parses a distinguished name as Firefox prints it: RFC 4514 order, values backslash-escaped (`\,` or `\3C`) or
 * double-quoted (NSS quotes values holding special characters: `CN="a, b"`). Never throws.
 */
export function parseDistinguishedName(dn: string): DnAttribute[] {
  const attributes: DnAttribute[] = [];
  const chars = Array.from(dn);
  let type = '';
  let bytes: number[] = [];
  let inType = true;
  let quoted = false;
  let joined = false;
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const flush = (next: string): void => {
    if (type.trim())
      attributes.push({ type: type.trim(), value: decoder.decode(Uint8Array.from(bytes)).trim(), joined });
    joined = next === '+';
    type = '';
    bytes = [];
    inType = true;
  };
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (inType) {
      if (c === '=') inType = false;
      else if (c === ',' || c === '+') flush(c);
      else type += c;
    } else if (c === '\\' && i + 1 < chars.length) {
      const hex = `${chars[i + 1]}${chars[i + 2] ?? ''}`;
      if (/^[0-9a-fA-F]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        i += 2;
      } else {
        bytes.push(...encoder.encode(chars[i + 1]!));
        i += 1;
      }
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && (c === ',' || c === '+')) {
      flush(c);
    } else {
      bytes.push(...encoder.encode(c));
    }
  }
  flush('');
  return attributes;
}
