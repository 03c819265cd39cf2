// @vitest-environment node
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testProbeConnection } from '../../entrypoints/options/test-connection';
import { createApp, type ProbeApp } from '../../probe/app';
import { DEFAULT_CONFIG } from '../../probe/config';
import { serveHttp, type HttpServer } from '../pki';
import { listen, type Listening } from '../pki/listen';

/** "Test connection" against real servers on loopback: the probe itself, a web page, nothing, and a silent one. */

const TOKEN = 'a-token-of-24-characters';
let probe: ProbeApp;
let probeUrl: string;
let page: HttpServer;
let silent: Listening;
let closedUrl: string;

beforeAll(async () => {
  probe = createApp({ ...DEFAULT_CONFIG, token: TOKEN }, { processMetrics: false });
  const address = await probe.listen({ host: '127.0.0.1', port: 0 });
  probeUrl = address;
  page = await serveHttp();
  // Accepts connections and never answers.
  const never: Server = createServer(() => undefined);
  silent = await listen(never, '127.0.0.1');
  const closed = await listen(createServer(), '127.0.0.1');
  await closed.close();
  closedUrl = `http://127.0.0.1:${closed.port}`;
});

afterAll(async () => {
  await Promise.all([probe.close(), page.close(), silent.close()]);
});

describe('testProbeConnection', () => {
  test('the probe answers /healthz: success, in words', async () => {
    const result = await testProbeConnection({ probeUrl, probeToken: TOKEN });
    expect(result).toEqual({
      ok: true,
      message: expect.stringMatching(
        /^Connected: the probe at http:\/\/127\.0\.0\.1:\d+ answers \(\d+ ms\)\.$/,
      ),
    });
  });

  test('a wrong token: the probe answers but refuses it', async () => {
    const result = await testProbeConnection({ probeUrl, probeToken: 'not-the-right-token-at-all' });
    expect(result).toEqual({
      ok: false,
      message: `The probe at ${probeUrl} answers, but refuses the token.`,
    });
  });

  test.each([
    [
      'nothing listens',
      () => ({ probeUrl: closedUrl, probeToken: '' }),
      /could not be reached: is it running/,
    ],
    ['a web page, not a probe', () => ({ probeUrl: page.url, probeToken: '' }), /is not a certglance probe/],
    ['no address', () => ({ probeUrl: '', probeToken: '' }), /^No probe address: the probe is off\.$/],
    ['not a URL', () => ({ probeUrl: 'probe here', probeToken: '' }), /is not a URL/],
  ])('%s: the error in words', async (_what, settings, pattern) => {
    const result = await testProbeConnection(settings());
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(pattern);
  });

  test('a probe that never answers: gives up after the timeout', async () => {
    const started = performance.now();
    const result = await testProbeConnection(
      { probeUrl: `http://127.0.0.1:${silent.port}`, probeToken: '' },
      { timeoutMs: 300 },
    );
    expect(result).toEqual({
      ok: false,
      message: `The probe at http://127.0.0.1:${silent.port} did not answer within 0.3 seconds.`,
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
