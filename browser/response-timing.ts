import browser, { type WebRequest } from 'webextension-polyfill';

/** What every captured main-frame response tells: where it came from, the server's Date, and its timing. */
export interface ResponseCapture {
  tabId: number;
  url: string;
  serverIp: string | null;
  fromCache: boolean;
  dateHeader: string | null;
  /** When the request headers went out and the response headers came in (the browser's own timestamps). */
  requestStartMs: number | null;
  responseMs: number;
}

export const MAIN_FRAMES: WebRequest.RequestFilter = { urls: ['https://*/*'], types: ['main_frame'] };

/**
 * Notes when each main-frame request went out, for the clock estimate. Returns a function that hands the time over
 * once (and forgets it). Bounded: requests that never answer are dropped oldest first.
 */
export function trackRequestStarts(): (requestId: string) => number | null {
  const sentAt = new Map<string, number>();
  browser.webRequest.onSendHeaders.addListener((details) => {
    if (details.tabId < 0) return;
    sentAt.set(details.requestId, details.timeStamp);
    if (sentAt.size > 500) sentAt.delete(sentAt.keys().next().value!);
  }, MAIN_FRAMES);
  return (requestId) => {
    const at = sentAt.get(requestId) ?? null;
    sentAt.delete(requestId);
    return at;
  };
}

interface ResponseDetails {
  tabId: number;
  url: string;
  requestId: string;
  timeStamp: number;
  responseHeaders?: WebRequest.HttpHeaders;
}

/** The common fields of a captured response. Browsers set `ip` and `fromCache`; the shared typings lack them. */
export function responseCapture(
  details: ResponseDetails,
  requestStart: (requestId: string) => number | null,
): ResponseCapture {
  const extra = details as ResponseDetails & { ip?: string; fromCache?: boolean };
  const date = details.responseHeaders?.find((h) => h.name.toLowerCase() === 'date')?.value ?? null;
  return {
    tabId: details.tabId,
    url: details.url,
    serverIp: extra.ip ?? null,
    fromCache: extra.fromCache === true,
    dateHeader: date?.slice(0, 200) ?? null,
    requestStartMs: requestStart(details.requestId),
    responseMs: details.timeStamp,
  };
}
