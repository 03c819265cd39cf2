import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page, type Target, type WebWorker } from 'puppeteer-core';
import { createApp } from '../../../probe/app';
import { DEFAULT_CONFIG } from '../../../probe/config';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

export interface ChromiumSession {
  browser: Browser;
  page: Page;
  extensionId: string;
  home: string;
  /** Opens an extension page (e.g. 'popup.html?tabId=3') in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** The extension's service worker, once it runs (something must wake a stopped one: an event, a message). */
  worker(): Promise<WebWorker>;
  /** Stops the extension's service worker, as Chromium does to an idle one, and waits until it is gone. */
  stopWorker(): Promise<void>;
  /** Whether the extension's service worker runs now. */
  workerRunning(): boolean;
  close(): Promise<void>;
}

export interface ChromiumOptions {
  /** The built extension. It is copied first: a rebuild during the run cannot change what the browser loads. */
  extensionDir: string;
  /** PEM of a root CA the browser should trust (written to a private HOME's NSS database). */
  trustRootPem?: string;
}

/** Creates a private HOME whose NSS database trusts the given root. */
function makeHome(trustRootPem?: string): string {
  const home = mkdtempSync(join(tmpdir(), 'certglance-chromium-home-'));
  const nssdb = join(home, '.pki', 'nssdb');
  mkdirSync(nssdb, { recursive: true });
  execFileSync('certutil', ['-N', '-d', `sql:${nssdb}`, '--empty-password']);
  if (trustRootPem) {
    const rootFile = join(home, 'root.pem');
    writeFileSync(rootFile, trustRootPem);
    execFileSync('certutil', [
      '-A',
      '-d',
      `sql:${nssdb}`,
      '-n',
      'certglance test root',
      '-t',
      'C,,',
      '-i',
      rootFile,
    ]);
  }
  return home;
}

/**
 * Waits until the worker's extension APIs answer: one storage round trip, so its listeners are registered before the
 * first navigation. Right after start the worker's global scope may not expose `chrome` yet.
 */
async function workerRoundTrip(worker: WebWorker): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const ready = await worker
      .evaluate(async () => {
        if (typeof chrome === 'undefined' || !chrome.storage) return false;
        await chrome.storage.local.get(null);
        return true;
      })
      .catch(() => false);
    if (ready) return;
    if (Date.now() > deadline) throw new Error('the extension service worker never exposed its APIs');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Launches headless Chromium with the built extension loaded, in a fresh profile and a private HOME. */
export async function launchChromium(options: ChromiumOptions): Promise<ChromiumSession> {
  if (!existsSync(join(options.extensionDir, 'manifest.json'))) {
    throw new Error(`no built extension in ${options.extensionDir}: run \`npm run build\` first`);
  }
  const home = makeHome(options.trustRootPem);
  const userDataDir = join(home, 'profile');
  const extensionDir = join(home, 'extension');
  let browser: Browser | undefined;
  try {
    cpSync(options.extensionDir, extensionDir, { recursive: true });
    browser = await puppeteer.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      userDataDir,
      env: { ...process.env, HOME: home },
      pipe: true,
      enableExtensions: [extensionDir],
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const target = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
      { timeout: 15_000 },
    );
    const extensionId = new URL(target.url()).host;
    await workerRoundTrip((await target.worker())!);
    const page = await browser.newPage();
    const b = browser;
    const isOurWorker = (x: Target) =>
      x.type() === 'service_worker' && x.url().startsWith(`chrome-extension://${extensionId}/`);
    return {
      browser: b,
      page,
      extensionId,
      home,
      async openExtensionPage(path) {
        const p = await b.newPage();
        await p.goto(`chrome-extension://${extensionId}/${path}`, { waitUntil: 'load' });
        return p;
      },
      async worker() {
        const t = await b.waitForTarget(isOurWorker, { timeout: 15_000 });
        const w = (await t.worker())!;
        await workerRoundTrip(w);
        return w;
      },
      async stopWorker() {
        const t = b.targets().find(isOurWorker);
        if (!t) return;
        await (await t.worker())?.close();
        const deadline = Date.now() + 10_000;
        while (b.targets().some(isOurWorker)) {
          if (Date.now() > deadline) throw new Error('the extension service worker did not stop');
          await new Promise((r) => setTimeout(r, 50));
        }
      },
      workerRunning() {
        return b.targets().some(isOurWorker);
      },
      async close() {
        await b.close().catch(() => undefined);
        rmSync(home, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    rmSync(home, { recursive: true, force: true });
    throw error;
  }
}

/** A real certglance probe running in this process on 127.0.0.1, port 0. */
export interface RunningProbe {
  /** http://127.0.0.1:<port>, as the options page takes it. */
  url: string;
  /** How many inspections of `host` the probe was asked for so far (answered from its cache or not). */
  inspections(host: string): number;
  close(): Promise<void>;
}

/** How the in-process probe is set up. */
export interface ProbeOptions {
  /** Trusted in addition to the system roots: the test PKI's root. */
  rootPem: string;
  /** Name resolution: every name the tests use must map to loopback addresses. */
  resolve(host: string): Promise<string[]>;
  /** Required as a bearer token when set. */
  token?: string;
  /** The probe's wall clock (default: the real one). */
  now?: () => number;
}

/** Starts the real probe app (probe/app.ts) in this process, as `certglance-probe serve` would, on loopback only. */
export async function startProbe(options: ProbeOptions): Promise<RunningProbe> {
  const app = createApp(
    {
      ...DEFAULT_CONFIG,
      port: 0,
      extraCaPems: [options.rootPem],
      token: options.token ?? null,
      rateLimit: { perMinute: 0, burst: 1, maxClients: 100 },
      logLevel: 'silent',
    },
    {
      processMetrics: false,
      ...(options.now ? { now: options.now } : {}),
      resolver: async (host) =>
        (await options.resolve(host)).map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    },
  );
  const asked = new Map<string, number>();
  app.addHook('onRequest', async (request) => {
    const url = new URL(request.url, 'http://probe');
    const host = url.searchParams.get('host');
    if (url.pathname === '/v1/inspect' && host) asked.set(host, (asked.get(host) ?? 0) + 1);
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the probe has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    inspections: (host) => asked.get(host) ?? 0,
    close: () => app.close().then(() => undefined),
  };
}
