/**
 * DER of certificates already seen, by SHA-256 fingerprint (Firefox's format). Lets the capture skip asking Firefox
 * for the raw DER of a chain it has seen before. A cache only: an unloaded background just asks again.
 */
const MAX_ENTRIES = 500;
const ders = new Map<string, readonly number[]>();

interface FirefoxCert {
  fingerprint?: { sha256?: string };
  rawDER?: readonly number[];
}

/** Remembers the DER of every certificate that carries both. */
export function rememberDers(certificates: readonly FirefoxCert[] | undefined): void {
  for (const cert of certificates ?? []) {
    const fp = cert.fingerprint?.sha256;
    if (!fp || !cert.rawDER || ders.has(fp)) continue;
    ders.set(fp, cert.rawDER);
    if (ders.size > MAX_ENTRIES) ders.delete(ders.keys().next().value!);
  }
}

/** The certificates with their DER filled in from the cache, or null when one of them is not known. */
export function withKnownDers<T extends FirefoxCert>(certificates: readonly T[] | undefined): T[] | null {
  if (!certificates || certificates.length === 0) return null;
  const out: T[] = [];
  for (const cert of certificates) {
    const der = cert.fingerprint?.sha256 ? ders.get(cert.fingerprint.sha256) : undefined;
    if (!der) return null;
    out.push({ ...cert, rawDER: der });
  }
  return out;
}
