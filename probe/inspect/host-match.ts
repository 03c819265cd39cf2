import ipaddr from 'ipaddr.js';
import type { SubjectAltName } from '../../core/types';

/** Two IP texts are the same address (same family, same bytes). */
function sameAddress(a: string, b: string): boolean {
  try {
    const x = ipaddr.parse(a);
    const y = ipaddr.parse(b);
    return x.kind() === y.kind() && x.toByteArray().join('.') === y.toByteArray().join('.');
  } catch {
    return false;
  }
}

/**
 * A DNS SAN covers `host` (lowercase, no trailing dot): the same name, or a wildcard that is the whole left-most
 * label, covers exactly one label, and stands above at least two labels (never `*.com`).
 */
function dnsCovers(pattern: string, host: string): boolean {
  const name = pattern.toLowerCase().replace(/\.$/, '');
  if (name === host) return true;
  if (!name.startsWith('*.') || name.split('.').length < 3) return false;
  const dot = host.indexOf('.');
  return dot > 0 && host.slice(dot) === name.slice(1);
}

/**
 * Whether the leaf's SANs cover `host` as browsers judge it: a DNS name against the DNS SANs only (never the
 * subject's common name), wildcards only as a whole left-most label; an IP literal against the IP SANs only.
 */
export function sansCoverHost(sans: readonly SubjectAltName[], host: string, isIpLiteral: boolean): boolean {
  if (isIpLiteral) return sans.some((san) => san.type === 'ip' && sameAddress(san.value, host));
  return sans.some((san) => san.type === 'dns' && dnsCovers(san.value, host));
}
