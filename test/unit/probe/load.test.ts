import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { inspectReportSchema } from '../../../core/probe-report';
import { makeTestPki, serveScenario, type TestPki, type TestServer } from '../../pki';
import { startApp, tableResolver, testConfig, type RunningApp } from './helpers';

/** Bounded load: 20 loopback TLS servers, 100 names, rounds of 400 concurrent requests. */
const SERVERS = 20;
const NAMES = 100;
const CONCURRENT = 400;
const ROUNDS = 3;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let pki: TestPki;
let servers: TestServer[] = [];
let probe: RunningApp;

beforeAll(async () => {
  pki = await makeTestPki();
  servers = await Promise.all(
    Array.from({ length: SERVERS }, (_, i) =>
      serveScenario(pki.scenarios['valid-90d'], { address: `127.0.2.${i + 1}` }),
    ),
  );
  const table = Object.fromEntries(
    Array.from({ length: NAMES }, (_, i) => [`t${i}.localhost`, `127.0.2.${(i % SERVERS) + 1}`]),
  );
  probe = await startApp(
    testConfig(pki.rootPem, {
      cache: { ttlMs: 0, maxEntries: 0 },
      concurrency: { max: 32, maxQueue: 1_000 },
      metricsMaxTargets: 50,
    }),
    { resolver: tableResolver(table) },
  );
}, 30_000);

afterAll(async () => {
  await probe?.close();
  await Promise.all(servers.map((s) => s.close()));
});

/** One round: every request answered 200 with a valid report for its own target. */
async function round(): Promise<void> {
  // Every server listens on its own port: a name's port is its server's.
  const answers = await Promise.all(
    Array.from({ length: CONCURRENT }, async (_, i) => {
      const n = i % NAMES;
      const port = servers[n % SERVERS]!.port;
      const response = await probe.get(`/v1/inspect?host=t${n}.localhost&port=${port}`);
      return { n, status: response.status, report: inspectReportSchema.parse(await response.json()) };
    }),
  );
  for (const { n, status, report } of answers) {
    expect(status).toBe(200);
    expect(report.target.host).toBe(`t${n}.localhost`);
    expect(report.addresses[0]!.ok).toBe(true);
  }
}

function heapMb(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1_048_576;
}

test('hundreds of concurrent requests are all answered, and memory stays flat', async () => {
  await round();
  const before = heapMb();
  for (let i = 0; i < ROUNDS; i += 1) await round();
  const after = heapMb();
  expect(after - before).toBeLessThan(15);

  const metrics = await (await probe.get('/metrics')).text();
  const expiryLines = metrics
    .split('\n')
    .filter((l) => l.startsWith('certglance_probe_certificate_expiry_timestamp_seconds{'));
  expect(expiryLines).toHaveLength(50);
  expect(metrics).toMatch(/certglance_probe_http_requests_total\{route="\/v1\/inspect",code="200"\} 1600\n/);
}, 60_000);
