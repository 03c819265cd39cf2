import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Answer, Request } from '@/browser/messages';
import { App } from '../../entrypoints/popup/App';
import { tabIdFromSearch } from '../../entrypoints/popup/tab-id';
import { makeTestPki } from '../pki';
import { buildCases, PROBE_URL, type CaseName } from './fixtures/cases';
import type { PopupViewInput } from '@/core/popup-view';

/** The popup entrypoint against the extension's message protocol, with a background that answers from a case. */

let cases: Record<CaseName, PopupViewInput>;

beforeAll(async () => {
  cases = await buildCases(await makeTestPki());
}, 60_000);

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
});

function background(answer: (request: Request) => Answer): Request[] {
  const asked: Request[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    asked.push(message as Request);
    return Promise.resolve(answer(message as Request));
  });
  return asked;
}

function answerFor(name: CaseName): Answer {
  const c = cases[name];
  return {
    ok: true,
    tab: { record: c.record, tabUrl: c.tabUrl, probe: { enabled: c.probeEnabled, url: PROBE_URL } },
  };
}

describe('popup entrypoint', () => {
  test('asks the background for the tab named in the URL and shows its view', async () => {
    const asked = background(() => answerFor('expired'));
    render(<App tabIdFromUrl={7} />);
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('expired.localhost'),
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Certificate expired' })).toBeTruthy();
    expect(asked).toEqual([{ type: 'get-tab', tabId: 7 }]);
    expect(screen.queryByRole('link', { name: 'Open in a tab' })).toBeNull();
  });

  test('Re-check asks the background again and shows the probe’s new answer', async () => {
    const asked = background((request) => answerFor(request.type === 'recheck' ? 'valid' : 'probe-waiting'));
    render(<App tabIdFromUrl={7} />);
    await waitFor(() => expect(screen.getByText(/The probe has not answered yet/)).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Re-check' }));
    await waitFor(() => expect(screen.getByText('Same certificate as your browser')).toBeTruthy());
    expect(asked).toEqual([
      { type: 'get-tab', tabId: 7 },
      { type: 'recheck', tabId: 7 },
    ]);
  });

  test('a background that refuses: the reason, in words', async () => {
    background(() => ({ ok: false, error: { code: 'NO_TAB', message: 'There is no tab 7.' } }));
    render(<App tabIdFromUrl={7} />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('There is no tab 7.'));
  });
});

describe('tabIdFromSearch', () => {
  test.each([
    ['?tabId=42', 42],
    ['?tabId=0', 0],
    ['?tabId=-1', null],
    ['?tabId=4.5', null],
    ['?tabId=abc', null],
    ['?tabId=99999999999', null],
    ['', null],
  ])('%s -> %s', (search, expected) => {
    expect(tabIdFromSearch(search)).toBe(expected);
  });
});
