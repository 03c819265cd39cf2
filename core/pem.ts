/** PEM armour for certificates, without Node's Buffer: the extension and the probe share it. */

const BLOCK = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;

function decodeBase64(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, '');
  if (clean.length === 0 || clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(clean)) return null;
  try {
    return Uint8Array.from(atob(clean), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** DER bytes of every CERTIFICATE block in `pem`, in order. Blocks whose base64 is damaged are skipped. */
export function pemToDers(pem: string): Uint8Array[] {
  const ders: Uint8Array[] = [];
  for (const match of pem.matchAll(BLOCK)) {
    const der = decodeBase64(match[1] ?? '');
    if (der !== null) ders.push(der);
  }
  return ders;
}

/** One certificate as PEM, base64 in 64-character lines, with a trailing newline. */
export function derToPem(der: Uint8Array | ArrayBuffer | readonly number[]): string {
  const bytes = der instanceof ArrayBuffer ? new Uint8Array(der) : der;
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  const lines = btoa(binary).match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
