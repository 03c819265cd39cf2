/** Entries of an embedded SCT list (RFC 6962, 3.3): a TLS vector of uint16-length-prefixed SCTs. 0 if malformed. */
export function sctCount(list: Uint8Array): number {
  if (list.length < 2 || ((list[0]! << 8) | list[1]!) !== list.length - 2) return 0;
  let count = 0;
  for (let pos = 2; pos < list.length; count++) {
    if (pos + 2 > list.length) return 0;
    const len = (list[pos]! << 8) | list[pos + 1]!;
    if (len === 0 || pos + 2 + len > list.length) return 0;
    pos += 2 + len;
  }
  return count;
}
