import browser, { type Runtime } from 'webextension-polyfill';
import { isRequest, type Answer } from './messages';
import { askProbe } from './pipeline';
import { loadSettings } from './settings';
import { getTabRecordFor } from './tab-store';

/** Only the extension's own pages may ask. */
function fromOwnPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL(''));
}

/** Answers the popup's typed requests; anything else gets an error answer, never an exception. */
export async function handleMessage(message: unknown, sender: Runtime.MessageSender): Promise<Answer> {
  if (!fromOwnPage(sender)) return { ok: false, error: { code: 'FORBIDDEN', message: 'Unknown sender.' } };
  if (!isRequest(message)) return { ok: false, error: { code: 'BAD_REQUEST', message: 'Unknown request.' } };
  const tab = await browser.tabs.get(message.tabId).catch(() => undefined);
  if (!tab?.url)
    return { ok: false, error: { code: 'NO_TAB', message: `There is no tab ${message.tabId}.` } };
  if (message.type === 'recheck') await askProbe(message.tabId, tab.url, { force: true });
  const { settings } = await loadSettings();
  const record = (await getTabRecordFor(message.tabId, tab.url)) ?? null;
  return {
    ok: true,
    tab: { record, tabUrl: tab.url, probe: { enabled: settings.probeUrl !== '', url: settings.probeUrl } },
  };
}
