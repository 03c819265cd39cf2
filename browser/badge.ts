import browser from 'webextension-polyfill';
import type { Badge } from '@/core/badge';

/** The toolbar action: MV3 `action`, with MV2's `browserAction` as a fallback. */
function action() {
  return browser.action ?? browser.browserAction;
}

/** Shows a badge on one tab. A tab that closed in the meantime is not an error. */
export async function showBadge(tabId: number, badge: Badge): Promise<void> {
  const a = action();
  try {
    // Text last: whoever sees the new text also finds the matching colour and tooltip.
    await a.setTitle({ tabId, title: badge.tooltip });
    await a.setBadgeBackgroundColor({ tabId, color: badge.color });
    if ('setBadgeTextColor' in a) await a.setBadgeTextColor({ tabId, color: '#FFFFFF' });
    await a.setBadgeText({ tabId, text: badge.text });
  } catch {
    // The tab is gone.
  }
}
