import type * as asn from '@peculiar/asn1-x509';
import type { PublicKeyInfo } from '../types';
import { keyType } from './oid-names';
import { x509 } from './x509';

/** The key's type, with its size (RSA) or curve (EC) when the library can read them. */
export function publicKeyInfo(spki: asn.SubjectPublicKeyInfo): PublicKeyInfo {
  const info: PublicKeyInfo = { type: keyType(spki.algorithm.algorithm) };
  try {
    const algorithm = new x509.PublicKey(spki).algorithm as Partial<RsaHashedKeyAlgorithm & EcKeyAlgorithm>;
    if (info.type === 'RSA' && typeof algorithm.modulusLength === 'number')
      info.bits = algorithm.modulusLength;
    if (info.type === 'EC' && typeof algorithm.namedCurve === 'string') info.curve = algorithm.namedCurve;
  } catch {
    // An unknown curve or damaged key: the type alone.
  }
  return info;
}
