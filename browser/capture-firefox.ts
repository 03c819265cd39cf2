import browser from 'webextension-polyfill';
import { afterLoad } from './after-load';
import { rememberDers, withKnownDers } from './der-cache';
import { MAIN_FRAMES, responseCapture, trackRequestStarts, type ResponseCapture } from './response-timing';

/** What the blocking listener hands on, untouched, for processing once the page has loaded. */
export interface SecurityCapture extends ResponseCapture {
  requestId: string;
  type: 'main_frame';
  securityInfo: unknown;
  /** After a click-through override the chain is empty: the leaf-only answer. */
  leafFallback: unknown;
}

/**
 * Firefox only: a blocking onHeadersReceived listener for main frames that awaits getSecurityInfo and returns at
 * once. Everything else happens in `onCapture`, called once the page has loaded (it never holds or slows a page).
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
        type: 'main_frame',
        securityInfo,
        leafFallback,
      };
      // Parsing and storing wait until the page has loaded: they must not compete with it.
      afterLoad(details.tabId, () => onCapture(capture));
      return {};
    },
    MAIN_FRAMES,
    ['blocking', 'responseHeaders'],
  );
}
