import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import * as x509 from './x509';

/** The embedded SCT list extension (RFC 6962, section 3.3). */
export const SCT_LIST_OID = '1.3.6.1.4.1.11129.2.4.2';

function uint16(n: number): number[] {
  return [(n >> 8) & 0xff, n & 0xff];
}

/** One structurally valid v1 SCT from a made-up log, with a made-up signature (never verifiable). */
function fakeSct(index: number, timestamp: number): number[] {
  const logId = Array.from({ length: 32 }, (_, i) => (i * 7 + index) & 0xff);
  const time = Array.from({ length: 8 }, (_, i) => Math.floor(timestamp / 2 ** (8 * (7 - i))) & 0xff);
  const signature = Array.from({ length: 70 }, (_, i) => (i + index) & 0xff);
  return [0, ...logId, ...time, ...uint16(0), 4, 3, ...uint16(signature.length), ...signature];
}

/**
 * An SCT list extension holding `count` fake SCTs. With `malformed`, the list's length prefix claims more
 * bytes than follow, as a truncated or hostile list would.
 */
export function sctListExtension(count: number, timestamp: number, options: { malformed?: boolean } = {}) {
  const entries = Array.from({ length: count }, (_, i) => fakeSct(i, timestamp)).flatMap((sct) => [
    ...uint16(sct.length),
    ...sct,
  ]);
  const claimed = entries.length + (options.malformed ? 40 : 0);
  const list = new Uint8Array([...uint16(claimed), ...entries]);
  return new x509.Extension(SCT_LIST_OID, false, AsnConvert.serialize(new OctetString(list)));
}
