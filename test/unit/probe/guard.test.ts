import { describe, expect, test } from 'vitest';
import {
  checkAddress,
  checkPort,
  isLoopbackBind,
  parseCidr,
  type Cidr,
  type GuardPolicy,
} from '../../../probe/guard';

function policy(allowCidrs: string[] = [], allowPorts: number[] | 'any' = [443, 8443]): GuardPolicy {
  return {
    restricted: true,
    allowCidrs: allowCidrs.map((c) => {
      const parsed = parseCidr(c);
      if (!parsed.ok) throw new Error(c);
      return parsed.value as Cidr;
    }),
    allowPorts,
  };
}

describe('a restricted (public) probe', () => {
  test.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'IPv6 loopback'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.0.1', 'private'],
    ['::ffff:192.168.0.1', 'IPv4-mapped private'],
    ['169.254.169.254', 'link-local: cloud metadata'],
    ['fd00:ec2::254', 'unique local: AWS IPv6 metadata'],
    ['100.100.100.200', 'carrier-grade NAT: Alibaba metadata'],
    ['192.0.0.192', 'IETF reserved: Oracle metadata'],
    ['fe80::1', 'IPv6 link-local'],
    ['fc00::1', 'unique local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'IPv6 multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['198.18.0.1', 'benchmarking'],
    ['64:ff9b::7f00:1', 'NAT64 of 127.0.0.1'],
    ['2002:7f00:1::', '6to4 of 127.0.0.1'],
    ['2001::1', 'Teredo'],
    ['2001:db8::1', 'documentation'],
    ['not-an-ip', 'garbage'],
  ])('refuses %s (%s)', (ip) => {
    expect(checkAddress(ip, policy())).toMatchObject({ ok: false, error: { code: 'TARGET_FORBIDDEN' } });
  });

  test.each(['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8'])('allows public %s', (ip) => {
    expect(checkAddress(ip, policy())).toEqual({ ok: true, value: ip });
  });

  test.each([
    ['10.20.3.4', ['10.20.0.0/16'], true],
    ['10.21.3.4', ['10.20.0.0/16'], false],
    ['::ffff:10.20.3.4', ['10.20.0.0/16'], true],
    ['10.20.3.4', ['::ffff:10.20.0.0/112'], true],
    ['fd12::5', ['fd12::/16'], true],
    ['127.0.0.8', ['127.0.0.8'], true],
    ['127.0.0.9', ['127.0.0.8'], false],
  ])('%s with allow-list %j: %s', (ip, cidrs, allowed) => {
    expect(checkAddress(ip, policy(cidrs)).ok).toBe(allowed);
  });

  test.each([
    [443, true],
    [8443, true],
    [22, false],
    [6379, false],
  ])('port %d allowed: %s', (port, allowed) => {
    expect(checkPort(port, policy()).ok).toBe(allowed);
  });
});

describe('an unrestricted (loopback) probe', () => {
  test.each(['127.0.0.1', '10.0.0.1', '169.254.169.254'])('allows %s', (ip) => {
    expect(checkAddress(ip, { restricted: false, allowCidrs: [], allowPorts: 'any' }).ok).toBe(true);
  });
});

describe('parseCidr and isLoopbackBind', () => {
  test.each(['10.0.0.0/8', 'fd00::/8', '192.168.1.1'])('parses %s', (text) => {
    expect(parseCidr(text).ok).toBe(true);
  });
  test.each(['10.0.0.0/33', 'banana', '10.0.0/8', ''])('refuses %s', (text) => {
    expect(parseCidr(text).ok).toBe(false);
  });
  test.each([
    ['127.0.0.1', true],
    ['127.0.0.53', true],
    ['::1', true],
    ['localhost', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.10', false],
  ])('%s is loopback: %s', (host, loopback) => {
    expect(isLoopbackBind(host)).toBe(loopback);
  });
});
