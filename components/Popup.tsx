import { useState } from 'preact/hooks';
import type { PopupView } from '@/core/popup-view';
import { reportText } from '@/core/report-text';
import { AtAGlance } from './AtAGlance';
import { ChainList } from './ChainList';
import { ConnectionDetails } from './ConnectionDetails';
import { Explanation } from './Explanation';
import { FramesList } from './FramesList';
import { LevelBadge } from './LevelBadge';
import { ProbeView } from './ProbeView';
import { Provenance } from './Provenance';

export interface PopupProps {
  view: PopupView;
  /** The tab the view is about: the "Open in a tab" link keeps it. Null: no link. */
  tabId: number | null;
  /** Asks the probe again for this tab's site. */
  onRecheck: () => void | Promise<void>;
  /** Puts text on the clipboard; resolves whether it worked. */
  onCopy: (text: string) => Promise<boolean>;
  /** A re-check is under way. */
  rechecking?: boolean;
  /** Shown in a tab of its own rather than the toolbar popup: no "Open in a tab" link. */
  inTab?: boolean;
}

/** The toolbar popup: the verdict at a glance, the failure explained, then the chain, connection, probe and sources. */
export function Popup({ view, tabId, onRecheck, onCopy, rechecking = false, inTab = false }: PopupProps) {
  const [status, setStatus] = useState('');
  const canRecheck = view.probe.status !== 'not-applicable' && view.probe.status !== 'off';
  const copyReport = async () => {
    const ok = await onCopy(reportText(view));
    setStatus(
      ok ? 'Report copied to the clipboard.' : 'Could not copy the report: the clipboard refused it.',
    );
  };
  return (
    <main class="popup" aria-labelledby="popup-host">
      <header class="popup-header">
        <h1 id="popup-host">{view.host || 'certglance'}</h1>
        <LevelBadge level={view.level} label={view.levelLabel} />
      </header>
      <AtAGlance view={view} />
      <div class="actions">
        {canRecheck && (
          <button type="button" onClick={() => void onRecheck()} disabled={rechecking} aria-busy={rechecking}>
            {rechecking ? 'Re-checking…' : 'Re-check'}
          </button>
        )}
        <button type="button" onClick={copyReport}>
          Copy report
        </button>
        {tabId !== null && !inTab && (
          <a href={`popup.html?tabId=${tabId}`} target="_blank" rel="noopener">
            Open in a tab
          </a>
        )}
      </div>
      <p class="status-line muted" role="status" aria-live="polite">
        {status}
      </p>
      {view.explanations.map((e, i) => (
        <Explanation key={`${i}-${e.title}`} explanation={e} />
      ))}
      <ChainList chain={view.chain} source={view.chainSource} onCopy={onCopy} />
      <ConnectionDetails connection={view.connection} />
      <FramesList frames={view.frames} />
      <ProbeView probe={view.probe} />
      <Provenance provenance={view.provenance} />
    </main>
  );
}
