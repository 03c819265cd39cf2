import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';
import type { Result } from '../core/types';

/** A validated inspection target: an ASCII host name or an IP literal, and a TCP port. */
export interface Target {
  /** Lowercase ASCII (IDN as A-labels), no trailing dot; IPv6 without brackets. */
  host: string;
  port: number;
  /** 4 or 6 when the host is an IP literal, 0 for a name. */
  ipFamily: 0 | 4 | 6;
}

export type TargetErrorCode = 'INVALID_HOST' | 'INVALID_PORT';

export const DEFAULT_PORT = 443;
const MAX_HOST_INPUT = 253;
const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;
const NUMERIC_TLD = /^(?:\d+|0x[0-9a-f]*)$/;

function fail(code: TargetErrorCode, message: string): Result<never, TargetErrorCode> {
  return { ok: false, error: { code, message } };
}

/**
 * Validates a host as given by a caller: a DNS name (Unicode is converted to A-labels), an IPv4 literal or an IPv6
 * literal (brackets optional). Anything else, including numeric shorthands such as 2130706433, is INVALID_HOST.
 */
export function parseHost(input: unknown): Result<{ host: string; ipFamily: 0 | 4 | 6 }, TargetErrorCode> {
  if (typeof input !== 'string' || input.length === 0) return fail('INVALID_HOST', 'host is required');
  if (input.length > MAX_HOST_INPUT) return fail('INVALID_HOST', 'host is longer than 253 characters');
  const unbracketed = input.startsWith('[') && input.endsWith(']') ? input.slice(1, -1) : input;
  const family = isIP(unbracketed);
  if (family === 6) return { ok: true, value: { host: unbracketed.toLowerCase(), ipFamily: 6 } };
  if (family === 4) return { ok: true, value: { host: unbracketed, ipFamily: 4 } };
  if (/[\s/\\?#@:[\]%]/u.test(input)) return fail('INVALID_HOST', 'host must be a DNS name or an IP address');
  const ascii = domainToASCII(input.toLowerCase()).replace(/\.$/, '');
  if (ascii === '' || ascii.length > MAX_HOST_INPUT)
    return fail('INVALID_HOST', 'host is not a valid DNS name');
  const labels = ascii.split('.');
  if (!labels.every((label) => LABEL.test(label)))
    return fail('INVALID_HOST', 'host is not a valid DNS name');
  if (NUMERIC_TLD.test(labels[labels.length - 1]!)) {
    return fail('INVALID_HOST', 'host is neither a DNS name nor a dotted IPv4 address');
  }
  return { ok: true, value: { host: ascii, ipFamily: 0 } };
}

/** Validates a port given as text or number: decimal 1-65535. Absent or empty gives 443. */
export function parsePort(input: unknown): Result<number, TargetErrorCode> {
  if (input === undefined || input === '') return { ok: true, value: DEFAULT_PORT };
  const text = typeof input === 'number' ? String(input) : input;
  if (typeof text !== 'string' || !/^\d{1,5}$/.test(text))
    return fail('INVALID_PORT', 'port must be 1-65535');
  const port = Number(text);
  if (port < 1 || port > 65535) return fail('INVALID_PORT', 'port must be 1-65535');
  return { ok: true, value: port };
}

/** Validates a host and a port as two separate inputs (the HTTP API's query parameters). */
export function parseTarget(host: unknown, port: unknown): Result<Target, TargetErrorCode> {
  const h = parseHost(host);
  if (!h.ok) return h;
  const p = parsePort(port);
  if (!p.ok) return p;
  return { ok: true, value: { ...h.value, port: p.value } };
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/**
 * Parses what a person types on the command line: "host", "host:port", "[v6]:port", a bare IPv6 address, or an
 * https:// URL (its host and port are used).
 */
export function parseHostPort(input: string): Result<Target, TargetErrorCode> {
  let text = input.trim();
  if (/^https?:\/\//i.test(text)) {
    const url = parseUrl(text);
    if (!url) return fail('INVALID_HOST', 'not a valid URL');
    return parseTarget(url.hostname, url.port || (url.protocol === 'http:' ? '80' : ''));
  }
  if (isIP(text) === 6) return parseTarget(text, undefined);
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(text);
  if (bracketed) return parseTarget(bracketed[1], bracketed[2]);
  const colon = text.lastIndexOf(':');
  if (colon < 0) return parseTarget(text, undefined);
  text = input.trim();
  return parseTarget(text.slice(0, colon), text.slice(colon + 1));
}
