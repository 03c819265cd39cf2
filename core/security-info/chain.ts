import type { CertSummary, Observation } from '../types';
import { summarizeEntry } from './certificate-entry';
import { securityInfoSchema, type FirefoxCertificate } from './schema';

/**
 * The chain of an Observation from Firefox's `certificates[]`. After a click-through override that list is empty:
 * then the leaf comes from `leafFallback` (the answer to `certificateChain: false`) and whether the root is built in
 * is unknown. An entry whose DER cannot be parsed is listed in `chainErrors` (index into Firefox's list) and, when
 * Firefox gave its subject and validity, kept in the chain as a summary made from Firefox's own fields.
 */
export function chainFromSecurityInfo(
  certificates: FirefoxCertificate[] | undefined,
  leafFallback: unknown,
): Pick<Observation, 'chain' | 'chainErrors' | 'builtInRoot'> {
  const chainErrors: Observation['chainErrors'] = [];
  let entries = certificates ?? [];
  let fromFallback = false;
  if (entries.length === 0 && leafFallback !== undefined && leafFallback !== null) {
    const fallback = securityInfoSchema.safeParse(leafFallback);
    const leaf = fallback.success ? fallback.data.certificates?.[0] : undefined;
    if (leaf) {
      entries = [leaf];
      fromFallback = true;
    } else {
      chainErrors.push({ index: 0, message: 'the leaf-only security info held no certificate' });
    }
  }
  const chain: CertSummary[] = [];
  entries.forEach((cert, index) => {
    const summary = summarizeEntry(cert, index > 0);
    if (summary.error) chainErrors.push({ index, message: summary.error });
    if (summary.value) chain.push(summary.value);
  });
  const last = entries[entries.length - 1];
  return { chain, chainErrors, builtInRoot: fromFallback ? null : (last?.isBuiltInRoot ?? null) };
}
