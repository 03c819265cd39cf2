import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inspectReportSchema } from '../../../core/probe-report';
import { runCheck } from '../../../probe/check-command';
import { main } from '../../../probe/cli';
import {
  makeTestPki,
  servePkiBySni,
  serveScenario,
  type SniServer,
  type TestPki,
  type TestServer,
} from '../../pki';
import { tableResolver } from './helpers';

let pki: TestPki;
let sni: SniServer;
let rsa: TestServer;
let tmp: string;
let caFile: string;

beforeAll(async () => {
  pki = await makeTestPki();
  sni = await servePkiBySni(pki, { address: '127.0.0.10' });
  rsa = await serveScenario(pki.scenarios.rsa, { address: '127.0.0.1' });
  tmp = mkdtempSync(join(tmpdir(), 'certglance-cli-'));
  caFile = join(tmp, 'roots.pem');
  writeFileSync(caFile, pki.rootPem);
}, 30_000);

afterAll(async () => {
  await sni?.close();
  await rsa?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function check(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const resolver = tableResolver(
    Object.fromEntries(Object.values(pki.scenarios).map((s) => [s.host, '127.0.0.10'])),
  );
  const code = await runCheck(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), resolver });
  return { code, out, err };
}

describe('certglance-probe check', () => {
  test.each([
    ['valid-90d', [], 0, /OK/],
    ['valid-47d', [], 0, /OK, renewal due/],
    ['warn-90d', [], 1, /WARNING/],
    ['critical-90d', [], 1, /CRITICAL/],
    ['valid-90d', ['--warn-days', '90'], 1, /OK/],
    ['valid-90d', ['--warn-days', '30'], 0, /OK/],
    ['expired', [], 2, /EXPIRED/],
    ['not-yet-valid', [], 2, /NOT YET VALID/],
    ['expired-intermediate', [], 2, /Intermediate certificate expired/],
    ['self-signed', [], 2, /Self-signed certificate/],
    ['wrong-host', [], 2, /does not cover this name/],
    ['missing-intermediate', [], 2, /Incomplete certificate chain/],
  ] as const)('%s %j exits %d', async (name, extra, code, text) => {
    const result = await check([`${pki.scenarios[name].host}:${sni.port}`, '--ca-file', caFile, ...extra]);
    expect(result.err).toBe('');
    expect(result.code).toBe(code);
    expect(result.out).toMatch(text);
  });

  test('a readable report: status, days left, addresses, chain, causes with what to fix', async () => {
    const { out } = await check([`${pki.scenarios.expired.host}:${sni.port}`, '--ca-file', caFile]);
    expect(out).toMatch(
      /^expired\.localhost:\d+ {2}EXPIRED\n {2}Expired: the certificate expired 2 days ago, on /,
    );
    expect(out).toContain('Addresses (1):\n  127.0.0.10  TLSv1.3, NOT trusted (expired)');
    expect(out).toMatch(
      /Chain served by 127\.0\.0\.10 \(leaf first\):\n {2}0 {2}expired\.localhost {2}until .* expired\n {2}1 {2}certglance Test Intermediate/,
    );
    expect(out).toMatch(
      /\* Certificate expired \(127\.0\.0\.10\)\n {2}The certificate for expired\.localhost expired 2 days ago/,
    );
    expect(out).toContain('  > fix: Renew the certificate');
  });

  test('certificate text is escaped for the terminal', async () => {
    const { out } = await check([`${pki.scenarios.hostile.host}:${sni.port}`, '--ca-file', caFile]);
    expect(out).toContain('<img src=x onerror=alert(1)>');
    expect(out).not.toContain('\u001b');
  });

  test('--json prints the InspectReport', async () => {
    const { out, code } = await check([
      `${pki.scenarios['valid-6d'].host}:${sni.port}`,
      '--ca-file',
      caFile,
      '--json',
    ]);
    const report = inspectReportSchema.parse(JSON.parse(out));
    expect(report.summary.status).toBe('ok');
    expect(code).toBe(0);
  });

  test('an unreachable target is failing (2)', async () => {
    const { out, code } = await check(['nowhere.localhost:443']);
    expect(code).toBe(2);
    expect(out).toMatch(/FAILING[\s\S]*does not resolve/);
  });

  test.each([
    [[], /give exactly one host/],
    [['a.com', 'b.com'], /give exactly one host/],
    [['exa mple.com'], /host must be a DNS name/],
    [['a.com:0'], /port must be 1-65535/],
    [['a.com', '--warn-days', 'soon'], /--warn-days must be a number/],
    [['a.com', '--ca-file', '/nonexistent/roots.pem'], /cannot read it/],
    [['a.com', '--frobnicate'], /Unknown option/],
  ])('bad usage %j exits 3 with a message', async (args, message) => {
    const { code, err } = await check(args);
    expect(code).toBe(3);
    expect(err).toMatch(message);
  });
});

describe('main', () => {
  test.each([
    [['serve', '--host', 'example.com'], /bad configuration: --host must be an IP address/],
    [['--host', '0.0.0.0'], /bad configuration: .*needs --token/],
    [['serve', '--port', '99999'], /--port must be between/],
  ])('%j stops at start with a clear message (exit 2)', async (argv, message) => {
    let err = '';
    const code = await main(argv, { stdout: () => undefined, stderr: (t) => (err += t), env: {} });
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  test('help and unknown commands', async () => {
    let out = '';
    let err = '';
    const io = { stdout: (t: string) => (out += t), stderr: (t: string) => (err += t), env: {} };
    expect(await main(['--help'], io)).toBe(0);
    expect(out).toContain('certglance-probe check host[:port]');
    expect(await main(['frobnicate'], io)).toBe(3);
    expect(err).toContain('unknown command "frobnicate"');
  });
});

/** Runs the installed bin (probe/bin.mjs) as a real process. */
function runBin(args: string[], onStdout?: (text: string, child: ReturnType<typeof spawn>) => void) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, ['probe/bin.mjs', ...args], {
      cwd: process.cwd(),
      env: { ...process.env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      onStdout?.(out, child);
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('the certglance-probe bin', () => {
  test('check runs from the bin, with the system resolver', async () => {
    const { code, out } = await runBin(['check', `127.0.0.1:${rsa.port}`, '--ca-file', caFile]);
    expect(out).toMatch(/^127\.0\.0\.1:\d+ {2}OK/);
    expect(code).toBe(0);
  }, 20_000);

  test('serve listens, answers, and shuts down cleanly on SIGTERM', async () => {
    let answered = false;
    const { code, out } = await runBin(['serve', '--port', '0', '--log-level', 'info'], (text, child) => {
      const match = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(text);
      if (match && !answered) {
        answered = true;
        void fetch(`${match[1]}/healthz`).then((r) => {
          expect(r.status).toBe(200);
          child.kill('SIGTERM');
        });
      }
    });
    expect(answered).toBe(true);
    expect(out).toContain('shutting down');
    expect(code).toBe(0);
  }, 20_000);
});
