import { isCause, type Cause } from '../causes';
import type { AddressReport } from '../probe-report';
import { sameIp } from './same-ip';
import type { AddressComparison } from './types';

/** A server clock off from the probe's is its own finding, not a failing backend. */
const CLOCK_CAUSES: readonly Cause[] = ['server_clock_skew', 'local_clock_wrong'];

/** A fingerprint upper-cased, or null when there is none. */
export function fingerprintOrNull(value: string | undefined): string | null {
  return value && value.length > 0 ? value.toUpperCase() : null;
}

/** One probe address against the browser's leaf: what it served, whether it is the same, whether it failed. */
export function compareAddress(a: AddressReport, browserLeaf: string | null): AddressComparison {
  const fingerprint = fingerprintOrNull(a.chain[0]?.fingerprintSha256);
  const errorCode = a.error?.code;
  const cause: Cause | null =
    a.verification.cause ?? (isCause(errorCode) ? errorCode : !a.ok ? 'connection_failed' : null);
  const failing = cause !== null && !CLOCK_CAUSES.includes(cause);
  const ok = a.ok && a.verification.trusted && !failing;
  return {
    ip: a.ip,
    fingerprintSha256: fingerprint,
    sameAsBrowser: browserLeaf !== null && fingerprint === browserLeaf,
    ok,
    cause,
  };
}

/**
 * The probe address that serves the browser's leaf: the browser's own server IP when it does, else the first that
 * does. Without a browser leaf, the browser's own server IP when the probe reached it.
 */
export function pickMatched(
  perAddress: AddressComparison[],
  serverIp: string | null,
  browserLeaf: string | null,
): string | null {
  const own = serverIp === null ? undefined : perAddress.find((a) => sameIp(a.ip, serverIp));
  if (browserLeaf === null) return own?.ip ?? null;
  if (own?.sameAsBrowser) return own.ip;
  return perAddress.find((a) => a.sameAsBrowser)?.ip ?? null;
}

/**
 * " Your browser connected to 127.0.0.2" and the clause for whether the probe reached that address too (`reached`,
 * else `missed`); empty when the browser's address is unknown.
 */
export function browserAddressFact(
  serverIp: string | null,
  perAddress: AddressComparison[],
  clause: { reached: string; missed: string },
): string {
  if (serverIp === null) return '';
  const reached = perAddress.some((a) => sameIp(a.ip, serverIp));
  return ` Your browser connected to ${serverIp}${reached ? clause.reached : clause.missed}`;
}
