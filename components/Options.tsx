import { useState } from 'preact/hooks';
import type { Settings } from '@/browser/settings';

/** The outcome of "Test connection", in words. */
export interface ConnectionTestResult {
  ok: boolean;
  message: string;
}

export interface OptionsProps {
  settings: Settings;
  /** Fields set by the organisation's policy (storage.managed): shown, not editable. */
  managed: readonly (keyof Settings)[];
  onSave: (settings: Settings) => Promise<{ ok: true } | { ok: false; message: string }>;
  /** Calls the probe's /healthz with these settings. */
  onTest: (settings: Settings) => Promise<ConnectionTestResult>;
}

type Outcome = { kind: 'ok' | 'bad' | 'busy'; text: string } | null;

const MANAGED_HINT = "Set by your organisation's policy: it cannot be changed here.";

/** The settings form: probe address and token, Save, and Test connection. */
export function Options({ settings, managed, onSave, onTest }: OptionsProps) {
  const [probeUrl, setProbeUrl] = useState(settings.probeUrl);
  const [probeToken, setProbeToken] = useState(settings.probeToken);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const locked = (key: keyof Settings) => managed.includes(key);
  const current = (): Settings => ({ probeUrl: probeUrl.trim(), probeToken: probeToken.trim() });

  const save = async (event: Event) => {
    event.preventDefault();
    setOutcome({ kind: 'busy', text: 'Saving…' });
    const result = await onSave(current()).catch(() => ({
      ok: false as const,
      message: 'the settings could not be stored.',
    }));
    setOutcome(
      result.ok ? { kind: 'ok', text: 'Saved.' } : { kind: 'bad', text: `Not saved: ${result.message}` },
    );
  };
  const test = async () => {
    setOutcome({ kind: 'busy', text: 'Testing the connection to the probe…' });
    const result = await onTest(current()).catch(() => ({
      ok: false,
      message: 'The connection test failed to run.',
    }));
    setOutcome({ kind: result.ok ? 'ok' : 'bad', text: result.message });
  };

  return (
    <main class="options" aria-labelledby="options-title">
      <h1 id="options-title">certglance settings</h1>
      <p class="muted">
        The certglance probe checks a site's certificate from outside this browser, on every address the name
        resolves to. Leave its address empty to turn it off.
      </p>
      <form onSubmit={save}>
        <label for="probe-url">Probe address</label>
        <input
          id="probe-url"
          type="url"
          inputMode="url"
          placeholder="http://127.0.0.1:8787"
          value={probeUrl}
          readOnly={locked('probeUrl')}
          aria-describedby="probe-url-hint"
          onInput={(e) => setProbeUrl(e.currentTarget.value)}
        />
        <p id="probe-url-hint" class="hint">
          {locked('probeUrl')
            ? MANAGED_HINT
            : 'http:// or https:// URL of the probe; empty turns the probe off.'}
        </p>
        <label for="probe-token">Probe token</label>
        <input
          id="probe-token"
          type="password"
          autoComplete="off"
          value={probeToken}
          readOnly={locked('probeToken')}
          aria-describedby="probe-token-hint"
          onInput={(e) => setProbeToken(e.currentTarget.value)}
        />
        <p id="probe-token-hint" class="hint">
          {locked('probeToken') ? MANAGED_HINT : 'Sent as "Authorization: Bearer <token>"; empty sends none.'}
        </p>
        <div class="actions">
          <button type="submit" disabled={outcome?.kind === 'busy'}>
            Save
          </button>
          <button type="button" onClick={test} disabled={outcome?.kind === 'busy'}>
            Test connection
          </button>
        </div>
      </form>
      <p
        class={`status-line ${outcome?.kind === 'ok' ? 'result-ok' : outcome?.kind === 'bad' ? 'result-bad' : ''}`}
        role="status"
        aria-live="polite"
      >
        {outcome?.text ?? ''}
      </p>
    </main>
  );
}
