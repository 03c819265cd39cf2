import { parseInstant } from '../expiry';
import { formatDate, formatRelative } from '../format';
import type { CertSummary } from '../types';
import type { ExplainInput } from './types';
import { truncate } from './truncate';

/** Untrusted text (certificate fields) in single quotes, as-is, at most 200 characters. */
export function quote(text: string): string {
  return `'${truncate(text)}'`;
}

/** A certificate's display name, quoted: its common name, else its subject. */
export function certName(cert: CertSummary): string {
  return quote(cert.commonName?.trim() ? cert.commonName : cert.subject);
}

/** The certificate at `depth` of the chain, when known. */
export function certAt(input: ExplainInput, depth: number): CertSummary | null {
  return input.chain?.[depth] ?? null;
}

/** The parsed notBefore / notAfter of a certificate; null fields when unparseable or when there is no certificate. */
export function validity(cert: CertSummary | null): { notBefore: number | null; notAfter: number | null } {
  if (!cert) return { notBefore: null, notAfter: null };
  return { notBefore: parseInstant(cert.notBefore), notAfter: parseInstant(cert.notAfter) };
}

/** "2 days ago, on 14 June 2026, 10:32 UTC" / "in 3 days, on …". */
export function relativeDate(ms: number, now: number): string {
  return `${formatRelative(ms, now)}, on ${formatDate(ms)}`;
}

/**
 * How a certificate of the chain is named in a sentence: "the certificate for example.com" (depth 0),
 * "the root 'X'" (the last one, self-issued) or "the intermediate 'X'".
 */
export function role(input: ExplainInput, depth: number): string {
  if (depth === 0) return `the certificate for ${input.host}`;
  const cert = certAt(input, depth);
  if (!cert) return 'a certificate that issued it (an intermediate or a root)';
  const isRoot = cert.selfIssued && depth === (input.chain?.length ?? 0) - 1;
  return `the ${isRoot ? 'root' : 'intermediate'} ${certName(cert)}`;
}

/** Upper-cases the first letter. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "s" unless n is 1. */
export function plural(n: number): string {
  return n === 1 ? '' : 's';
}

/** The name the certificate's issuer goes by: the next certificate's name when the chain has it, else its DN. */
export function issuerName(input: ExplainInput, depth: number): string | null {
  const next = certAt(input, depth + 1);
  if (next) return certName(next);
  const cert = certAt(input, depth);
  return cert ? quote(cert.issuer) : null;
}
