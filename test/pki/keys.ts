import { webcrypto } from 'node:crypto';

/** The key kinds the test PKI uses. */
export type KeyKind = 'p256' | 'p384' | 'rsa2048';

/** WebCrypto key generation parameters for each kind. */
export const KEY_ALGORITHMS: Record<KeyKind, EcKeyGenParams | RsaHashedKeyGenParams> = {
  p256: { name: 'ECDSA', namedCurve: 'P-256' },
  p384: { name: 'ECDSA', namedCurve: 'P-384' },
  rsa2048: {
    name: 'RSASSA-PKCS1-v1_5',
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  },
};

/** Makes a fresh extractable signing key pair. */
export async function makeKeyPair(kind: KeyKind): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(KEY_ALGORITHMS[kind], true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
}

/** Wraps DER bytes in PEM armour with 64-character lines. */
export function toPem(der: Uint8Array | ArrayBuffer, label: string): string {
  const base64 = Buffer.from(der instanceof Uint8Array ? der : new Uint8Array(der)).toString('base64');
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Exports a private key as PKCS#8 PEM, the form node:tls and openssl read. */
export async function privateKeyPem(key: CryptoKey): Promise<string> {
  return toPem(await webcrypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}
