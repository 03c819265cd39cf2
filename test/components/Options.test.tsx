import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, type Settings } from '@/browser/settings';
import { Options, type ConnectionTestResult } from '@/components/Options';

afterEach(() => {
  cleanup();
  fakeBrowser.reset();
});

function show(props: { settings?: Settings; managed?: (keyof Settings)[]; test?: ConnectionTestResult }) {
  const saved: Settings[] = [];
  const tested: Settings[] = [];
  render(
    <Options
      settings={props.settings ?? DEFAULT_SETTINGS}
      managed={props.managed ?? []}
      onSave={async (settings) => {
        saved.push(settings);
        return saveSettings(settings);
      }}
      onTest={async (settings) => {
        tested.push(settings);
        return (
          props.test ?? { ok: true, message: 'Connected: the probe at http://127.0.0.1:8787 answers (3 ms).' }
        );
      }}
    />,
  );
  return { saved, tested };
}

const urlField = () => screen.getByLabelText<HTMLInputElement>('Probe address');
const tokenField = () => screen.getByLabelText<HTMLInputElement>('Probe token');

describe('Options', () => {
  test('shows the settings in force, in labelled fields', () => {
    show({ settings: { probeUrl: 'https://probe.example.test:8443', probeToken: 's3cret-token-value' } });
    expect(urlField().value).toBe('https://probe.example.test:8443');
    expect(tokenField().value).toBe('s3cret-token-value');
    expect(tokenField().type).toBe('password');
  });

  test('Save stores what was typed, through the settings module', async () => {
    const { saved } = show({});
    fireEvent.input(urlField(), { target: { value: ' http://127.0.0.1:9999 ' } });
    fireEvent.input(tokenField(), { target: { value: 'abcdefghijklmnop' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved.'));
    expect(saved).toEqual([{ probeUrl: 'http://127.0.0.1:9999', probeToken: 'abcdefghijklmnop' }]);
    expect((await loadSettings()).settings).toEqual({
      probeUrl: 'http://127.0.0.1:9999',
      probeToken: 'abcdefghijklmnop',
    });
  });

  test('an invalid address is refused in words', async () => {
    show({});
    fireEvent.input(urlField(), { target: { value: 'ftp://probe.example.test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch(/^Not saved: probeUrl: must be an http/),
    );
  });

  test.each([
    [{ ok: true, message: 'Connected: the probe at http://127.0.0.1:8787 answers (3 ms).' }, 'result-ok'],
    [
      { ok: false, message: 'The probe at http://127.0.0.1:8787 could not be reached: is it running?' },
      'result-bad',
    ],
  ])('Test connection reports the outcome in words: %o', async (outcome, className) => {
    const { tested } = show({ test: outcome });
    fireEvent.input(urlField(), { target: { value: 'http://127.0.0.1:8787' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(outcome.message));
    expect(screen.getByRole('status').className).toContain(className);
    expect(tested).toEqual([{ probeUrl: 'http://127.0.0.1:8787', probeToken: '' }]);
  });

  test.each([
    [['probeUrl'] as (keyof Settings)[], urlField, tokenField],
    [['probeToken'] as (keyof Settings)[], tokenField, urlField],
  ])('a field set by policy (%o) is read-only and says why', (managed, lockedField, freeField) => {
    show({ managed });
    expect(lockedField().readOnly).toBe(true);
    expect(freeField().readOnly).toBe(false);
    const hint = document.getElementById(lockedField().getAttribute('aria-describedby')!);
    expect(hint?.textContent).toBe("Set by your organisation's policy: it cannot be changed here.");
  });

  test('every control is labelled and reachable with the keyboard', () => {
    show({});
    for (const control of [urlField(), tokenField(), ...screen.getAllByRole('button')]) {
      expect(control.tabIndex).toBeGreaterThanOrEqual(0);
      control.focus();
      expect(document.activeElement).toBe(control);
    }
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Save', 'Test connection']);
  });
});
