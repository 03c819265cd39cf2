import browser from 'webextension-polyfill';
import type { TabRecord } from '@/core/tab-record';

/** The popup's questions to the background. One protocol, checked on both ends. */
export type Request = { type: 'get-tab'; tabId: number } | { type: 'recheck'; tabId: number };

export interface TabAnswer {
  record: TabRecord | null;
  /** The tab's current URL (the record is only given when it belongs to this URL's origin). */
  tabUrl: string;
  probe: { enabled: boolean; url: string };
}

export type Answer = { ok: true; tab: TabAnswer } | { ok: false; error: { code: string; message: string } };

export function isRequest(value: unknown): value is Request {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    (v.type === 'get-tab' || v.type === 'recheck') &&
    typeof v.tabId === 'number' &&
    Number.isInteger(v.tabId) &&
    v.tabId >= 0
  );
}

/** Sends a request to the background. Never throws: a background that cannot answer is an error result. */
export async function ask(request: Request): Promise<Answer> {
  try {
    const answer = (await browser.runtime.sendMessage(request)) as Answer | undefined;
    if (!answer || typeof answer !== 'object' || !('ok' in answer)) {
      return { ok: false, error: { code: 'NO_ANSWER', message: 'The extension background did not answer.' } };
    }
    return answer;
  } catch {
    return {
      ok: false,
      error: { code: 'NO_ANSWER', message: 'The extension background could not be reached.' },
    };
  }
}

export const requestTab = (tabId: number) => ask({ type: 'get-tab', tabId });
export const requestRecheck = (tabId: number) => ask({ type: 'recheck', tabId });
