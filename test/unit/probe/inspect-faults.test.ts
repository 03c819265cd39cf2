import { performance } from 'node:perf_hooks';
import { createServer, type Socket } from 'node:net';
import { createServer as createHttpsServer } from 'node:https';
import { createSecureContext, TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inspectReportSchema, type InspectReport } from '../../../core/probe-report';
import type { ProbeConfig } from '../../../probe/config';
import type { Resolver } from '../../../probe/inspect/resolve';
import { issue, makeTestPki, serveScenario, tlsIdentity, type TestPki } from '../../pki';
import { listen } from '../../pki/listen';
import { closedPort, rawServer, serveTls, startApp, tableResolver, testConfig } from './helpers';

const DAY = 86_400_000;
/** Short bounds so that the never-answering cases end fast: the deadline must still cut everything. */
const TIMEOUTS = { deadlineMs: 900, connectMs: 600, handshakeMs: 600, httpMs: 400 };

let pki: TestPki;
beforeAll(async () => {
  pki = await makeTestPki();
}, 30_000);

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

async function inspectWith(
  port: number,
  options: { host?: string; resolver?: Resolver; config?: Partial<ProbeConfig> } = {},
): Promise<{ report: InspectReport; ms: number }> {
  const host = options.host ?? 'fault.localhost';
  const probe = await startApp(testConfig(pki.rootPem, { timeouts: TIMEOUTS, ...options.config }), {
    resolver: options.resolver ?? tableResolver({ [host]: '127.0.0.1' }),
  });
  try {
    const started = performance.now();
    const response = await probe.get(`/v1/inspect?host=${encodeURIComponent(host)}&port=${port}`);
    const ms = performance.now() - started;
    expect(response.status).toBe(200);
    return { report: inspectReportSchema.parse(await response.json()), ms };
  } finally {
    await probe.close();
  }
}

async function faulty(onConnection: Parameters<typeof rawServer>[0]): Promise<number> {
  const server = await rawServer(onConnection);
  closers.push(server.close);
  return server.port;
}

describe('faulty servers still get a report, with the right cause, within the deadline', () => {
  test.each([
    ['never answers (accepts, then silence)', () => faulty(() => undefined), 'timeout', 'HANDSHAKE_TIMEOUT'],
    [
      'writes garbage (plain HTTP on a TLS port)',
      () => faulty((s) => s.end('HTTP/1.1 400 Bad Request\r\n\r\n')),
      'handshake_failure',
      'ERR_SSL_WRONG_VERSION_NUMBER',
    ],
    [
      'writes random bytes',
      () => faulty((s) => s.write(Buffer.alloc(512, 0x9c))),
      'handshake_failure',
      'ERR_SSL_WRONG_VERSION_NUMBER',
    ],
    [
      'resets mid-handshake',
      () => faulty((s) => s.once('data', () => s.resetAndDestroy())),
      'handshake_failure',
      'ECONNRESET',
    ],
    [
      'closes mid-handshake',
      () => faulty((s) => s.once('data', () => s.end())),
      'handshake_failure',
      'ECONNRESET',
    ],
    ['refuses the connection', () => closedPort(), 'connection_failed', 'ECONNREFUSED'],
  ] as const)('%s', async (_name, start, cause, code) => {
    const port = await start();
    const { report, ms } = await inspectWith(port);
    expect(ms).toBeLessThan(TIMEOUTS.deadlineMs + 500);
    expect(report.summary.status).toBe('error');
    expect(report.summary.causes).toEqual([expect.objectContaining({ cause, addresses: ['127.0.0.1'] })]);
    expect(report.addresses[0]).toMatchObject({ ok: false, error: { code }, chain: [], tls: null });
  });

  test('a huge chain (300 intermediates, over 100 KiB) fails the handshake instead of being read', async () => {
    const s = pki.scenarios['valid-90d'];
    const server = await serveScenario({
      certPem: s.leaf.pem,
      keyPem: s.leaf.keyPem,
      chainPem: pki.intermediate.pem.repeat(300),
    });
    closers.push(server.close);
    const { report } = await inspectWith(server.port, { host: s.host });
    expect(report.addresses[0]).toMatchObject({
      ok: false,
      error: { code: 'ERR_SSL_EXCESSIVE_MESSAGE_SIZE' },
    });
    expect(report.summary.causes.map((c) => c.cause)).toEqual(['handshake_failure']);
  });

  test('a long chain of distinct intermediates is cut at maxChainLength', async () => {
    const notBefore = new Date(pki.now - DAY);
    const notAfter = new Date(pki.now + 30 * DAY);
    const root = await issue({
      name: 'chain-root',
      subject: [{ CN: ['Chain Root'] }],
      notBefore,
      notAfter,
      key: 'p256',
      ca: {},
    });
    let issuer = root;
    const intermediates = [];
    for (let i = 0; i < 6; i += 1) {
      issuer = await issue({
        name: `i${i}`,
        subject: [{ CN: [`Chain Intermediate ${i}`] }],
        notBefore,
        notAfter,
        key: 'p256',
        issuer,
        ca: {},
      });
      intermediates.unshift(issuer.cert.pem);
    }
    const leaf = await issue({
      name: 'long',
      subject: [{ CN: ['long.localhost'] }],
      notBefore,
      notAfter,
      key: 'p256',
      issuer,
      dnsNames: ['long.localhost'],
    });
    const server = await serveTls(
      { cert: leaf.cert.pem + intermediates.join(''), key: leaf.cert.keyPem },
      '127.0.0.1',
    );
    closers.push(server.close);
    const limits = { maxAddresses: 8, maxChainLength: 4, maxCertBytes: 65_536, maxHeaderBytes: 16_384 };
    const { report } = await inspectWith(server.port, {
      host: 'long.localhost',
      config: { extraCaPems: [root.cert.pem], limits },
    });
    expect(report.addresses[0]!.chain).toHaveLength(4);
    expect(report.addresses[0]!.verification.trusted).toBe(true);
    const full = await inspectWith(server.port, {
      host: 'long.localhost',
      config: { extraCaPems: [root.cert.pem] },
    });
    expect(full.report.addresses[0]!.chain).toHaveLength(8);
  });

  test.each([
    ['ends', (raw: Socket) => raw.end()],
    ['resets', (raw: Socket) => raw.resetAndDestroy()],
  ] as const)(
    'a TLS service that %s the connection right after the handshake: the report does not wait for the HTTP timeout',
    async (_how, close) => {
      const s = pki.scenarios['valid-90d'];
      const context = createSecureContext({ cert: s.leaf.pem + pki.intermediate.pem, key: s.leaf.keyPem });
      const server = await listen(
        createServer((raw) => {
          const socket = new TLSSocket(raw, { isServer: true, secureContext: context });
          socket.on('error', () => undefined);
          socket.once('secure', () => close(raw));
        }),
        '127.0.0.1',
      );
      closers.push(server.close);
      const timeouts = { ...TIMEOUTS, deadlineMs: 8_000, httpMs: 6_000 };
      const { report, ms } = await inspectWith(server.port, { host: s.host, config: { timeouts } });
      expect(report.summary.status).toBe('ok');
      expect(report.addresses[0]).toMatchObject({ ok: true, serverDate: null, clockSkewSeconds: null });
      expect(report.addresses[0]!.chain.map((c) => c.commonName).slice(0, 2)).toEqual([
        s.host,
        'certglance Test Intermediate',
      ]);
      // The close ended the wait for an HTTP answer, long before the 6 s HTTP timeout.
      expect(ms).toBeLessThan(3_000);
    },
  );

  test('an HTTP answer that never ends its headers is read only up to maxHeaderBytes', async () => {
    const s = pki.scenarios['valid-90d'];
    const server = await serveScenario(s, {
      handler: (_req, res) => {
        res.socket?.write(
          `HTTP/1.1 200 OK\r\nDate: ${new Date().toUTCString()}\r\nX-Padding: ${'a'.repeat(200_000)}`,
        );
      },
    });
    closers.push(server.close);
    const timeouts = { ...TIMEOUTS, deadlineMs: 8_000, httpMs: 6_000 };
    const { report, ms } = await inspectWith(server.port, { host: s.host, config: { timeouts } });
    expect(report.addresses[0]!.serverDate).not.toBeNull();
    // It stopped reading at the cap instead of waiting for headers that never end.
    expect(ms).toBeLessThan(3_000);
  });
});

describe('TLS 1.2', () => {
  test('a server that speaks TLS 1.2 at most: the chain, the protocol and the Date over the same connection', async () => {
    const s = pki.scenarios['valid-90d'];
    const server = await listen(
      createHttpsServer({ ...tlsIdentity(s), maxVersion: 'TLSv1.2' }, (_req, res) => {
        res.setHeader('date', new Date(Date.now() + 2 * 3_600_000).toUTCString());
        res.end('ok');
      }),
      '127.0.0.1',
    );
    closers.push(server.close);
    const { report } = await inspectWith(server.port, {
      host: s.host,
      config: { timeouts: { ...TIMEOUTS, httpMs: 600 } },
    });
    const [address] = report.addresses;
    expect(address).toMatchObject({
      ok: true,
      tls: { protocol: 'TLSv1.2' },
      verification: { trusted: true },
    });
    expect(address!.chain.map((c) => c.commonName).slice(0, 2)).toEqual([
      s.host,
      'certglance Test Intermediate',
    ]);
    expect(address!.clockSkewSeconds).toBeGreaterThan(7_195);
    expect(address!.clockSkewSeconds).toBeLessThan(7_205);
    expect(report.summary.causes.map((c) => c.cause)).toEqual(['server_clock_skew']);
  });
});

describe('name resolution', () => {
  test('a name that does not resolve is dns_failure, with no address', async () => {
    const { report } = await inspectWith(443, { host: 'nowhere.localhost', resolver: tableResolver({}) });
    expect(report.addresses).toEqual([]);
    expect(report.summary).toMatchObject({ status: 'error', earliestExpiry: null });
    expect(report.summary.causes).toEqual([expect.objectContaining({ cause: 'dns_failure', addresses: [] })]);
    expect(report.summary.causes[0]!.detail).toContain('ENOTFOUND');
  });

  test('a resolver that never answers ends in timeout within the deadline', async () => {
    const { report, ms } = await inspectWith(443, { resolver: () => new Promise(() => undefined) });
    expect(ms).toBeLessThan(TIMEOUTS.deadlineMs + 500);
    expect(report.summary.causes.map((c) => c.cause)).toEqual(['timeout']);
  });

  test('addresses are capped, IPv4 and IPv6 interleaved', async () => {
    const many = Array.from({ length: 12 }, (_, i) => `127.0.1.${i + 1}`);
    const port = await closedPort();
    const { report } = await inspectWith(port, {
      resolver: tableResolver({ 'fault.localhost': [...many, '::1'] }),
      config: {
        limits: { maxAddresses: 3, maxChainLength: 10, maxCertBytes: 65_536, maxHeaderBytes: 16_384 },
      },
    });
    expect(report.addresses.map((a) => a.ip)).toEqual(['127.0.1.1', '::1', '127.0.1.2']);
  });

  test('the system resolver (getaddrinfo, /etc/hosts) resolves localhost', async () => {
    const s = pki.scenarios['rsa'];
    const server = await serveScenario(s, { address: '127.0.0.1' });
    closers.push(server.close);
    const probe = await startApp(testConfig(pki.rootPem, { timeouts: TIMEOUTS }));
    try {
      const response = await probe.get(`/v1/inspect?host=localhost&port=${server.port}`);
      const report = inspectReportSchema.parse(await response.json());
      const v4 = report.addresses.find((a) => a.ip === '127.0.0.1');
      expect(v4).toMatchObject({ ok: true, family: 4 });
      // The certificate is for rsa.localhost (and 127.0.0.1, ::1), not for "localhost".
      expect(v4!.verification.hostnameMatch).toBe(false);
    } finally {
      await probe.close();
    }
  });

  test('IP targets are inspected without SNI and matched against IP SANs', async () => {
    const s = pki.scenarios['rsa'];
    const server = await serveScenario(s, { address: '127.0.0.1' });
    closers.push(server.close);
    const { report } = await inspectWith(server.port, { host: '127.0.0.1' });
    expect(report.addresses[0]!.verification).toMatchObject({
      trusted: true,
      hostnameMatch: true,
      cause: null,
    });
    expect(report.summary.status).toBe('ok');
  });
});

describe('the trust store', () => {
  test('without the test root as an extra CA the same chain is unknown_issuer', async () => {
    const s = pki.scenarios['valid-90d'];
    const server = await serveScenario(s);
    closers.push(server.close);
    const { report } = await inspectWith(server.port, { host: s.host, config: { extraCaPems: [] } });
    expect(report.addresses[0]!.verification).toMatchObject({ trusted: false, cause: 'unknown_issuer' });
  });
});
