import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inspectReportSchema, type InspectReport } from '../../../core/probe-report';
import { sansCoverHost } from '../../../probe/inspect/host-match';
import { issue, type Authority } from '../../pki';
import { serveTls, startApp, tableResolver, testConfig } from './helpers';

const DAY = 86_400_000;
const now = Date.now();
const validity = { notBefore: new Date(now - DAY), notAfter: new Date(now + 60 * DAY) };

let root: Authority;
let intermediate: Authority;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  root = await issue({
    name: 'names-root',
    subject: [{ CN: ['Names Root'] }],
    ...validity,
    key: 'p256',
    ca: {},
  });
  intermediate = await issue({
    name: 'names-intermediate',
    subject: [{ CN: ['Names Intermediate'] }],
    ...validity,
    key: 'p256',
    issuer: root,
    ca: { pathLength: 0 },
  });
}, 30_000);

afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

/** Serves a leaf (CN `cn`, the given SANs) with the intermediate, and inspects it as `host` through the real app. */
async function inspectAs(
  host: string,
  leafSpec: { cn: string; dnsNames?: string[]; ipAddresses?: string[] },
  options: { sendRoot?: boolean } = {},
): Promise<InspectReport> {
  const leaf = await issue({
    name: leafSpec.cn,
    subject: [{ CN: [leafSpec.cn] }],
    ...validity,
    key: 'p256',
    issuer: intermediate,
    dnsNames: leafSpec.dnsNames ?? [],
    ipAddresses: leafSpec.ipAddresses,
  });
  const chain = leaf.cert.pem + intermediate.cert.pem + (options.sendRoot ? root.cert.pem : '');
  const server = await serveTls({ cert: chain, key: leaf.cert.keyPem }, '127.0.0.1');
  closers.push(server.close);
  const probe = await startApp(testConfig(root.cert.pem), {
    resolver: tableResolver({ [host]: '127.0.0.1' }),
  });
  try {
    const response = await probe.get(`/v1/inspect?host=${encodeURIComponent(host)}&port=${server.port}`);
    expect(response.status).toBe(200);
    return inspectReportSchema.parse(await response.json());
  } finally {
    await probe.close();
  }
}

describe('the host name is judged as browsers judge it', () => {
  test.each([
    [
      'an exact DNS SAN',
      'a.names.localhost',
      { cn: 'a.names.localhost', dnsNames: ['a.names.localhost'] },
      true,
    ],
    [
      'a wildcard covering one label',
      'x.wild.localhost',
      { cn: 'wild', dnsNames: ['*.wild.localhost'] },
      true,
    ],
    [
      'a wildcard asked for two labels deep',
      'y.x.wild.localhost',
      { cn: 'wild', dnsNames: ['*.wild.localhost'] },
      false,
    ],
    [
      'a wildcard asked for its bare domain',
      'wild.localhost',
      { cn: 'wild', dnsNames: ['*.wild.localhost'] },
      false,
    ],
    ['a partial wildcard', 'www.part.localhost', { cn: 'part', dnsNames: ['w*.part.localhost'] }, false],
    ['a common name alone, no DNS SAN', 'cn-only.localhost', { cn: 'cn-only.localhost' }, false],
    ['another name', 'other.localhost', { cn: 'a.localhost', dnsNames: ['a.localhost'] }, false],
    ['an IP literal in the IP SANs', '127.0.0.1', { cn: 'ip', ipAddresses: ['127.0.0.1'] }, true],
    ['an IP literal only in a DNS SAN', '127.0.0.1', { cn: 'ip', dnsNames: ['127.0.0.1'] }, false],
  ])('%s: %s', async (_label, host, leafSpec, matches) => {
    const report = await inspectAs(host, leafSpec);
    const { verification } = report.addresses[0]!;
    expect(verification.hostnameMatch).toBe(matches);
    expect(verification.trusted).toBe(matches);
    expect(verification.cause).toBe(matches ? null : 'hostname_mismatch');
    expect(report.summary.causes.map((c) => c.cause)).toEqual(matches ? [] : ['hostname_mismatch']);
  });
});

describe('the chain: what the server sent, ordered by issuer, ending at the trusted root', () => {
  test.each([
    ['leaf and intermediate: the trusted root that completes them comes last', false],
    ['leaf, intermediate and root: the root once, last', true],
  ])('%s', async (_label, sendRoot) => {
    const host = sendRoot ? 'root-sent.localhost' : 'sent.localhost';
    const report = await inspectAs(host, { cn: host, dnsNames: [host] }, { sendRoot });
    expect(report.addresses[0]!.chain.map((c) => c.commonName)).toEqual([
      host,
      'Names Intermediate',
      'Names Root',
    ]);
    expect(report.addresses[0]!.verification.trusted).toBe(true);
  });
});

describe('sansCoverHost', () => {
  const dns = (...values: string[]) => values.map((value) => ({ type: 'dns' as const, value }));
  const ip = (...values: string[]) => values.map((value) => ({ type: 'ip' as const, value }));
  test.each([
    ['exact', dns('a.example.localhost'), 'a.example.localhost', true],
    ['a SAN in capitals, with a trailing dot', dns('A.Example.LOCALHOST.'), 'a.example.localhost', true],
    ['one of several', dns('x.example.localhost', 'a.example.localhost'), 'a.example.localhost', true],
    ['a wildcard, one label', dns('*.example.localhost'), 'a.example.localhost', true],
    ['a wildcard, two labels', dns('*.example.localhost'), 'b.a.example.localhost', false],
    ['a wildcard, its bare domain', dns('*.example.localhost'), 'example.localhost', false],
    ['a wildcard over a single label', dns('*.localhost'), 'example.localhost', false],
    ['a wildcard alone', dns('*'), 'localhost', false],
    ['a partial wildcard', dns('a*.example.localhost'), 'ab.example.localhost', false],
    ['a wildcard not left-most', dns('a.*.example.localhost'), 'a.b.example.localhost', false],
    ['an empty SAN', dns(''), 'a.example.localhost', false],
    ['no SANs', [], 'a.example.localhost', false],
  ])('DNS: %s', (_label, sans, host, covers) => {
    expect(sansCoverHost(sans, host, false)).toBe(covers);
  });

  test.each([
    ['IPv4', ip('127.0.0.7'), '127.0.0.7', true],
    ['another IPv4', ip('127.0.0.7'), '127.0.0.8', false],
    ['IPv6 written another way', ip('0:0:0:0:0:0:0:1'), '::1', true],
    ['IPv4-mapped IPv6 is not the IPv4 address', ip('::ffff:127.0.0.7'), '127.0.0.7', false],
    ['an IP only as a DNS SAN', dns('127.0.0.7'), '127.0.0.7', false],
    ['a malformed IP SAN', ip('not-an-ip'), '127.0.0.7', false],
  ])('IP: %s', (_label, sans, host, covers) => {
    expect(sansCoverHost(sans, host, true)).toBe(covers);
  });

  test('a DNS host is never covered by an IP SAN of the same text', () => {
    expect(sansCoverHost(ip('127.0.0.7'), '127.0.0.7', false)).toBe(false);
  });
});
