import browser from 'webextension-polyfill';

/** Registers the background's listeners. The capture pipeline hangs off these. */
export function startBackground(): void {
  browser.runtime.onInstalled.addListener(() => {
    void browser.storage.session.set({ installedAt: Date.now() });
  });
}
