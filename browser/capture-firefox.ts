import browser, { type WebRequest } from 'webextension-polyfill';
import { afterLoad } from './after-load';
import { rememberDers, withKnownDers } from './der-cache';
import { responseCapture, trackRequestStarts, type ResponseCapture } from './response-timing';

/** The documents whose certificate is captured: pages and the frames embedded in them, over https. */
export const CAPTURED_DOCUMENTS: WebRequest.RequestFilter = {
  urls: ['https://*/*'],
  types: ['main_frame', 'sub_frame'],
};

/** What the blocking listener hands on, untouched, for processing once the page has loaded. */
export interface SecurityCapture extends ResponseCapture {
  requestId: string;
  type: 'main_frame' | 'sub_frame';
  /** For a frame: the URL of the top-level page it is embedded in (null when Firefox did not say). */
  topUrl: string | null;
  securityInfo: unknown;
  /** After a click-through override the chain is empty: the leaf-only answer. */
  leafFallback: unknown;
}

/** The top-level page of a frame's request: Firefox lists the frame's ancestors, the top-level document last. */
function topUrlOf(details: { documentUrl?: string }): string | null {
  const ancestors = (details as { frameAncestors?: { url?: string }[] }).frameAncestors;
  return ancestors?.at(-1)?.url ?? details.documentUrl ?? null;
}

/**
 * Firefox only: a blocking onHeadersReceived listener for pages and frames that awaits getSecurityInfo and returns
 * at once. Everything else happens in `onCapture`, called once the page has loaded (it never holds or slows a page).
 */
export function registerFirefoxCapture(onCapture: (capture: SecurityCapture) => void): void {
  const requestStart = trackRequestStarts();
  browser.webRequest.onHeadersReceived.addListener(
    async (details) => {
      if (details.tabId < 0) return {};
      let securityInfo: unknown;
      let leafFallback: unknown;
      try {
        // The chain without DER first: for certificates seen before the DER comes from the cache (cheaper).
        const bare = (await browser.webRequest.getSecurityInfo(details.requestId, {
          certificateChain: true,
        })) as
          | { certificates?: { fingerprint?: { sha256?: string } }[]; overridableErrorCategory?: string }
          | undefined;
        const known = withKnownDers(bare?.certificates);
        securityInfo = known
          ? { ...bare, certificates: known }
          : await browser.webRequest.getSecurityInfo(details.requestId, {
              certificateChain: true,
              rawDER: true,
            });
        const info = securityInfo as { certificates?: []; overridableErrorCategory?: string } | undefined;
        if (!known) rememberDers(info?.certificates);
        if (info && (info.certificates?.length ?? 0) === 0 && info.overridableErrorCategory) {
          leafFallback = await browser.webRequest.getSecurityInfo(details.requestId, { rawDER: true });
        }
      } catch {
        securityInfo = undefined;
      }
      const capture: SecurityCapture = {
        ...responseCapture(details, requestStart),
        requestId: details.requestId,
        type: details.type === 'sub_frame' ? 'sub_frame' : 'main_frame',
        topUrl: details.type === 'sub_frame' ? topUrlOf(details) : null,
        securityInfo,
        leafFallback,
      };
      // Parsing and storing wait until the page has loaded: they must not compete with it.
      afterLoad(details.tabId, () => onCapture(capture));
      return {};
    },
    CAPTURED_DOCUMENTS,
    ['blocking', 'responseHeaders'],
  );
}
