import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CERTGLANCE_GECKO_ID, launchFirefox, type FirefoxSession } from './harness/firefox';

const extensionDir = join(import.meta.dirname, '../../.output/firefox-mv3');

describe('the Firefox build loads in real Firefox ESR', () => {
  let session: FirefoxSession | undefined;

  beforeAll(async () => {
    if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error('run `npm run build` first');
    session = await launchFirefox({ extensionDir });
  });
  afterAll(async () => {
    await session?.close();
  });

  test('the popup renders its heading, with the background’s answer for a tab that does not exist', async () => {
    await session!.openExtensionPage('popup.html?tabId=987654');
    const alert = await session!.page.waitForSelector('main [role=alert]', { timeout: 10_000 });
    expect(await alert!.evaluate((p) => p.textContent)).toContain('987654');
    expect(await session!.page.$eval('main h1', (h) => h.textContent)).toBe('certglance');
    expect(await session!.page.title()).toBe('certglance');
  });

  test('the popup renders the full view for an open tab', async () => {
    await session!.openExtensionPage('popup.html');
    const heading = await session!.page.waitForSelector('h1#popup-host', { timeout: 10_000 });
    expect(await heading!.evaluate((h) => h.textContent?.length ?? 0)).toBeGreaterThan(0);
    expect(await session!.page.$('button')).not.toBeNull();
  });

  test('an extension page sees the manifest with the gecko id', async () => {
    await session!.openExtensionPage('popup.html');
    const manifest = await session!.page.evaluate(() => browser.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.browser_specific_settings?.gecko?.id).toBe(CERTGLANCE_GECKO_ID);
  });

  test('the background runs and answers an extension page over the message protocol', async () => {
    await session!.openExtensionPage('popup.html');
    const answers = await session!.page.evaluate(async () => {
      const own = await browser.tabs.getCurrent();
      return {
        ownTab: (await browser.runtime.sendMessage({ type: 'get-tab', tabId: own?.id ?? -1 })) as unknown,
        noTab: (await browser.runtime.sendMessage({ type: 'get-tab', tabId: 987_654 })) as unknown,
        garbage: (await browser.runtime.sendMessage({ type: 'format-disk' })) as unknown,
      };
    });
    expect(answers.ownTab).toMatchObject({
      ok: true,
      tab: { record: null, tabUrl: expect.stringMatching(/^moz-extension:\/\//) },
    });
    expect(answers.noTab).toMatchObject({ ok: false, error: { code: 'NO_TAB' } });
    expect(answers.garbage).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
