import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from '@/browser/settings';

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  test('defaults to the local probe that npm start runs', async () => {
    expect((await loadSettings()).settings).toEqual({ probeUrl: 'http://127.0.0.1:8787', probeToken: '' });
    expect(DEFAULT_SETTINGS.probeUrl).toBe('http://127.0.0.1:8787');
  });

  test('saved settings apply on the next read, without a reload', async () => {
    expect(await saveSettings({ probeUrl: ' https://probe.example.org ', probeToken: 'abc' })).toEqual({
      ok: true,
    });
    expect((await loadSettings()).settings).toEqual({
      probeUrl: 'https://probe.example.org',
      probeToken: 'abc',
    });
  });

  test('an empty probe URL turns the probe off', async () => {
    await saveSettings({ probeUrl: '', probeToken: '' });
    expect((await loadSettings()).settings.probeUrl).toBe('');
  });

  test.each([
    ['javascript:alert(1)', 'probeUrl'],
    ['ftp://probe.localhost/', 'probeUrl'],
    ['http://user:pw@probe.localhost/', 'probeUrl'],
    ['not a url', 'probeUrl'],
  ])('rejects the probe URL %s with a clear message and keeps the old settings', async (probeUrl, field) => {
    await saveSettings({ probeUrl: 'http://127.0.0.1:9000', probeToken: '' });
    const result = await saveSettings({ probeUrl, probeToken: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(field);
    expect((await loadSettings()).settings.probeUrl).toBe('http://127.0.0.1:9000');
  });

  test('rejects a token with spaces or control characters', async () => {
    const result = await saveSettings({ probeUrl: '', probeToken: 'a b\n' });
    expect(result.ok).toBe(false);
  });

  test('an organisation policy (storage.managed) overrides the user and is reported as managed', async () => {
    await saveSettings({ probeUrl: 'http://127.0.0.1:9000', probeToken: 'user' });
    await fakeBrowser.storage.managed.set({ probeUrl: 'https://probe.corp.example', probeToken: 'org' });
    const { settings, managed } = await loadSettings();
    expect(settings).toEqual({ probeUrl: 'https://probe.corp.example', probeToken: 'org' });
    expect(managed.sort()).toEqual(['probeToken', 'probeUrl']);
  });

  test('an invalid policy value is ignored field by field, never breaking the extension', async () => {
    await fakeBrowser.storage.managed.set({ probeUrl: 42, probeToken: 'org' });
    const { settings, managed } = await loadSettings();
    expect(settings).toEqual({ probeUrl: DEFAULT_SETTINGS.probeUrl, probeToken: 'org' });
    expect(managed).toEqual(['probeToken']);
  });

  test('garbage in storage.local falls back to defaults', async () => {
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    expect((await loadSettings()).settings).toEqual(DEFAULT_SETTINGS);
  });
});
