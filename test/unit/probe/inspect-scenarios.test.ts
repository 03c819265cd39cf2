import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inspectReportSchema, type InspectReport } from '../../../core/probe-report';
import { loadConfig, type ProbeConfig } from '../../../probe/config';
import {
  issue,
  makeTestPki,
  servePkiBySni,
  serveScenario,
  SCENARIO_NAMES,
  type ScenarioName,
  type SniServer,
  type TestPki,
} from '../../pki';
import { serveTls, startApp, tableResolver, type RunningApp } from './helpers';

const DAY = 86_400_000;

let pki: TestPki;
let sni: SniServer;
let probe: RunningApp;
let tmp: string;
const extra: { close(): Promise<void> }[] = [];
const servers: Partial<
  Record<'lb' | 'rogue' | 'skewed' | 'rogueLeaf' | 'unknownLeaf', { port: number; close(): Promise<void> }>
> = {};

/** The probe's config as an operator gives it: the test root through --ca-file. */
function configWithCaFile(): ProbeConfig {
  const caFile = join(tmp, 'roots.pem');
  writeFileSync(caFile, pki.rootPem);
  const loaded = loadConfig(
    ['--port', '0', '--ca-file', caFile, '--rate-limit', '0', '--log-level', 'silent'],
    {},
  );
  if (!loaded.ok) throw new Error(loaded.error.message);
  return {
    ...loaded.value,
    timeouts: { deadlineMs: 3_000, connectMs: 2_000, handshakeMs: 2_000, httpMs: 1_000 },
  };
}

async function inspect(host: string, port: number): Promise<InspectReport> {
  const response = await probe.get(`/v1/inspect?host=${encodeURIComponent(host)}&port=${port}`);
  expect(response.status).toBe(200);
  return inspectReportSchema.parse(await response.json());
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'certglance-probe-'));
  pki = await makeTestPki();
  sni = await servePkiBySni(pki, { address: '127.0.0.2' });

  // Authorities of this file: one trusted like a private CA (added with the test root), one never trusted.
  const authority = (name: string) =>
    issue({
      name,
      subject: [{ O: ['certglance probe tests'] }, { CN: [name] }],
      notBefore: new Date(pki.now - 365 * DAY),
      notAfter: new Date(pki.now + 365 * DAY),
      key: 'p256',
      ca: {},
    });
  const [ownRoot, rogueRoot] = await Promise.all([authority('Probe Test Root'), authority('Rogue Root')]);
  const leaf = (issuer: typeof ownRoot, host: string, start: number, end: number) =>
    issue({
      name: host,
      subject: [{ CN: [host] }],
      notBefore: new Date(pki.now + start * DAY),
      notAfter: new Date(pki.now + end * DAY),
      key: 'p256',
      issuer,
      dnsNames: [host],
    });
  const [fresh, stale, rogue, skewed] = await Promise.all([
    leaf(ownRoot, 'lb.localhost', -10, 80),
    leaf(ownRoot, 'lb.localhost', -95, -5),
    leaf(rogueRoot, 'untrusted-root.localhost', -10, 80),
    leaf(ownRoot, 'skewed.localhost', -10, 80),
  ]);
  // A name on two loopback addresses, same port: one node serves a fresh certificate, the other a stale one.
  const freshServer = await serveTls({ cert: fresh.cert.pem, key: fresh.cert.keyPem }, '127.0.0.3');
  servers.lb = freshServer;
  extra.push(
    freshServer,
    await serveTls({ cert: stale.cert.pem, key: stale.cert.keyPem }, '127.0.0.4', freshServer.port),
  );
  // A chain that ends at a root the probe does not trust, sent by the server.
  servers.rogue = await serveTls(
    { cert: rogue.cert.pem + rogueRoot.cert.pem, key: rogue.cert.keyPem },
    '127.0.0.5',
  );
  // A server whose clock is two hours ahead.
  servers.skewed = await serveScenario(
    { certPem: skewed.cert.pem, keyPem: skewed.cert.keyPem },
    { address: '127.0.0.6', dateSkewMs: 2 * 3_600_000 },
  );
  // Leaves sent alone: one whose AIA issuer is not the one that signed it, one with no AIA URL at all.
  const unknown = pki.scenarios['unknown-issuer'];
  servers.unknownLeaf = await serveTls({ cert: unknown.leaf.pem, key: unknown.leaf.keyPem }, '127.0.0.2');
  servers.rogueLeaf = await serveTls({ cert: rogue.cert.pem, key: rogue.cert.keyPem }, '127.0.0.5');
  // The AIA caIssuers URL of the test PKI's leaves: http://pki.localhost/intermediate.der
  const aia = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/pkix-cert' });
    res.end(Buffer.from(pki.intermediate.der));
  });
  await new Promise<void>((resolve) => aia.listen(80, '127.0.0.80', resolve));
  extra.push(servers.rogue, servers.skewed, servers.unknownLeaf, servers.rogueLeaf, {
    close: () => new Promise<void>((resolve) => aia.close(() => resolve())),
  });

  const base = configWithCaFile();
  const config = { ...base, extraCaPems: [...base.extraCaPems, ownRoot.cert.pem] };
  const table: Record<string, string | string[]> = Object.fromEntries(
    SCENARIO_NAMES.map((name) => [pki.scenarios[name].host, '127.0.0.2']),
  );
  table['lb.localhost'] = ['127.0.0.3', '127.0.0.4'];
  table['untrusted-root.localhost'] = '127.0.0.5';
  table['skewed.localhost'] = '127.0.0.6';
  table['pki.localhost'] = '127.0.0.80';
  probe = await startApp(config, { resolver: tableResolver(table) });
}, 30_000);

afterAll(async () => {
  await probe?.close();
  await sni?.close();
  await Promise.all(extra.map((s) => s.close()));
  rmSync(tmp, { recursive: true, force: true });
});

/** What the summary status should be for a scenario: its level, or 'error' for a failure that is not about dates. */
function expectedStatus(name: ScenarioName): InspectReport['summary']['status'] {
  const { cause, level } = pki.scenarios[name].expected;
  if (cause === null || level === 'expired' || level === 'not_yet_valid') return level;
  return 'error';
}

describe('every scenario of the test PKI, over a real TLS server', () => {
  test.each(SCENARIO_NAMES.map((name) => [name]))('%s', async (name) => {
    const scenario = pki.scenarios[name];
    const report = await inspect(scenario.host, sni.port);
    const [address] = report.addresses;
    expect(report.addresses).toHaveLength(1);
    expect(address!.ok).toBe(true);
    expect(address!.tls?.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(address!.verification.cause).toBe(scenario.expected.cause);
    expect(address!.verification.trusted).toBe(scenario.expected.cause === null);
    expect(report.summary.status).toBe(expectedStatus(name));
    expect(report.summary.causes.map((c) => c.cause)).toEqual(
      scenario.expected.cause ? [scenario.expected.cause] : [],
    );
    expect(address!.chain[0]!.fingerprintSha256.replaceAll(':', '')).toBe(
      Buffer.from(await crypto.subtle.digest('SHA-256', scenario.leaf.der))
        .toString('hex')
        .toUpperCase(),
    );
    expect(address!.serverDate).not.toBeNull();
    expect(Math.abs(address!.clockSkewSeconds!)).toBeLessThan(5);
  });
});

describe('expiry levels follow each certificate’s own lifetime', () => {
  test.each([
    ['valid-398d', 'ok', 300],
    ['valid-90d', 'ok', 60],
    ['valid-47d', 'renewal_due', 15],
    ['valid-6d', 'ok', 4],
    ['warn-90d', 'warn', 10],
    ['critical-90d', 'critical', 3],
    ['expired', 'expired', -2],
    ['not-yet-valid', 'not_yet_valid', 93],
  ] as const)('%s is %s with about %d days left', async (name, level, days) => {
    const report = await inspect(pki.scenarios[name].host, sni.port);
    const leaf = report.addresses[0]!.chain[0]!;
    expect(leaf.level).toBe(level);
    expect(leaf.daysLeft).toBeCloseTo(days, 0);
    expect(report.summary.earliestExpiry?.depth).toBe(0);
    expect(report.summary.earliestExpiry?.notAfter).toBe(leaf.notAfter);
  });

  test('an expired intermediate is issuer_expired at depth 1, though OpenSSL says CERT_HAS_EXPIRED', async () => {
    const report = await inspect(pki.scenarios['expired-intermediate'].host, sni.port);
    const { verification, chain } = report.addresses[0]!;
    expect(verification).toMatchObject({ cause: 'issuer_expired', rawError: 'CERT_HAS_EXPIRED', depth: 1 });
    expect(chain.map((c) => c.level)).toEqual(['ok', 'expired', 'ok']);
    expect(report.summary.earliestExpiry?.depth).toBe(1);
  });

  test('a name mismatch is found even when the chain also fails', async () => {
    // The self-signed certificate for self-signed.localhost, asked for as wrong-name.localhost: both problems.
    const server = await serveScenario(pki.scenarios['self-signed'], { address: '127.0.0.7' });
    const local = await startApp(configWithCaFile(), {
      resolver: tableResolver({ 'wrong-name.localhost': '127.0.0.7' }),
    });
    try {
      const response = await local.get(`/v1/inspect?host=wrong-name.localhost&port=${server.port}`);
      const report = inspectReportSchema.parse(await response.json());
      expect(report.addresses[0]!.verification).toMatchObject({ cause: 'self_signed', hostnameMatch: false });
      expect(report.summary.causes.map((c) => c.cause)).toEqual(['self_signed', 'hostname_mismatch']);
    } finally {
      await local.close();
      await server.close();
    }
  });
});

describe('causes the probe finds beyond the scenarios', () => {
  test('untrusted_root: the server sends a root the probe does not trust', async () => {
    const report = await inspect('untrusted-root.localhost', servers.rogue!.port);
    expect(report.addresses[0]!.verification).toMatchObject({
      cause: 'untrusted_root',
      rawError: 'SELF_SIGNED_CERT_IN_CHAIN',
      hostnameMatch: true,
    });
    expect(report.summary.causes.map((c) => c.cause)).toEqual(['untrusted_root']);
    expect(report.summary.status).toBe('error');
  });

  test.each([
    [
      'the AIA issuer completes the chain: the server left out its intermediate',
      'missing-intermediate.localhost',
      'sni',
      ['incomplete_chain'],
    ],
    [
      'the AIA issuer did not sign the leaf: the issuer is unknown',
      'unknown-issuer.localhost',
      'unknownLeaf',
      ['unknown_issuer'],
    ],
    [
      'no AIA URL: both causes remain',
      'untrusted-root.localhost',
      'rogueLeaf',
      ['incomplete_chain', 'unknown_issuer'],
    ],
  ] as const)('a leaf sent alone, %s', async (_name, host, server, causes) => {
    const port = server === 'sni' ? sni.port : servers[server]!.port;
    const report = await inspect(host, port);
    expect(report.addresses[0]!.verification).toMatchObject({
      rawError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      cause: causes[0],
    });
    expect(report.summary.causes.map((c) => c.cause)).toEqual(causes);
  });

  test('server_clock_skew: the HTTP Date over the same connection is two hours ahead', async () => {
    const report = await inspect('skewed.localhost', servers.skewed!.port);
    const [address] = report.addresses;
    expect(address!.clockSkewSeconds).toBeGreaterThan(7_195);
    expect(address!.clockSkewSeconds).toBeLessThan(7_205);
    expect(report.summary.causes.map((c) => c.cause)).toEqual(['server_clock_skew']);
    expect(address!.verification.trusted).toBe(true);
    expect(report.summary.status).toBe('ok');
    expect(report.summary.causes.find((c) => c.cause === 'server_clock_skew')?.detail).toMatch(
      /is (1|2) hours? ahead/,
    );
  });

  test('inconsistent_backends: one name, two addresses, two different certificates', async () => {
    const report = await inspect('lb.localhost', servers.lb!.port);
    expect(report.addresses.map((a) => a.ip)).toEqual(['127.0.0.3', '127.0.0.4']);
    expect(report.summary.consistent).toBe(false);
    const causes = Object.fromEntries(report.summary.causes.map((c) => [c.cause, c.addresses]));
    expect(causes.inconsistent_backends).toEqual(['127.0.0.3', '127.0.0.4']);
    expect(report.summary.status).toBe('expired');
  });
});
