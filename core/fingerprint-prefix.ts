/**
 * "AB:CD:EF:01…": the first four bytes of a colon-hex fingerprint, enough to tell certificates apart in a sentence or
 * a list. Text of 11 characters or fewer is returned as it is, with no ellipsis.
 */
export function fingerprintPrefix(fingerprint: string): string {
  return fingerprint.length > 11 ? `${fingerprint.slice(0, 11)}…` : fingerprint;
}
