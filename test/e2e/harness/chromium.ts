import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

export interface ChromiumSession {
  browser: Browser;
  page: Page;
  extensionId: string;
  home: string;
  /** Opens an extension page (e.g. 'popup.html?tabId=3') in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** The extension's service worker, started if it was stopped. */
  worker(): Promise<WebWorker>;
  close(): Promise<void>;
}

export interface ChromiumOptions {
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
  const home = makeHome(options.trustRootPem);
  const userDataDir = join(home, 'profile');
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      userDataDir,
      env: { ...process.env, HOME: home },
      pipe: true,
      enableExtensions: [options.extensionDir],
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
        const t = await b.waitForTarget(
          (x) => x.type() === 'service_worker' && x.url().startsWith(`chrome-extension://${extensionId}/`),
          { timeout: 15_000 },
        );
        const w = (await t.worker())!;
        await workerRoundTrip(w);
        return w;
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
