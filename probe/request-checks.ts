import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Whether a bearer token matches, compared in constant time (over SHA-256 digests, so lengths do not leak).
 * `header` is the raw Authorization header.
 */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return false;
  const given = createHash('sha256').update(match[1]!).digest();
  const expected = createHash('sha256').update(token).digest();
  return timingSafeEqual(given, expected);
}

/**
 * Whether a Host header names this machine's loopback: localhost, *.localhost, 127.0.0.0/8 or [::1], any port.
 * A probe on loopback answers nothing else, so a web page that rebinds its own name to 127.0.0.1 gets no answer.
 */
export function isLoopbackHostHeader(header: string | undefined): boolean {
  if (!header) return false;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(header);
  const name = bracketed ? bracketed[1]! : header.replace(/:\d+$/, '');
  const lower = name.toLowerCase().replace(/\.$/, '');
  if (lower === 'localhost' || lower.endsWith('.localhost')) return true;
  if (isIP(lower) === 0) return false;
  return ipaddr.process(lower).range() === 'loopback';
}
