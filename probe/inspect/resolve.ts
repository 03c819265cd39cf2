import { lookup } from 'node:dns/promises';

/** One resolved address. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to its addresses. Tests pass their own; production uses the system resolver. */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

/**
 * The system resolver (getaddrinfo): /etc/hosts, the corporate DNS, every A and AAAA record, in the order the
 * system gives them.
 */
export const systemResolver: Resolver = async (host) => {
  const addresses = await lookup(host, { all: true, verbatim: true });
  return addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** Drops duplicates and keeps at most `max` addresses, IPv4 and IPv6 interleaved so that both families are seen. */
export function capAddresses(addresses: readonly ResolvedAddress[], max: number): ResolvedAddress[] {
  const unique = [...new Map(addresses.map((a) => [a.address, a])).values()];
  const v4 = unique.filter((a) => a.family === 4);
  const v6 = unique.filter((a) => a.family === 6);
  const out: ResolvedAddress[] = [];
  for (let i = 0; out.length < max && (i < v4.length || i < v6.length); i += 1) {
    if (v4[i]) out.push(v4[i]!);
    if (v6[i] && out.length < max) out.push(v6[i]!);
  }
  return out;
}
