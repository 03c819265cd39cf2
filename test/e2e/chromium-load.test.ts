import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/chromium';

const extensionDir = join(import.meta.dirname, '../../.output/chrome-mv3');

describe('the Chromium build loads in real Chromium', () => {
  let session: ChromiumSession;

  beforeAll(async () => {
    if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error('run `npm run build` first');
    session = await launchChromium({ extensionDir });
  });
  afterAll(async () => {
    await session?.close();
  });

  test('the service worker runs with the manifest we built', async () => {
    const worker = await session.worker();
    const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.name).toBe('certglance');
    expect(manifest.permissions).not.toContain('webRequestBlocking');
    expect(manifest.permissions).toEqual(expect.arrayContaining(['webRequest', 'webNavigation', 'storage']));
  });

  test('the popup renders and the background answers it', async () => {
    const popup = await session.openExtensionPage('popup.html?tabId=987654');
    const alert = await popup.waitForSelector('main [role=alert]', { timeout: 10_000 });
    expect(await alert!.evaluate((p) => p.textContent)).toContain('987654');
    expect(await popup.$eval('main h1', (h) => h.textContent)).toBe('certglance');
    await popup.close();
  });

  test('the managed-storage schema is accepted (an invalid one stops the extension from loading)', async () => {
    const worker = await session.worker();
    const manifest = (await worker.evaluate(() => chrome.runtime.getManifest())) as { storage?: unknown };
    expect(manifest.storage).toEqual({ managed_schema: 'managed-schema.json' });
  });
});
