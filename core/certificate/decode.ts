import { AsnParser } from '@peculiar/asn1-schema';
import * as asn from '@peculiar/asn1-x509';
import { Constructed, fromBER, GeneralizedTime, UTCTime, type AsnType } from 'asn1js';

/**
 * Bounds for untrusted input. Strings are not decoded again as embedded ASN.1 (the summary reads extension values
 * on their own), and the input is read in place: the caller's bytes are not copied.
 */
export const BER_OPTIONS = {
  maxDepth: 64,
  maxNodes: 20_000,
  parseEmbedded: false,
  copyInput: false,
} as const;

/** A decoded time whose fields form a real instant: asn1js rolls month 13 over and reads "13xx" as 1899. */
function isRealTime(time: UTCTime): boolean {
  if (time.error) return false;
  const date = time.toDate();
  const ms = time instanceof GeneralizedTime ? time.millisecond : 0;
  return (
    date.getUTCFullYear() === time.year &&
    date.getUTCMonth() + 1 === time.month &&
    date.getUTCDate() === time.day &&
    date.getUTCHours() === time.hour &&
    date.getUTCMinutes() === time.minute &&
    date.getUTCSeconds() === time.second &&
    date.getUTCMilliseconds() === ms
  );
}

/**
 * The validity's two times, found in the decoded tree (the TBS child made of exactly two time values), and the DER
 * of the subject public key info, two fields after it.
 */
function validityAndKey(root: AsnType): { times: UTCTime[]; spki: Uint8Array | null } {
  const tbs = root instanceof Constructed ? root.valueBlock.value[0] : undefined;
  const children = tbs instanceof Constructed ? tbs.valueBlock.value : [];
  for (const [index, child] of children.entries()) {
    const times = child instanceof Constructed ? child.valueBlock.value : [];
    if (times.length === 2 && times.every((t) => t instanceof UTCTime)) {
      return { times: times as UTCTime[], spki: children[index + 2]?.valueBeforeDecodeView ?? null };
    }
  }
  return { times: [], spki: null };
}

/** A decoded certificate, with the DER of its subject public key info as it came. */
export interface Decoded {
  cert: asn.Certificate;
  spkiDer: Uint8Array;
}

/**
 * Decodes exactly one DER certificate: trailing bytes, a damaged date or anything the schema rejects fail (null, or
 * a throw from the schema parser).
 */
export function decode(bytes: Uint8Array): Decoded | null {
  const parsed = fromBER(bytes, BER_OPTIONS);
  if (parsed.offset !== bytes.length || parsed.result.error) return null;
  const { times, spki } = validityAndKey(parsed.result);
  if (times.length !== 2 || !times.every(isRealTime) || spki === null) return null;
  return { cert: AsnParser.fromASN(parsed.result, asn.Certificate), spkiDer: spki };
}
