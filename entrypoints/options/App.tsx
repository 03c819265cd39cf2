import { useEffect, useState } from 'preact/hooks';
import { loadSettings, saveSettings, type Settings } from '@/browser/settings';
import { Options } from '@/components/Options';
import { PopupMessage } from '@/components/PopupMessage';
import { testProbeConnection } from './test-connection';

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; settings: Settings; managed: (keyof Settings)[] };

/** Wires the options page: settings in force (user and policy), save, and the probe connection test. */
export function App() {
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    loadSettings().then(
      ({ settings, managed }) => setState({ status: 'ready', settings, managed }),
      () => setState({ status: 'error', message: 'The settings could not be read.' }),
    );
  }, []);
  if (state.status === 'loading') return <PopupMessage title="certglance settings" message="Loading…" />;
  if (state.status === 'error')
    return <PopupMessage title="certglance settings" message={state.message} role="alert" />;
  return (
    <Options
      settings={state.settings}
      managed={state.managed}
      onSave={saveSettings}
      onTest={(settings) => testProbeConnection(settings)}
    />
  );
}
