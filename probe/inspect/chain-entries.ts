import { parseCertificate } from '../../core/certificate';
import { certificateLevel } from '../../core/expiry';
import { DAY_MS } from '../../core/format';
import type { ChainEntry } from '../../core/probe-report';
import type { CertSummary } from '../../core/types';

/** Parsed certificates by SHA-256 fingerprint: intermediates and roots recur across sites, leaves across visits. */
export interface SummaryCache {
  get(fingerprint: string): CertSummary | undefined;
  set(fingerprint: string, summary: CertSummary): void;
}

/** A bounded cache of parsed certificates; the oldest entry goes first. */
export function createSummaryCache(maxEntries: number): SummaryCache {
  const entries = new Map<string, CertSummary>();
  return {
    get: (fingerprint) => entries.get(fingerprint),
    set(fingerprint, summary) {
      if (entries.size >= maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(fingerprint, summary);
    },
  };
}

/**
 * Parses the presented DER certificates, leaf first, stopping at the first that cannot be parsed (what follows
 * could not be placed in the chain anyway). `fingerprints` (Node's, one per certificate) key the cache.
 */
export function parseChain(
  ders: readonly Uint8Array[],
  fingerprints: readonly string[],
  cache: SummaryCache,
): { chain: CertSummary[]; unparsed: number } {
  const chain: CertSummary[] = [];
  for (const [index, der] of ders.entries()) {
    const fingerprint = fingerprints[index];
    const known = fingerprint === undefined ? undefined : cache.get(fingerprint);
    if (known) {
      chain.push(known);
      continue;
    }
    const parsed = parseCertificate(der);
    if (!parsed.ok) return { chain, unparsed: ders.length - chain.length };
    if (fingerprint === parsed.value.fingerprintSha256) cache.set(fingerprint, parsed.value);
    chain.push(parsed.value);
  }
  return { chain, unparsed: 0 };
}

/** A chain entry of the report: the summary plus days left, lifetime and level at `now`, from the core's rules. */
export function chainEntry(cert: CertSummary, now: number): ChainEntry {
  const status = certificateLevel(cert, now);
  return {
    ...cert,
    daysLeft: Math.round(status.daysLeft * 1000) / 1000,
    lifetimeDays: Math.round((status.lifetimeMs / DAY_MS) * 1000) / 1000,
    level: status.level,
  };
}
