import browser, { type WebRequest } from 'webextension-polyfill';
import { afterLoad } from './after-load';

/** What a main-frame response tells without certificate access: where it came from and the server's Date. */
export interface ResponseCapture {
  tabId: number;
  url: string;
  serverIp: string | null;
  fromCache: boolean;
  dateHeader: string | null;
  requestStartMs: number | null;
  responseMs: number;
}

const FILTER: WebRequest.RequestFilter = { urls: ['https://*/*'], types: ['main_frame'] };

/**
 * Chromium: no security info for extensions. A non-blocking onHeadersReceived listener notes the server IP and the
 * Date header of each https main-frame response; the certificate itself comes from the probe.
 */
export function registerResponseCapture(onCapture: (capture: ResponseCapture) => void): void {
  const sentAt = new Map<string, number>();
  browser.webRequest.onSendHeaders.addListener((details) => {
    if (details.tabId < 0) return;
    sentAt.set(details.requestId, details.timeStamp);
    if (sentAt.size > 500) sentAt.delete(sentAt.keys().next().value!);
  }, FILTER);
  browser.webRequest.onResponseStarted.addListener(
    (details) => {
      if (details.tabId < 0) return;
      const extra = details as typeof details & { ip?: string; fromCache?: boolean };
      const date = details.responseHeaders?.find((h) => h.name.toLowerCase() === 'date')?.value ?? null;
      const capture: ResponseCapture = {
        tabId: details.tabId,
        url: details.url,
        serverIp: extra.ip ?? null,
        fromCache: extra.fromCache === true,
        dateHeader: date?.slice(0, 200) ?? null,
        requestStartMs: sentAt.get(details.requestId) ?? null,
        responseMs: details.timeStamp,
      };
      sentAt.delete(details.requestId);
      afterLoad(details.tabId, () => onCapture(capture));
    },
    FILTER,
    ['responseHeaders'],
  );
}
