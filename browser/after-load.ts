import browser from 'webextension-polyfill';

/**
 * Work that must not compete with a page load: held until the tab's main frame has finished loading (or failed), or
 * at most `MAX_WAIT_MS`. Only the scheduling is in memory; a background unloaded in between loses nothing stored.
 */
export const MAX_WAIT_MS = 3000;

const waiting = new Map<number, { run: () => void; timer: ReturnType<typeof setTimeout> }[]>();

function flush(tabId: number): void {
  const jobs = waiting.get(tabId);
  if (!jobs) return;
  waiting.delete(tabId);
  for (const job of jobs) {
    clearTimeout(job.timer);
    setTimeout(job.run, 0);
  }
}

/** Runs `work` once the tab's current load is over. */
export function afterLoad(tabId: number, work: () => void): void {
  const jobs = waiting.get(tabId) ?? [];
  const job = {
    run: work,
    timer: setTimeout(() => {
      const list = waiting.get(tabId);
      if (list) {
        const rest = list.filter((j) => j !== job);
        if (rest.length > 0) waiting.set(tabId, rest);
        else waiting.delete(tabId);
      }
      work();
    }, MAX_WAIT_MS),
  };
  jobs.push(job);
  waiting.set(tabId, jobs);
}

/** Wires the end-of-load events. Call once, at start-up. */
export function registerAfterLoad(): void {
  browser.webNavigation.onCompleted.addListener((d) => {
    if (d.frameId === 0) flush(d.tabId);
  });
  browser.webNavigation.onErrorOccurred.addListener((d) => {
    if (d.frameId === 0) flush(d.tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => flush(tabId));
}
