import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterLoad, MAX_WAIT_MS, registerAfterLoad } from '@/browser/after-load';

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
  registerAfterLoad();
});
afterEach(() => vi.useRealTimers());

const completed = (tabId: number, frameId = 0) =>
  fakeBrowser.webNavigation.onCompleted.trigger({
    tabId,
    frameId,
    url: 'https://a.localhost/',
    timeStamp: 0,
  } as never);

describe('work held until the page has loaded', () => {
  test('runs after the main frame completes, not before', async () => {
    const work = vi.fn();
    afterLoad(4, work);
    await vi.advanceTimersByTimeAsync(100);
    expect(work).not.toHaveBeenCalled();
    await completed(4, 1); // a sub-frame finishing is not the page
    await vi.advanceTimersByTimeAsync(1);
    expect(work).not.toHaveBeenCalled();
    await completed(4);
    await vi.advanceTimersByTimeAsync(1);
    expect(work).toHaveBeenCalledTimes(1);
  });

  test('another tab finishing does not release it', async () => {
    const work = vi.fn();
    afterLoad(4, work);
    await completed(5);
    await vi.advanceTimersByTimeAsync(1);
    expect(work).not.toHaveBeenCalled();
  });

  test(`runs after ${MAX_WAIT_MS} ms at most, once, even if the load never ends`, async () => {
    const work = vi.fn();
    afterLoad(4, work);
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS);
    expect(work).toHaveBeenCalledTimes(1);
    await completed(4);
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS);
    expect(work).toHaveBeenCalledTimes(1);
  });

  test('a failed load releases it too', async () => {
    const work = vi.fn();
    afterLoad(4, work);
    await fakeBrowser.webNavigation.onErrorOccurred.trigger({
      tabId: 4,
      frameId: 0,
      url: 'https://a.localhost/',
      timeStamp: 0,
    } as never);
    await vi.advanceTimersByTimeAsync(1);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
