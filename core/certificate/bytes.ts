/** Bytes as uppercase colon hex: "AB:CD:01". */
export function colonHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

/** Bytes as standard base64 (with padding). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Accepts DER as bytes, a buffer or Firefox's array of numbers; null when it is none of these. */
export function toBytes(input: unknown): Uint8Array | null {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (Array.isArray(input) && input.every((n) => Number.isInteger(n) && n >= 0 && n <= 255)) {
    return Uint8Array.from(input as number[]);
  }
  return null;
}

/** The length of DER input before it is checked, so that oversized input is refused before it is copied. */
export function inputLength(input: unknown): number | null {
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) return input.byteLength;
  if (Array.isArray(input)) return input.length;
  return null;
}
