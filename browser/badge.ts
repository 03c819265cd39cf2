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
    await Promise.all([
      a.setBadgeText({ tabId, text: badge.text }),
      a.setBadgeBackgroundColor({ tabId, color: badge.color }),
      a.setTitle({ tabId, title: badge.tooltip }),
      'setBadgeTextColor' in a ? a.setBadgeTextColor({ tabId, color: '#FFFFFF' }) : undefined,
    ]);
  } catch {
    // The tab is gone.
  }
}
