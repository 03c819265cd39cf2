import ipaddr from 'ipaddr.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inspectReportSchema, probeErrorSchema } from '../../../core/probe-report';
import { loadConfig, type ProbeConfig } from '../../../probe/config';
import { makeTestPki, servePkiBySni, type SniServer, type TestPki } from '../../pki';
import { startApp, tableResolver, testConfig, type RunningApp } from './helpers';

const TOKEN = 'test-token-0123456789abcdef';

let pki: TestPki;
let sni: SniServer;
let probe: RunningApp;
const resolver = tableResolver({
  'valid-90d.localhost': '127.0.0.8',
  'expired.localhost': '127.0.0.8',
  'bücher.localhost': '127.0.0.8',
  'xn--bcher-kva.localhost': '127.0.0.8',
});

beforeAll(async () => {
  pki = await makeTestPki();
  sni = await servePkiBySni(pki, { address: '127.0.0.8' });
  probe = await startApp(testConfig(pki.rootPem), { resolver });
}, 30_000);

afterAll(async () => {
  await probe?.close();
  await sni?.close();
});

/** The config of a probe bound off loopback (it is only ever listened on 127.0.0.1 in tests). */
function publicConfig(extra: string[] = []): ProbeConfig {
  const loaded = loadConfig(['--host', '0.0.0.0', '--token', TOKEN, ...extra], {});
  if (!loaded.ok) throw new Error(loaded.error.message);
  return { ...testConfig(pki.rootPem), ...loaded.value, extraCaPems: [pki.rootPem], logLevel: 'silent' };
}

async function errorOf(response: Response): Promise<{ status: number; code: string }> {
  const body = probeErrorSchema.parse(await response.json());
  expect(body.error.message).not.toMatch(/at .*\.ts|node:internal|stack/);
  return { status: response.status, code: body.error.code };
}

describe('GET /healthz and /metrics', () => {
  test('healthz answers 200', async () => {
    const response = await probe.get('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  test('metrics are Prometheus text with requests, outcomes, durations, cache and expiry per target', async () => {
    await probe.get(`/v1/inspect?host=expired.localhost&port=${sni.port}`);
    await probe.get(`/v1/inspect?host=expired.localhost&port=${sni.port}`);
    const response = await probe.get('/metrics');
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    const notAfter = Math.floor(pki.scenarios.expired.leaf.notAfter.getTime() / 1000);
    expect(text).toContain('certglance_probe_http_requests_total{route="/v1/inspect",code="200"}');
    expect(text).toContain('certglance_probe_inspections_total{outcome="expired"} 1');
    expect(text).toContain('certglance_probe_inspection_duration_seconds_count');
    expect(text).toContain('certglance_probe_cache_hits_total{kind="stored"} 1');
    expect(text).toContain(
      `certglance_probe_certificate_expiry_timestamp_seconds{host="expired.localhost",port="${sni.port}"} ${notAfter}`,
    );
    expect(text).toContain(`certglance_probe_target_failing{host="expired.localhost",port="${sni.port}"} 1`);
  });
});

describe('GET /v1/metrics: one target as Prometheus metrics (scraped once per target)', () => {
  /** The value of one sample line, by its exact name and labels. */
  const sample = (text: string, series: string): number | undefined => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };

  test('a valid site: ok 1, its status, and the earliest expiry as a timestamp and in days', async () => {
    const fresh = await startApp(testConfig(pki.rootPem), { resolver });
    try {
      const response = await fresh.get(`/v1/metrics?host=valid-90d.localhost&port=${sni.port}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await response.text();
      const leaf = pki.scenarios['valid-90d'].leaf;
      expect(sample(text, 'certglance_target_ok')).toBe(1);
      expect(sample(text, 'certglance_target_status{status="ok"}')).toBe(1);
      expect(sample(text, 'certglance_target_status{status="expired"}')).toBe(0);
      expect(sample(text, 'certglance_target_certificate_expiry_timestamp_seconds')).toBe(
        Math.floor(leaf.notAfter.getTime() / 1000),
      );
      expect(sample(text, 'certglance_target_certificate_days_left')).toBeCloseTo(
        (leaf.notAfter.getTime() - Date.now()) / 86_400_000,
        1,
      );
      expect(sample(text, 'certglance_target_addresses')).toBe(1);
      expect(sample(text, 'certglance_target_consistent')).toBe(1);
      expect(sample(text, 'certglance_target_server_clock_skew_seconds{ip="127.0.0.8"}')).toBeLessThan(5);
      expect(sample(text, 'certglance_target_cached')).toBe(0);
      expect(text).not.toContain('certglance_target_cause{');
      const again = await (await fresh.get(`/v1/metrics?host=valid-90d.localhost&port=${sni.port}`)).text();
      expect(sample(again, 'certglance_target_cached')).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  test('an expired site: ok 0, status expired, the cause', async () => {
    const text = await (await probe.get(`/v1/metrics?host=expired.localhost&port=${sni.port}`)).text();
    expect(sample(text, 'certglance_target_ok')).toBe(0);
    expect(sample(text, 'certglance_target_status{status="expired"}')).toBe(1);
    expect(sample(text, 'certglance_target_cause{cause="expired"}')).toBe(1);
    expect(sample(text, 'certglance_target_certificate_days_left')).toBeLessThan(0);
  });

  test('refusals are the same as /v1/inspect’s: JSON errors with their status', async () => {
    expect(await errorOf(await probe.get('/v1/metrics?host=bad%20host'))).toEqual({
      status: 400,
      code: 'INVALID_HOST',
    });
    expect(await errorOf(await probe.get('/v1/metrics?host=valid-90d.localhost&port=70000'))).toEqual({
      status: 400,
      code: 'INVALID_PORT',
    });
    const closed = await startApp(publicConfig(), { resolver });
    try {
      expect(await errorOf(await closed.get('/v1/metrics?host=valid-90d.localhost'))).toEqual({
        status: 401,
        code: 'UNAUTHORIZED',
      });
    } finally {
      await closed.close();
    }
  });
});

describe('GET /v1/inspect', () => {
  test('answers a full InspectReport; a repeat comes from the cache', async () => {
    const first = await probe.get(`/v1/inspect?host=valid-90d.localhost&port=${sni.port}`);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const report = inspectReportSchema.parse(await first.json());
    expect(report).toMatchObject({ target: { host: 'valid-90d.localhost', port: sni.port }, cached: false });
    expect(report.summary.status).toBe('ok');
    const second = inspectReportSchema.parse(
      await (await probe.get(`/v1/inspect?host=valid-90d.localhost&port=${sni.port}`)).json(),
    );
    expect(second.cached).toBe(true);
    expect(second.probedAt).toBe(report.probedAt);
  });

  test('concurrent identical requests share one inspection', async () => {
    const local = await startApp(testConfig(pki.rootPem), { resolver });
    try {
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => local.get(`/v1/inspect?host=valid-90d.localhost&port=${sni.port}`)),
      );
      const reports = await Promise.all(answers.map(async (a) => inspectReportSchema.parse(await a.json())));
      expect(new Set(reports.map((r) => r.probedAt)).size).toBe(1);
      const metrics = await (await local.get('/metrics')).text();
      expect(metrics).toContain('certglance_probe_cache_misses_total 1');
      expect(metrics).toMatch(/certglance_probe_inspections_total\{outcome="ok"\} 1\n/);
    } finally {
      await local.close();
    }
  });

  test('the port defaults to 443', async () => {
    const response = await probe.get('/v1/inspect?host=nowhere.localhost');
    const report = inspectReportSchema.parse(await response.json());
    expect(report.target).toEqual({ host: 'nowhere.localhost', port: 443 });
  });

  test('an IDN is inspected under its A-label', async () => {
    const response = await probe.get(
      `/v1/inspect?host=${encodeURIComponent('bücher.localhost')}&port=${sni.port}`,
    );
    const report = inspectReportSchema.parse(await response.json());
    expect(report.target.host).toBe('xn--bcher-kva.localhost');
  });

  const long = `${'a'.repeat(60)}.`.repeat(5);
  test.each([
    ['empty host', 'host=', 'INVALID_HOST'],
    ['no host', 'port=443', 'INVALID_HOST'],
    ['spaces', 'host=exa%20mple.com', 'INVALID_HOST'],
    ['300 characters', `host=${long}`, 'INVALID_HOST'],
    ['a path', 'host=127.0.0.1/x', 'INVALID_HOST'],
    ['userinfo', 'host=user@example.com', 'INVALID_HOST'],
    ['a port in host', 'host=example.com:443', 'INVALID_HOST'],
    ['a numeric IPv4 shorthand', 'host=2130706433', 'INVALID_HOST'],
    ['right-to-left override', `host=${encodeURIComponent('\u202eexample.com')}`, 'INVALID_HOST'],
    ['a NUL byte', 'host=a%00b.com', 'INVALID_HOST'],
    ['a host given twice', 'host=a.com&host=b.com', 'INVALID_HOST'],
    ['port 0', 'host=example.com&port=0', 'INVALID_PORT'],
    ['port 70000', 'host=example.com&port=70000', 'INVALID_PORT'],
    ['port -1', 'host=example.com&port=-1', 'INVALID_PORT'],
    ['port 44x', 'host=example.com&port=44x', 'INVALID_PORT'],
  ])('400 for %s', async (_name, query, code) => {
    expect(await errorOf(await probe.get(`/v1/inspect?${query}`))).toEqual({ status: 400, code });
  });

  test('a fault of the probe itself is 500 INTERNAL with no internals in the body', async () => {
    const broken = await startApp(testConfig(pki.rootPem), {
      resolver: () => {
        throw new TypeError('secret detail at /srv/probe/inspect.ts:42');
      },
    });
    try {
      const response = await broken.get('/v1/inspect?host=a.localhost');
      const text = await response.text();
      expect(response.status).toBe(500);
      expect(JSON.parse(text)).toEqual({ error: { code: 'INTERNAL', message: expect.any(String) } });
      expect(text).not.toContain('secret');
      expect(text).not.toContain('TypeError');
    } finally {
      await broken.close();
    }
  });

  test('404 with a JSON error for unknown paths', async () => {
    expect(await errorOf(await probe.get('/v2/whatever'))).toEqual({ status: 404, code: 'NOT_FOUND' });
  });
});

describe('CORS: extension origins only', () => {
  test.each([
    ['moz-extension://6f1a2c1e-1111-4a5b-9c9d-123456789abc', true],
    ['chrome-extension://abcdefghijklmnopabcdefghijklmnop', true],
    ['https://evil.example', false],
    ['null', false],
  ])('%s -> allowed %s', async (origin, allowed) => {
    const response = await probe.get('/healthz', { origin });
    expect(response.headers.get('access-control-allow-origin')).toBe(allowed ? origin : null);
  });

  test('a preflight for the Authorization header is answered', async () => {
    const response = await fetch(`${probe.base}/v1/inspect?host=a.com`, {
      method: 'OPTIONS',
      headers: {
        origin: 'moz-extension://6f1a2c1e-1111-4a5b-9c9d-123456789abc',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-headers')).toBe('Authorization');
  });
});

describe('safety', () => {
  test('a loopback probe answers only to a loopback Host header (DNS rebinding of the probe itself)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(probe.base);
      request(
        { host: '127.0.0.1', port: url.port, path: '/healthz', headers: { host: 'attacker.example' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      )
        .on('error', reject)
        .end();
    });
    expect(status).toBe(403);
  });

  test('a public probe requires the bearer token', async () => {
    const open = await startApp(publicConfig(), { resolver });
    try {
      expect(await errorOf(await open.get('/v1/inspect?host=a.com'))).toEqual({
        status: 401,
        code: 'UNAUTHORIZED',
      });
      expect(
        await errorOf(
          await open.get('/v1/inspect?host=a.com', { authorization: 'Bearer wrong-token-0123456789' }),
        ),
      ).toEqual({
        status: 401,
        code: 'UNAUTHORIZED',
      });
      expect(await errorOf(await open.get('/metrics'))).toEqual({ status: 401, code: 'UNAUTHORIZED' });
      expect((await open.get('/healthz')).status).toBe(200);
    } finally {
      await open.close();
    }
  });

  test('a public probe refuses a name that resolves to 127.0.0.1, and ports off its allow-list', async () => {
    const open = await startApp(publicConfig(['--allow-ports', `443,${sni.port}`]), { resolver });
    const auth = { authorization: `Bearer ${TOKEN}` };
    try {
      const forbidden = await open.get(`/v1/inspect?host=valid-90d.localhost&port=${sni.port}`, auth);
      expect(await errorOf(forbidden)).toEqual({ status: 403, code: 'TARGET_FORBIDDEN' });
      for (const host of [
        '127.0.0.1',
        '::1',
        '[::ffff:127.0.0.1]',
        '169.254.169.254',
        '10.0.0.1',
        '192.168.1.1',
        'fd00::1',
      ]) {
        const response = await open.get(`/v1/inspect?host=${encodeURIComponent(host)}`, auth);
        expect(await errorOf(response)).toEqual({ status: 403, code: 'TARGET_FORBIDDEN' });
      }
      const port = await open.get('/v1/inspect?host=example.com&port=22', auth);
      expect(await errorOf(port)).toEqual({ status: 403, code: 'PORT_NOT_ALLOWED' });
    } finally {
      await open.close();
    }
  });

  test('an allowed CIDR opens an internal range on purpose', async () => {
    const open = await startApp(publicConfig(['--allow-ports', 'any', '--allow-cidr', '127.0.0.8/32']), {
      resolver,
    });
    try {
      const response = await open.get(`/v1/inspect?host=valid-90d.localhost&port=${sni.port}`, {
        authorization: `Bearer ${TOKEN}`,
      });
      expect(response.status).toBe(200);
      expect(inspectReportSchema.parse(await response.json()).summary.status).toBe('ok');
      const other = await open.get('/v1/inspect?host=127.0.0.9', { authorization: `Bearer ${TOKEN}` });
      expect(await errorOf(other)).toEqual({ status: 403, code: 'TARGET_FORBIDDEN' });
    } finally {
      await open.close();
    }
  });

  test('the rate limit answers 429 with Retry-After', async () => {
    const limited = await startApp(
      testConfig(pki.rootPem, { rateLimit: { perMinute: 6, burst: 3, maxClients: 10 } }),
      { resolver },
    );
    try {
      const statuses = [];
      for (let i = 0; i < 4; i += 1) statuses.push(await limited.get('/v1/inspect?host=bad%20host'));
      expect(statuses.map((r) => r.status)).toEqual([400, 400, 400, 429]);
      expect(statuses[3]!.headers.get('retry-after')).toBe('10');
      expect(await errorOf(statuses[3]!)).toEqual({ status: 429, code: 'RATE_LIMITED' });
    } finally {
      await limited.close();
    }
  });

  test('behind a trusted load balancer each forwarded client has its own rate limit; from others X-Forwarded-For is ignored', async () => {
    const rateLimit = { perMinute: 6, burst: 3, maxClients: 10 };
    const statusesFor = async (probe: Awaited<ReturnType<typeof startApp>>) => {
      const ask = (client: string) =>
        probe.get('/v1/inspect?host=bad%20host', { 'x-forwarded-for': client }).then((r) => r.status);
      const first = [];
      for (let i = 0; i < 4; i += 1) first.push(await ask('127.0.0.21'));
      return { first, second: await ask('127.0.0.22') };
    };
    const behind = await startApp(
      testConfig(pki.rootPem, { rateLimit, trustProxy: [[ipaddr.parse('127.0.0.1'), 8]] }),
      { resolver },
    );
    const direct = await startApp(testConfig(pki.rootPem, { rateLimit }), { resolver });
    try {
      expect(await statusesFor(behind)).toEqual({ first: [400, 400, 400, 429], second: 400 });
      expect(await statusesFor(direct)).toEqual({ first: [400, 400, 400, 429], second: 429 });
    } finally {
      await behind.close();
      await direct.close();
    }
  });

  test('past the concurrency cap and its queue the probe answers 503 BUSY', async () => {
    const { rawServer } = await import('./helpers');
    const silent = await rawServer(() => undefined);
    const busy = await startApp(
      testConfig(pki.rootPem, {
        concurrency: { max: 1, maxQueue: 1 },
        timeouts: { deadlineMs: 600, connectMs: 600, handshakeMs: 600, httpMs: 300 },
      }),
      {
        resolver: tableResolver({
          'a.localhost': '127.0.0.1',
          'b.localhost': '127.0.0.1',
          'c.localhost': '127.0.0.1',
        }),
      },
    );
    try {
      const answers = await Promise.all(
        ['a', 'b', 'c'].map((n) => busy.get(`/v1/inspect?host=${n}.localhost&port=${silent.port}`)),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 503]);
      const refused = answers.find((a) => a.status === 503)!;
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(await errorOf(refused)).toEqual({ status: 503, code: 'BUSY' });
    } finally {
      await busy.close();
      await silent.close();
    }
  });
});
