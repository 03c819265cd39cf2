import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import type { Result } from '../core/types';

/**
 * The SSRF guard: which resolved addresses and ports a probe may connect to.
 * A probe bound to loopback (a sysadmin's own) may inspect anything. A probe bound to any other address refuses
 * every address outside global unicast (private, loopback, link-local and cloud metadata, CGNAT, multicast,
 * reserved, NAT64/6to4/Teredo that embed IPv4, IPv4-mapped forms of all of these) unless an allowed CIDR covers it.
 */
export interface GuardPolicy {
  /** When false, every address and port passes (the loopback-bound probe and the CLI). */
  restricted: boolean;
  /** CIDRs opened on purpose, e.g. '10.20.0.0/16'. */
  allowCidrs: readonly Cidr[];
  /** Ports that may be inspected, or 'any'. */
  allowPorts: readonly number[] | 'any';
}

/** A parsed CIDR range. */
export type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

export type GuardErrorCode = 'TARGET_FORBIDDEN' | 'PORT_NOT_ALLOWED';

/** TLS service ports a public probe allows by default. */
export const DEFAULT_ALLOWED_PORTS: readonly number[] = [
  443, 8443, 9443, 465, 587, 636, 853, 989, 990, 992, 993, 995, 3269, 5061, 5986, 6443, 6697, 8883,
];

/** Parses 'a.b.c.d/n' or 'x::/n'. A bare address is a single-host range. */
export function parseCidr(text: string): Result<Cidr> {
  const invalid = {
    ok: false as const,
    error: { code: 'INVALID_CIDR', message: `"${text}" is not an IP range like 10.0.0.0/8` },
  };
  const [addressText = '', bitsText, ...rest] = text.trim().split('/');
  // Only full dotted quads and real IPv6: no "10.0.0/8" or "10/8" shorthands, whose meaning is unclear.
  if (rest.length > 0 || isIP(addressText) === 0) return invalid;
  try {
    if (bitsText !== undefined)
      return { ok: true, value: normalizeCidr(ipaddr.parseCIDR(`${addressText}/${bitsText}`)) };
    const address = ipaddr.parse(addressText);
    return { ok: true, value: normalizeCidr([address, address.kind() === 'ipv4' ? 32 : 128]) };
  } catch {
    return invalid;
  }
}

function normalizeCidr([address, bits]: Cidr): Cidr {
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
    return [(address as ipaddr.IPv6).toIPv4Address(), bits - 96];
  }
  return [address, bits];
}

/** Parses an address, turning IPv4-mapped IPv6 (::ffff:a.b.c.d) into the IPv4 address it stands for. */
function canonical(ip: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (!ipaddr.isValid(ip)) return null;
  return ipaddr.process(ip);
}

/** Whether an address is in a range that `restricted` refuses, ignoring allowed CIDRs. */
export function isNonPublicAddress(ip: string): boolean {
  const address = canonical(ip);
  return address === null || address.range() !== 'unicast';
}

function inAllowedCidr(address: ipaddr.IPv4 | ipaddr.IPv6, cidrs: readonly Cidr[]): boolean {
  return cidrs.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits));
}

/** Whether an address (IPv4-mapped IPv6 as the IPv4 address) is in one of `cidrs`. */
export function inCidrs(ip: string, cidrs: readonly Cidr[]): boolean {
  const address = canonical(ip);
  return address !== null && inAllowedCidr(address, cidrs);
}

/** Checks one resolved address. Call it on every address, then connect only to the checked address. */
export function checkAddress(ip: string, policy: GuardPolicy): Result<string, GuardErrorCode> {
  if (!policy.restricted) return { ok: true, value: ip };
  const address = canonical(ip);
  if (address && (address.range() === 'unicast' || inAllowedCidr(address, policy.allowCidrs))) {
    return { ok: true, value: ip };
  }
  return {
    ok: false,
    error: {
      code: 'TARGET_FORBIDDEN',
      message: 'the target resolves to an address this probe may not inspect',
    },
  };
}

/** Checks the port against the allow-list. */
export function checkPort(port: number, policy: GuardPolicy): Result<number, GuardErrorCode> {
  if (policy.allowPorts === 'any' || policy.allowPorts.includes(port)) return { ok: true, value: port };
  return {
    ok: false,
    error: { code: 'PORT_NOT_ALLOWED', message: `port ${port} is not in this probe's allow-list` },
  };
}

/** Whether a bind address is loopback (127.0.0.0/8, ::1, ::ffff:127.x, 'localhost'). */
export function isLoopbackBind(host: string): boolean {
  if (host === 'localhost') return true;
  const address = canonical(host);
  return address !== null && address.range() === 'loopback';
}
