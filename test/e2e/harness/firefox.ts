/**
 * Launches Firefox ESR headless over WebDriver BiDi (puppeteer-core 24) with a fresh profile that trusts a test root,
 * quiet offline prefs, and optionally an unpacked extension installed temporarily with a pinned internal UUID.
 * Certificate checks stay on (no `--ignore-certificate-errors`, no acceptInsecureCerts): the failures are what we test.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

const run = promisify(execFile);

export const FIREFOX_PATH = '/usr/bin/firefox-esr';
/** The extension's gecko id, as in wxt.config.ts. */
export const CERTGLANCE_GECKO_ID = 'certglance@certglance.dev';
/** The internal UUID the extension gets in test profiles, so tests can open moz-extension:// pages. */
export const CERTGLANCE_UUID = '6f1c2a4e-3b7d-4c1e-9a55-0c2e8f4b7d10';

/** Prefs that keep a headless Firefox offline and quiet: no update, telemetry, captive-portal or remote-settings traffic. */
export const QUIET_PREFS: Readonly<Record<string, unknown>> = {
  'xpinstall.signatures.required': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.trr.mode': 5,
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  'app.update.auto': false,
  'extensions.blocklist.enabled': false,
  'toolkit.telemetry.enabled': false,
  'browser.region.update.enabled': false,
};

export interface LaunchFirefoxOptions {
  /** An unpacked extension (a directory with manifest.json) to install temporarily. */
  extensionDir?: string;
  /** PEM of a root certificate the profile's NSS database trusts for TLS servers. */
  trustRootPem?: string;
  /** Extra prefs, applied over QUIET_PREFS. */
  prefs?: Record<string, unknown>;
  /** The extension's gecko id (default: certglance's). */
  geckoId?: string;
  /** The internal UUID to pin for that gecko id (default: CERTGLANCE_UUID). */
  extensionUuid?: string;
  /** Files written into the profile before launch, by name (e.g. cert_override.txt). */
  profileFiles?: Record<string, string>;
}

export interface FirefoxSession {
  browser: Browser;
  /** The first tab. */
  page: Page;
  profileDir: string;
  /** The pinned internal UUID, or null when no extension was installed. */
  extensionUuid: string | null;
  /** Navigates `page` to moz-extension://<uuid>/<path> and waits for the load event. */
  openExtensionPage(path: string): Promise<void>;
  /** Closes the browser and removes the profile. Safe to call twice. */
  close(): Promise<void>;
}

/** The BiDi browsing context behind a puppeteer frame: `page.goto` hangs on moz-extension URLs, this does not. */
interface BidiFrameLike {
  browsingContext: { navigate(url: string, wait?: 'none' | 'interactive' | 'complete'): Promise<void> };
}

/** Navigates a page with BiDi `browsingContext.navigate`, waiting for `complete`. */
export async function navigateBidi(page: Page, url: string): Promise<void> {
  await (page.mainFrame() as unknown as BidiFrameLike).browsingContext.navigate(url, 'complete');
}

/** A fresh profile directory whose NSS database trusts `rootPem` (when given) as a TLS server CA. */
export async function makeProfile(rootPem?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'certglance-ff-'));
  try {
    await run('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
    if (rootPem) {
      const file = join(dir, 'test-root.pem');
      await writeFile(file, rootPem);
      await run('certutil', [
        '-A',
        '-d',
        `sql:${dir}`,
        '-n',
        'certglance test root',
        '-t',
        'C,,',
        '-i',
        file,
      ]);
    }
    return dir;
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

/** Launches Firefox ESR as described in LaunchFirefoxOptions. The caller must `close()` the session. */
export async function launchFirefox(options: LaunchFirefoxOptions = {}): Promise<FirefoxSession> {
  const geckoId = options.geckoId ?? CERTGLANCE_GECKO_ID;
  const uuid = options.extensionDir ? (options.extensionUuid ?? CERTGLANCE_UUID) : null;
  const profileDir = await makeProfile(options.trustRootPem);
  let browser: Browser | undefined;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    try {
      if (browser) await closeBrowser(browser);
    } finally {
      await rm(profileDir, { recursive: true, force: true });
    }
  };
  try {
    for (const [name, text] of Object.entries(options.profileFiles ?? {})) {
      await writeFile(join(profileDir, basename(name)), text);
    }
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: FIREFOX_PATH,
      headless: true,
      userDataDir: profileDir,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        ...QUIET_PREFS,
        ...(uuid ? { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }) } : {}),
        ...options.prefs,
      },
    });
    if (options.extensionDir) await browser.installExtension(options.extensionDir);
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    return {
      browser,
      page,
      profileDir,
      extensionUuid: uuid,
      openExtensionPage: async (path) => {
        if (!uuid) throw new Error('no extension installed in this session');
        await navigateBidi(page, `moz-extension://${uuid}/${path.replace(/^\//, '')}`);
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/** Closes the browser; kills the process if a graceful close does not finish within 5 s. */
async function closeBrowser(browser: Browser): Promise<void> {
  const proc = browser.process();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), 5000);
  });
  try {
    const outcome = await Promise.race([browser.close().then(() => 'closed' as const), timeout]);
    if (outcome === 'timeout' && proc && proc.exitCode === null) proc.kill('SIGKILL');
  } catch {
    if (proc && proc.exitCode === null) proc.kill('SIGKILL');
  } finally {
    clearTimeout(timer);
  }
}
