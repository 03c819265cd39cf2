import browser, { type Runtime } from 'webextension-polyfill';
import { registerAfterLoad } from './after-load';
import { registerResponseCapture } from './capture-chromium';
import { registerFirefoxCapture } from './capture-firefox';
import { handleMessage } from './message-handler';
import {
  onCommitted,
  onFrameError,
  onLoadError,
  onResponseCapture,
  onSecurityCapture,
  onTabRemoved,
} from './pipeline';

/** Registers the background's listeners, synchronously at start-up so no event is missed after a restart. */
export function startBackground(options: { firefox: boolean }): void {
  registerAfterLoad();
  if (options.firefox) registerFirefoxCapture(onSecurityCapture);
  else registerResponseCapture(onResponseCapture);

  browser.webNavigation.onCommitted.addListener((details) => {
    if (details.frameId === 0) onCommitted(details.tabId, details.url);
  });
  browser.webNavigation.onErrorOccurred.addListener((details) => {
    // Both browsers set `error` ("net::ERR_…", "Error code N"); the shared typings lack it.
    const { error } = details as typeof details & { error?: string };
    if (!error) return;
    if (details.frameId === 0) onLoadError(details.tabId, details.url, error, 'navigation');
    else onFrameError(details.tabId, details.url, error);
  });
  browser.webRequest.onErrorOccurred.addListener(
    (details) => {
      if (details.tabId >= 0) onLoadError(details.tabId, details.url, details.error, 'request');
    },
    { urls: ['https://*/*'], types: ['main_frame'] },
  );
  browser.tabs.onRemoved.addListener((tabId) => onTabRemoved(tabId));
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    handleMessage(message, sender),
  );
}
