import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import type { x509 } from './x509';

const SCT_LIST_OID = '1.3.6.1.4.1.11129.2.4.2';

/** Entries of the embedded SCT list (RFC 6962, 3.3): a TLS vector of uint16-length-prefixed SCTs. 0 if malformed. */
export function sctCount(exts: x509.Extension[]): number {
  const ext = exts.find((e) => e.type === SCT_LIST_OID);
  if (!ext) return 0;
  try {
    const list = new Uint8Array(AsnConvert.parse(ext.value, OctetString).buffer);
    if (list.length < 2 || ((list[0]! << 8) | list[1]!) !== list.length - 2) return 0;
    let count = 0;
    for (let pos = 2; pos < list.length; count++) {
      if (pos + 2 > list.length) return 0;
      const len = (list[pos]! << 8) | list[pos + 1]!;
      if (len === 0 || pos + 2 + len > list.length) return 0;
      pos += 2 + len;
    }
    return count;
  } catch {
    return 0;
  }
}
