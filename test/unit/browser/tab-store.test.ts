import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  getTabRecordFor,
  MAX_FRAMES,
  MAX_TABS,
  originOf,
  removeTabRecord,
  updateTabRecord,
  withFrame,
  type FrameRecord,
} from '@/browser/tab-store';
import type { MappedError } from '@/core/types';

const mapped: MappedError = {
  raw: 'Error code 2153390069',
  source: 'firefox-code',
  name: 'SEC_ERROR_EXPIRED_CERTIFICATE',
  causes: ['expired'],
  certificateError: true,
};

beforeEach(() => fakeBrowser.reset());

describe('originOf', () => {
  test.each([
    ['https://a.localhost/x?y', 'https://a.localhost:443'],
    ['https://a.localhost:8443/', 'https://a.localhost:8443'],
    ['http://a.localhost/', 'http://a.localhost:80'],
    ['about:blank', null],
    ['moz-extension://abc/popup.html', null],
    ['not a url', null],
  ])('%s -> %s', (url, origin) => expect(originOf(url)).toBe(origin));
});

describe('per-tab records in storage.session', () => {
  test('a record is given only for the origin it belongs to', async () => {
    await updateTabRecord(7, 'https://expired.localhost/', { failure: { mapped, at: 1 } }, 1);
    expect((await getTabRecordFor(7, 'https://expired.localhost/other'))?.failure?.mapped.causes).toEqual([
      'expired',
    ]);
    expect(await getTabRecordFor(7, 'https://next-site.localhost/')).toBeUndefined();
    expect(await getTabRecordFor(7, 'https://expired.localhost:8443/')).toBeUndefined();
  });

  test('a new origin replaces the record instead of merging into it', async () => {
    await updateTabRecord(7, 'https://a.localhost/', { failure: { mapped, at: 1 } }, 1);
    const next = await updateTabRecord(7, 'https://b.localhost/', { overridden: false }, 2);
    expect(next?.failure).toBeUndefined();
    expect(next?.host).toBe('b.localhost');
  });

  test('records survive in storage, not in memory: they are read back from storage.session', async () => {
    await updateTabRecord(3, 'https://a.localhost/', { overridden: true }, 5);
    const stored = await fakeBrowser.storage.session.get('tab:3');
    expect(stored['tab:3']).toMatchObject({ tabId: 3, origin: 'https://a.localhost:443', overridden: true });
  });

  test('concurrent updates of one tab are all kept', async () => {
    await Promise.all([
      updateTabRecord(1, 'https://a.localhost/', { overridden: true }, 1),
      updateTabRecord(1, 'https://a.localhost/', { failure: { mapped, at: 2 } }, 2),
      updateTabRecord(1, 'https://a.localhost/', { clock: null }, 3),
    ]);
    const record = await getTabRecordFor(1, 'https://a.localhost/');
    expect(record).toMatchObject({ overridden: true, clock: null, failure: { at: 2 } });
  });

  test('closing the tab clears its record', async () => {
    await updateTabRecord(9, 'https://a.localhost/', {}, 1);
    await removeTabRecord(9);
    expect(await getTabRecordFor(9, 'https://a.localhost/')).toBeUndefined();
  });

  test(`storage is bounded to ${MAX_TABS} tabs, the least recently updated going first`, async () => {
    for (let i = 0; i < MAX_TABS + 5; i++) await updateTabRecord(i, 'https://a.localhost/', {}, 1000 + i);
    const all = await fakeBrowser.storage.session.get(null);
    const keys = Object.keys(all).filter((k) => k.startsWith('tab:'));
    expect(keys).toHaveLength(MAX_TABS);
    expect(keys).not.toContain('tab:0');
    expect(keys).toContain(`tab:${MAX_TABS + 4}`);
  });

  test('updating a stored record does not read every other record (only a new tab can need eviction)', async () => {
    await updateTabRecord(1, 'https://a.localhost/', {}, 1);
    const get = vi.spyOn(fakeBrowser.storage.session, 'get');
    await updateTabRecord(1, 'https://a.localhost/', { overridden: true }, 2);
    expect(get.mock.calls.map(([keys]) => keys)).toEqual(['tab:1']);
    await updateTabRecord(2, 'https://b.localhost/', {}, 3);
    expect(get.mock.calls.map(([keys]) => keys)).toEqual(['tab:1', 'tab:2', null]);
    get.mockRestore();
  });

  test('non-http(s) URLs are not stored', async () => {
    expect(await updateTabRecord(1, 'about:blank', {}, 1)).toBeUndefined();
  });
});

describe('frames of a page', () => {
  const frame = (n: number, at = n): FrameRecord => ({
    origin: `https://f${n}.localhost:443`,
    host: `f${n}.localhost`,
    at,
    failure: mapped,
  });

  test('one per origin: a later state of the same origin replaces the earlier one, newest last', () => {
    const frames = withFrame(withFrame(withFrame(undefined, frame(1)), frame(2)), frame(1, 9));
    expect(frames.map((f) => [f.host, f.at])).toEqual([
      ['f2.localhost', 2],
      ['f1.localhost', 9],
    ]);
  });

  test(`at most ${MAX_FRAMES} per page, the oldest going first, also when stored`, async () => {
    let frames: FrameRecord[] = [];
    for (let n = 0; n < MAX_FRAMES + 3; n++) frames = withFrame(frames, frame(n));
    expect(frames).toHaveLength(MAX_FRAMES);
    expect(frames[0]!.host).toBe('f3.localhost');
    const many = Array.from({ length: MAX_FRAMES + 5 }, (_, n) => frame(n));
    const stored = await updateTabRecord(4, 'https://page.localhost/', { frames: many }, 1);
    expect(stored?.frames?.map((f) => f.host)).toEqual(many.slice(-MAX_FRAMES).map((f) => f.host));
  });
});
