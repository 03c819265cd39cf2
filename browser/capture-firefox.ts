import browser, { type WebRequest } from 'webextension-polyfill';
import { afterLoad } from './after-load';

/** What the blocking listener hands on, untouched, for processing after the response has been released. */
export interface SecurityCapture {
  tabId: number;
  requestId: string;
  url: string;
  type: 'main_frame';
  securityInfo: unknown;
  /** After a click-through override the chain is empty: the leaf-only answer. */
  leafFallback: unknown;
  serverIp: string | null;
  fromCache: boolean;
  dateHeader: string | null;
  /** When the request headers went out and the response headers came in (the browser's own timestamps). */
  requestStartMs: number | null;
  responseMs: number;
}

const FILTER: WebRequest.RequestFilter = { urls: ['https://*/*'], types: ['main_frame'] };

function header(headers: WebRequest.HttpHeaders | undefined, name: string): string | null {
  const found = headers?.find((h) => h.name.toLowerCase() === name);
  return found?.value?.slice(0, 200) ?? null;
}

/**
 * Firefox only: a blocking onHeadersReceived listener for main frames that awaits getSecurityInfo and returns at
 * once. Everything else happens in `onCapture`, called once the page has loaded (it never holds or slows a page).
 */
export function registerFirefoxCapture(onCapture: (capture: SecurityCapture) => void): void {
  const sentAt = new Map<string, number>();

  browser.webRequest.onSendHeaders.addListener((details) => {
    if (details.tabId < 0) return;
    sentAt.set(details.requestId, details.timeStamp);
    // Bound the map: entries of requests that never answered are dropped.
    if (sentAt.size > 500) sentAt.delete(sentAt.keys().next().value!);
  }, FILTER);

  browser.webRequest.onHeadersReceived.addListener(
    async (details) => {
      if (details.tabId < 0) return {};
      let securityInfo: unknown;
      let leafFallback: unknown;
      try {
        securityInfo = await browser.webRequest.getSecurityInfo(details.requestId, {
          certificateChain: true,
          rawDER: true,
        });
        const info = securityInfo as
          { certificates?: unknown[]; overridableErrorCategory?: string } | undefined;
        if (info && (info.certificates?.length ?? 0) === 0 && info.overridableErrorCategory) {
          leafFallback = await browser.webRequest.getSecurityInfo(details.requestId, { rawDER: true });
        }
      } catch {
        securityInfo = undefined;
      }
      // Firefox sets ip and fromCache on these details; the shared typings lack them.
      const extra = details as typeof details & { ip?: string; fromCache?: boolean };
      const capture: SecurityCapture = {
        tabId: details.tabId,
        requestId: details.requestId,
        url: details.url,
        type: 'main_frame',
        securityInfo,
        leafFallback,
        serverIp: extra.ip ?? null,
        fromCache: extra.fromCache === true,
        dateHeader: header(details.responseHeaders, 'date'),
        requestStartMs: sentAt.get(details.requestId) ?? null,
        responseMs: details.timeStamp,
      };
      sentAt.delete(details.requestId);
      // Parsing and storing wait until the page has loaded: they must not compete with it.
      afterLoad(details.tabId, () => onCapture(capture));
      return {};
    },
    FILTER,
    ['blocking', 'responseHeaders'],
  );
}
