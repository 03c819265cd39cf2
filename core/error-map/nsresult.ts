import type { Cause } from '../causes';

/**
 * Gecko nsresult numbers, as xpcom/base/ErrorList.py builds them:
 * failure = 0x80000000 | ((module + 0x45) << 16) | code.
 */

/** NS_ERROR_MODULE_NETWORK. */
export const NS_ERROR_MODULE_NETWORK = 6;
/** NS_ERROR_MODULE_SECURITY: NSS errors travel in it, negated, in the low 16 bits. */
export const NS_ERROR_MODULE_SECURITY = 21;
const MODULE_BASE_OFFSET = 0x45;

/** The failure nsresult for a module and code, as an unsigned 32-bit number. */
export function nsresultFailure(module: number, code: number): number {
  return (0x80000000 | ((module + MODULE_BASE_OFFSET) << 16) | code) >>> 0;
}

/** The module field an nsresult of the security module carries in its high 16 bits: 0x805A. */
export const SECURITY_MODULE_HIGH_BITS = nsresultFailure(NS_ERROR_MODULE_SECURITY, 0) >>> 16;

/** The NSS error an nsresult carries, or null when it is not one of the security module. */
export function nssCodeFromNsresult(n: number): number | null {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) return null;
  return n >>> 16 === SECURITY_MODULE_HIGH_BITS ? -(n & 0xffff) : null;
}

/** One nsresult name: its number, cause and whether it is a failure of the site at all. */
export interface NsresultMeaning {
  name: string;
  value: number;
  causes: readonly Cause[];
}

function network(name: string, code: number, causes: readonly Cause[]): NsresultMeaning {
  return { name, value: nsresultFailure(NS_ERROR_MODULE_NETWORK, code), causes };
}

/**
 * The nsresult values a navigation or request can fail with. Without a cause: the load was stopped by the user, the
 * browser or an extension, or the computer is offline, which says nothing about the site.
 */
export const NSRESULTS: readonly NsresultMeaning[] = [
  network('NS_BINDING_FAILED', 1, []),
  network('NS_BINDING_ABORTED', 2, []),
  network('NS_BINDING_REDIRECTED', 3, []),
  network('NS_BINDING_RETARGETED', 4, []),
  network('NS_ERROR_MALFORMED_URI', 10, []),
  network('NS_ERROR_CONNECTION_REFUSED', 13, ['connection_failed']),
  network('NS_ERROR_NET_TIMEOUT', 14, ['timeout']),
  network('NS_ERROR_OFFLINE', 16, []),
  network('NS_ERROR_UNKNOWN_PROTOCOL', 18, []),
  network('NS_ERROR_PORT_ACCESS_NOT_ALLOWED', 19, []),
  network('NS_ERROR_NET_RESET', 20, ['connection_failed']),
  network('NS_ERROR_UNKNOWN_HOST', 30, ['dns_failure']),
  network('NS_ERROR_REDIRECT_LOOP', 31, []),
  network('NS_ERROR_UNKNOWN_PROXY_HOST', 42, ['dns_failure']),
  network('NS_ERROR_DEFINITIVE_UNKNOWN_HOST', 43, ['dns_failure']),
  network('NS_ERROR_NET_INTERRUPT', 71, ['connection_failed']),
  network('NS_ERROR_PROXY_CONNECTION_REFUSED', 72, ['connection_failed']),
  network('NS_ERROR_NET_PARTIAL_TRANSFER', 76, ['connection_failed']),
  network('NS_ERROR_LOAD_SHOWED_ERRORPAGE', 77, []),
  network('NS_ERROR_NET_INADEQUATE_SECURITY', 82, ['protocol_mismatch']),
  network('NS_ERROR_NET_TIMEOUT_EXTERNAL', 85, ['timeout']),
  { name: 'NS_ERROR_ABORT', value: 0x80004004, causes: [] },
  { name: 'NS_ERROR_FAILURE', value: 0x80004005, causes: [] },
];

const BY_NAME = new Map(NSRESULTS.map((m) => [m.name, m]));
const BY_VALUE = new Map(NSRESULTS.map((m) => [m.value, m]));

/** The meaning of an nsresult name such as NS_ERROR_CONNECTION_REFUSED, or null when unknown. */
export function nsresultByName(name: string): NsresultMeaning | null {
  return BY_NAME.get(name) ?? null;
}

/** The meaning of an nsresult number such as 2152398861, or null when unknown. */
export function nsresultByValue(value: number): NsresultMeaning | null {
  return BY_VALUE.get(value) ?? null;
}
