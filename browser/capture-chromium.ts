import browser from 'webextension-polyfill';
import { afterLoad } from './after-load';
import { MAIN_FRAMES, responseCapture, trackRequestStarts, type ResponseCapture } from './response-timing';

/**
 * Chromium: no security info for extensions. A non-blocking listener notes the server IP and the Date header of each
 * https main-frame response; the certificate itself comes from the probe.
 */
export function registerResponseCapture(onCapture: (capture: ResponseCapture) => void): void {
  const requestStart = trackRequestStarts();
  browser.webRequest.onResponseStarted.addListener(
    (details) => {
      if (details.tabId < 0) return;
      const capture = responseCapture(details, requestStart);
      afterLoad(details.tabId, () => onCapture(capture));
    },
    MAIN_FRAMES,
    ['responseHeaders'],
  );
}
