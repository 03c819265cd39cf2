import { get as httpGet } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect, createSecureContext } from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  makeTestPki,
  serveHttp,
  servePkiBySni,
  serveScenario,
  type ScenarioName,
  type TestPki,
} from '../../pki';
import { handshake } from './handshake';

const DAY = 86_400_000;

interface Answer {
  status: number;
  date: string | undefined;
  body: string;
}

/** GET over HTTPS to a loopback address, with the scenario's host name for SNI and Host. */
function httpsGet(url: string, address: string, ca: string): Promise<Answer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host: address,
        port,
        servername: hostname,
        headers: { host: `${hostname}:${port}` },
        path: '/',
        ca,
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, date: res.headers.date, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

let pki: TestPki;
beforeAll(async () => {
  pki = await makeTestPki();
});

describe('serveScenario', () => {
  test.each([
    ['no skew', undefined],
    ['3 days behind', -3 * DAY],
    ['2 hours ahead', 2 * 3600_000],
  ])('answers 200 with an HTML page and a Date header (%s)', async (_label, skew) => {
    const server = await serveScenario(pki.scenarios['valid-90d'], { dateSkewMs: skew });
    try {
      const before = Date.now();
      const answer = await httpsGet(server.url, server.address, pki.rootPem);
      const after = Date.now();
      expect(answer.status).toBe(200);
      expect(answer.body).toContain('<h1>valid-90d</h1>');
      const date = Date.parse(answer.date ?? '');
      expect(date).toBeGreaterThanOrEqual(before + (skew ?? 0) - 1000);
      expect(date).toBeLessThanOrEqual(after + (skew ?? 0));
    } finally {
      await server.close();
    }
  });

  test('a custom handler answers instead of the page', async () => {
    const server = await serveScenario(pki.scenarios['valid-90d'], {
      handler: (_req, res) => {
        res.writeHead(503);
        res.end('down');
      },
    });
    try {
      const answer = await httpsGet(server.url, server.address, pki.rootPem);
      expect(answer).toMatchObject({ status: 503, body: 'down' });
    } finally {
      await server.close();
    }
  });

  test('serves a bare certificate on ::1, with its chain', async () => {
    const s = pki.scenarios['valid-6d'];
    const server = await serveScenario(
      { certPem: s.leaf.pem, keyPem: s.leaf.keyPem, chainPem: pki.intermediate.pem },
      { address: '::1' },
    );
    try {
      expect(server.url).toBe(`https://[::1]:${server.port}/`);
      const result = await handshake({
        address: '::1',
        port: server.port,
        servername: s.host,
        secureContext: createSecureContext({ ca: pki.rootPem }),
      });
      expect(result.authorized).toBe(true);
      // Node reports the chain it verified: the two certificates sent, then the trusted root.
      expect(result.chain.map((der) => new X509Certificate(der).fingerprint256)).toEqual(
        [s.leaf, pki.intermediate, pki.root].map((c) => new X509Certificate(c.der).fingerprint256),
      );
    } finally {
      await server.close();
    }
  });

  test.each(['10.0.0.1', '0.0.0.0', '::'])('refuses to listen on %s', async (address) => {
    await expect(serveScenario(pki.scenarios['valid-90d'], { address })).rejects.toThrow(/loopback only/);
  });

  test('close() ends open keep-alive connections instead of waiting for them', async () => {
    const server = await serveScenario(pki.scenarios['valid-90d']);
    const socket = connect({
      host: server.address,
      port: server.port,
      servername: 'valid-90d.localhost',
      ca: pki.rootPem,
    });
    await new Promise<void>((resolve) => socket.once('secureConnect', () => resolve()));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    const started = Date.now();
    await server.close();
    await closed;
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('servePkiBySni', () => {
  let sni: Awaited<ReturnType<typeof servePkiBySni>>;
  beforeAll(async () => {
    sni = await servePkiBySni(pki);
  });
  afterAll(() => sni.close());

  test.each(['valid-398d', 'expired', 'self-signed', 'rsa', 'hostile', 'wrong-host'] as ScenarioName[])(
    "SNI %s.localhost gets that scenario's chain",
    async (name) => {
      const result = await handshake({
        address: sni.address,
        port: sni.port,
        servername: `${name}.localhost`,
        secureContext: createSecureContext({}),
      });
      expect(result.chain.map((der) => new X509Certificate(der).fingerprint256)).toEqual(
        pki.scenarios[name].served.map((c) => new X509Certificate(c.der).fingerprint256),
      );
      expect(sni.urlFor(name)).toBe(`https://${name}.localhost:${sni.port}/`);
    },
  );

  test('a valid scenario answers its own page over HTTPS', async () => {
    const answer = await httpsGet(sni.urlFor('valid-47d'), sni.address, pki.rootPem);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<h1>valid-47d</h1>');
  });

  test('a client sending no SNI gets no certificate', async () => {
    await expect(
      handshake({ address: sni.address, port: sni.port, secureContext: createSecureContext({}) }),
    ).rejects.toThrow();
  });

  test('an unknown SNI name gets the default scenario', async () => {
    const result = await handshake({
      address: sni.address,
      port: sni.port,
      servername: 'nobody.localhost',
      secureContext: createSecureContext({}),
    });
    expect(new X509Certificate(result.chain[0]!).fingerprint256).toBe(
      new X509Certificate(pki.scenarios['valid-90d'].leaf.der).fingerprint256,
    );
  });
});

describe('serveHttp', () => {
  test('answers plain HTTP on loopback with a skewed Date when asked', async () => {
    const server = await serveHttp({ dateSkewMs: -DAY, host: 'plain.localhost' });
    try {
      expect(server.url).toBe(`http://plain.localhost:${server.port}/`);
      const answer = await new Promise<Answer>((resolve, reject) => {
        httpGet({ host: server.address, port: server.port, path: '/', agent: false }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, date: res.headers.date, body }));
        }).on('error', reject);
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toContain('plain http');
      expect(Math.abs(Date.parse(answer.date ?? '') - (Date.now() - DAY))).toBeLessThan(3000);
    } finally {
      await server.close();
    }
  });
});
