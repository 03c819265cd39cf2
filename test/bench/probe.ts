/**
 * Benchmark of the probe against Prometheus blackbox_exporter on the same loopback TLS servers: cold inspection
 * latency (p50, p95) and the ratio to blackbox_exporter's http and tcp/tls probes, cached answer latency, throughput
 * at concurrency 50 over 200 distinct targets, and memory after 10,000 distinct targets. Figures, not assertions.
 * A reference service in the same run (tls-head-service.ts: TLS + HEAD in Node, no report) shows what part of the
 * latency Node's TLS stack sets and what part the probe adds.
 * Run: npm run bench:probe
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createApp } from '../../probe/app';
import { DEFAULT_CONFIG } from '../../probe/config';
import { issue, serveScenario, type TestServer } from '../pki';

const BLACKBOX = process.env.BLACKBOX_EXPORTER ?? '/usr/bin/prometheus-blackbox-exporter';
const TARGETS = 200;
const CONCURRENCY = 50;
const THROUGHPUT_REQUESTS = 1_000;
const WARMUP_PASSES = 2;
const COLD_PASSES = 3;
const MEMORY_TARGETS = 10_000;
const DAY = 86_400_000;
/** Target sets of TARGETS servers each: one for the warm-up, one per cold pass (every cold inspection meets a leaf
 * the probe has never parsed). */
const SETS = 1 + COLD_PASSES;
const ip = (i: number) => `127.0.${1 + Math.floor(i / TARGETS)}.${(i % TARGETS) + 1}`;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function timed(url: string, check: (body: string) => boolean): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.text();
  const ms = performance.now() - started;
  if (!response.ok || !check(body))
    throw new Error(`unexpected answer from ${url}: ${response.status} ${body.slice(0, 200)}`);
  return ms;
}

async function sequential(urls: string[], check: (body: string) => boolean): Promise<number[]> {
  const samples: number[] = [];
  for (const url of urls) samples.push(await timed(url, check));
  return samples;
}

/** Requests per second with `concurrency` workers over `urls`, cycled until `total` requests are answered. */
async function throughput(urls: string[], total: number, check: (body: string) => boolean): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      const url = urls[next++ % urls.length]!;
      await timed(url, check);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return total / ((performance.now() - started) / 1000);
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

function row(name: string, samples: number[], reference?: number): string {
  const p50 = percentile(samples, 50);
  const ratio = reference ? `  ${(p50 / reference).toFixed(2)}x` : '';
  return `${name.padEnd(44)} p50 ${p50.toFixed(1).padStart(7)} ms   p95 ${percentile(samples, 95).toFixed(1).padStart(7)} ms${ratio}`;
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'certglance-bench-'));
  const children: ChildProcess[] = [];
  let servers: TestServer[] = [];
  try {
    // A root both probes trust, and one intermediate for every target.
    const now = Date.now();
    const root = await issue({
      name: 'bench-root',
      subject: [{ CN: ['certglance bench root'] }],
      notBefore: new Date(now - DAY),
      notAfter: new Date(now + 365 * DAY),
      key: 'p256',
      ca: {},
    });
    const intermediate = await issue({
      name: 'bench-intermediate',
      subject: [{ CN: ['certglance bench intermediate'] }],
      notBefore: new Date(now - DAY),
      notAfter: new Date(now + 365 * DAY),
      key: 'p256',
      issuer: root,
      ca: { pathLength: 0 },
    });
    // Each target its own leaf (the probe parses every new leaf), sent with the intermediate, as sites do.
    const leaves = await Promise.all(
      Array.from({ length: TARGETS * SETS }, (_, i) =>
        issue({
          name: `bench-leaf-${i}`,
          subject: [{ CN: [`t${i}.bench.localhost`] }],
          notBefore: new Date(now - DAY),
          notAfter: new Date(now + 89 * DAY),
          key: 'p256',
          issuer: intermediate,
          dnsNames: ['*.bench.localhost'],
          ipAddresses: [ip(i)],
        }),
      ),
    );
    const rootFile = join(tmp, 'root.pem');
    writeFileSync(rootFile, root.cert.pem);
    servers = await Promise.all(
      leaves.map((leaf, i) =>
        serveScenario(
          { certPem: leaf.cert.pem, keyPem: leaf.cert.keyPem, chainPem: intermediate.cert.pem },
          { address: ip(i) },
        ),
      ),
    );
    const all = servers.map((s, i) => ({ host: ip(i), port: s.port }));
    const set = (n: number) => all.slice(n * TARGETS, (n + 1) * TARGETS);
    /** The first set: cold pass 1, then the cached answers, throughput and memory. */
    const targets = set(0);

    // blackbox_exporter with its http and tcp/tls modules.
    const blackboxPort = await freePort();
    const config = join(tmp, 'blackbox.yml');
    writeFileSync(
      config,
      `modules:
  http_2xx:
    prober: http
    timeout: 10s
    http:
      preferred_ip_protocol: ip4
      tls_config:
        ca_file: ${rootFile}
  tcp_tls:
    prober: tcp
    timeout: 10s
    tcp:
      tls: true
      preferred_ip_protocol: ip4
      tls_config:
        ca_file: ${rootFile}
`,
    );
    const blackbox = spawn(
      BLACKBOX,
      [`--config.file=${config}`, `--web.listen-address=127.0.0.1:${blackboxPort}`, '--log.level=error'],
      {
        stdio: 'ignore',
      },
    );
    children.push(blackbox);
    await waitFor(`http://127.0.0.1:${blackboxPort}/-/healthy`, blackbox);

    // The probe, as a sysadmin runs it: a separate process, cache on (cold, then cached) and cache off (throughput).
    const startProbe = async (extra: string[]) => {
      const port = await freePort();
      const child = spawn(
        process.execPath,
        [
          'probe/bin.mjs',
          'serve',
          '--port',
          String(port),
          '--ca-file',
          rootFile,
          '--rate-limit',
          '0',
          '--log-level',
          'error',
          '--concurrency',
          '64',
          ...extra,
        ],
        { stdio: 'ignore' },
      );
      children.push(child);
      await waitFor(`http://127.0.0.1:${port}/healthz`, child);
      return port;
    };
    // The reference: the same handshake and HEAD from Node, with nothing else.
    const floorPort = await freePort();
    const floor = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/bench/tls-head-service.ts', String(floorPort), rootFile],
      { stdio: 'ignore' },
    );
    children.push(floor);
    await waitFor(`http://127.0.0.1:${floorPort}/healthz`, floor);
    const cachedPort = await startProbe(['--cache-ttl-s', '600']);
    const uncachedPort = await startProbe(['--cache-ttl-s', '0']);

    const probeOk = (body: string) =>
      (JSON.parse(body) as { summary: { status: string } }).summary.status === 'ok';
    const blackboxOk = (body: string) => /^probe_success 1$/m.test(body);
    const probeUrls = (port: number, list = targets) =>
      list.map((t) => `http://127.0.0.1:${port}/v1/inspect?host=${t.host}&port=${t.port}`);
    const floorUrls = (list = targets) =>
      list.map((t) => `http://127.0.0.1:${floorPort}/inspect?host=${t.host}&port=${t.port}`);
    const blackboxUrls = (module: string, list = targets) =>
      list.map(
        (t) =>
          `http://127.0.0.1:${blackboxPort}/probe?module=${module}&target=${encodeURIComponent(module === 'tcp_tls' ? `${t.host}:${t.port}` : `https://${t.host}:${t.port}/`)}`,
      );

    // Cold inspections go to the probe without an answer cache, each to a target whose leaf it has never parsed.
    // The probe and blackbox_exporter are first warmed up (JIT, pools) by uncounted passes over a set of their own.
    const warmup = set(SETS - 1);
    for (let pass = 0; pass < WARMUP_PASSES; pass += 1) {
      await sequential(probeUrls(uncachedPort, warmup), probeOk);
      await sequential(probeUrls(cachedPort, warmup), probeOk);
      await sequential(blackboxUrls('http_2xx', warmup), blackboxOk);
      await sequential(blackboxUrls('tcp_tls', warmup), blackboxOk);
      await sequential(floorUrls(warmup), probeOk);
    }

    // Interleaved: for each target the four cold requests run back to back, in an order that rotates from one
    // target to the next, so drift of the machine and the cost of following another request hit all four alike.
    const bbHttp: number[] = [];
    const bbTcp: number[] = [];
    const cold: number[] = [];
    const floorSamples: number[] = [];
    const interleaved = async (
      pass: number,
      list: typeof targets,
      probe: number[],
      http: number[],
      tcp: number[],
      reference: number[],
    ) => {
      const sides = [
        { samples: http, urls: blackboxUrls('http_2xx', list), check: blackboxOk },
        { samples: probe, urls: probeUrls(uncachedPort, list), check: probeOk },
        { samples: tcp, urls: blackboxUrls('tcp_tls', list), check: blackboxOk },
        { samples: reference, urls: floorUrls(list), check: probeOk },
      ];
      for (let i = 0; i < TARGETS; i += 1) {
        for (let k = 0; k < sides.length; k += 1) {
          const side = sides[(i + pass + k) % sides.length]!;
          side.samples.push(await timed(side.urls[i]!, side.check));
        }
      }
    };
    for (let pass = 0; pass < COLD_PASSES; pass += 1)
      await interleaved(pass, set(pass), cold, bbHttp, bbTcp, floorSamples);
    // The same targets once more: no answer in a cache, but certificates the probe has parsed before (a site
    // inspected again, as the extension and Prometheus do every few minutes). The tcp/tls and reference requests
    // still run, unrecorded, so that each probe request follows the same mix of others as in the cold passes.
    const known: number[] = [];
    const knownBbHttp: number[] = [];
    await interleaved(0, set(0), known, knownBbHttp, [], []);
    const cachedUrls = probeUrls(cachedPort);
    await sequential(cachedUrls, probeOk);
    const cached = await sequential(cachedUrls, probeOk);
    const bbHttpP50 = percentile(bbHttp, 50);
    const pairedDiff = cold.map((ms, i) => ms - bbHttp[i]!);

    const rpsProbe = await throughput(probeUrls(uncachedPort), THROUGHPUT_REQUESTS, probeOk);
    const rpsBlackbox = await throughput(blackboxUrls('http_2xx'), THROUGHPUT_REQUESTS, blackboxOk);

    // Memory after 10,000 distinct targets: names t<n>.bench.localhost spread over the 200 servers (in-process app,
    // the resolver being the only substitute), default cache and metrics bounds.
    const table = new Map(Array.from({ length: MEMORY_TARGETS }, (_, n) => [`t${n}.bench.localhost`, n]));
    const app = createApp(
      {
        ...DEFAULT_CONFIG,
        port: 0,
        extraCaPems: [root.cert.pem],
        rateLimit: { ...DEFAULT_CONFIG.rateLimit, perMinute: 0 },
        logLevel: 'silent',
      },
      {
        resolver: async (host) => [{ address: targets[(table.get(host) ?? 0) % TARGETS]!.host, family: 4 }],
        processMetrics: false,
      },
    );
    await app.listen({ host: '127.0.0.1', port: 0 });
    const appPort = (app.server.address() as { port: number }).port;
    gc();
    const before = process.memoryUsage();
    let n = 0;
    const memoryStarted = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (n < MEMORY_TARGETS) {
          const i = n++;
          const target = targets[i % TARGETS]!;
          await timed(
            `http://127.0.0.1:${appPort}/v1/inspect?host=t${i}.bench.localhost&port=${target.port}`,
            probeOk,
          );
        }
      }),
    );
    const memorySeconds = (performance.now() - memoryStarted) / 1000;
    gc();
    const after = process.memoryUsage();
    await app.close();

    const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
    console.log(
      `\ncertglance probe vs blackbox_exporter, ${TARGETS} loopback TLS targets (ECDSA P-256, TLS 1.3), ${new Date().toISOString()}`,
    );
    console.log(`Node ${process.version}; blackbox_exporter ${BLACKBOX}\n`);
    console.log(
      `Cold inspection latency: ${COLD_PASSES} interleaved passes over ${TARGETS} new targets each, after ${WARMUP_PASSES} warm-up passes over others (ratio: p50 / blackbox http p50)`,
    );
    console.log(row('blackbox_exporter http_2xx (TLS + GET)', bbHttp, bbHttpP50));
    console.log(row('blackbox_exporter tcp_tls (TLS handshake only)', bbTcp, bbHttpP50));
    console.log(row('Node reference: TLS + HEAD, no report', floorSamples, bbHttpP50));
    console.log(row('certglance probe /v1/inspect (full report)', cold, bbHttpP50));
    console.log(
      row('certglance probe, certificate parsed before', known, percentile(knownBbHttp, 50)),
      `(blackbox http in that pass: p50 ${percentile(knownBbHttp, 50).toFixed(1)} ms)`,
    );
    console.log(
      `${'probe - blackbox http, same target, paired'.padEnd(44)} p50 ${percentile(pairedDiff, 50).toFixed(2).padStart(7)} ms   (p25 ${percentile(pairedDiff, 25).toFixed(2)}, p75 ${percentile(pairedDiff, 75).toFixed(2)})`,
    );
    console.log('\nCached answer latency (same targets again, from the probe cache)');
    console.log(row('certglance probe /v1/inspect, cached', cached));
    console.log(
      `\nThroughput at concurrency ${CONCURRENCY} over ${TARGETS} distinct targets, ${THROUGHPUT_REQUESTS} requests, no cache`,
    );
    console.log(`${'certglance probe'.padEnd(44)} ${rpsProbe.toFixed(0)} inspections/s`);
    console.log(`${'blackbox_exporter http_2xx'.padEnd(44)} ${rpsBlackbox.toFixed(0)} probes/s`);
    console.log(
      `\nMemory after ${MEMORY_TARGETS} distinct targets (in-process app, ${memorySeconds.toFixed(1)} s, cache bound ${DEFAULT_CONFIG.cache.maxEntries})`,
    );
    console.log(
      `${'heap used'.padEnd(44)} ${mb(before.heapUsed)} -> ${mb(after.heapUsed)} (+${mb(after.heapUsed - before.heapUsed)})`,
    );
    console.log(
      `${'resident set'.padEnd(44)} ${mb(before.rss)} -> ${mb(after.rss)} (+${mb(after.rss - before.rss)})`,
    );
    const goal = (probe: number[], reference: number[]) =>
      percentile(probe, 50) <= percentile(reference, 50) ? 'met' : 'NOT met';
    console.log(
      `\nGoal (cold full report at least as fast as blackbox http, p50): ${goal(cold, bbHttp)} for certificates never seen before, ${goal(known, knownBbHttp)} for certificates parsed before\n`,
    );
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.close()));
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
