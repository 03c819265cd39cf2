import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { requestRecheck, requestTab, type Answer, type TabAnswer } from '@/browser/messages';
import { Popup } from '@/components/Popup';
import { PopupMessage } from '@/components/PopupMessage';
import { buildPopupView } from '@/core/popup-view';

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; tabId: number; tab: TabAnswer; rechecking: boolean };

export interface AppProps {
  /** From `popup.html?tabId=N`; null: the active tab of the current window. */
  tabIdFromUrl: number | null;
}

async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function stateOf(tabId: number, answer: Answer): State {
  return answer.ok
    ? { status: 'ready', tabId, tab: answer.tab, rechecking: false }
    : { status: 'error', message: answer.error.message };
}

/** Wires the popup: which tab, the background's answer, the view, re-check and copy. */
export function App({ tabIdFromUrl }: AppProps) {
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    let tabId: number | null = null;
    let latest = 0;
    let stopped = false;
    /** Asks the background for the tab; an answer overtaken by a later question is dropped. */
    const load = async (id: number) => {
      const asked = ++latest;
      const answer = await requestTab(id);
      if (stopped || asked !== latest) return;
      setState((s) => {
        if (s.status !== 'ready') return stateOf(id, answer);
        return answer.ok ? { ...s, tab: answer.tab } : s;
      });
    };
    // The probe's answer and late events update the tab's record: show them as they arrive. Listening from the
    // start, so that a record stored while the first answer is on its way is not missed.
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (tabId !== null && area === 'session' && `tab:${tabId}` in changes) void load(tabId);
    };
    browser.storage.onChanged.addListener(listener);
    void (async () => {
      const id = tabIdFromUrl ?? (await activeTabId().catch(() => null));
      if (stopped) return;
      if (id === null) return setState({ status: 'error', message: 'There is no tab to show.' });
      tabId = id;
      await load(id);
    })();
    return () => {
      stopped = true;
      browser.storage.onChanged.removeListener(listener);
    };
  }, [tabIdFromUrl]);

  if (state.status === 'loading') return <PopupMessage title="certglance" message="Loading…" />;
  if (state.status === 'error')
    return <PopupMessage title="certglance" message={state.message} role="alert" />;
  const { tabId, tab } = state;
  const view = buildPopupView({
    record: tab.record,
    tabUrl: tab.tabUrl,
    now: Date.now(),
    probeEnabled: tab.probe.enabled,
    probeUrl: tab.probe.url,
  });
  const recheck = async () => {
    setState({ ...state, rechecking: true });
    setState(stateOf(tabId, await requestRecheck(tabId)));
  };
  return (
    <Popup
      view={view}
      tabId={tabId}
      onRecheck={recheck}
      onCopy={copy}
      rechecking={state.rechecking}
      inTab={tabIdFromUrl !== null}
    />
  );
}
