import type { PopupView } from '@/core/popup-view';

export interface AtAGlanceProps {
  view: PopupView;
}

/** The one figure and sentence a sysadmin reads first: time left (or what failed), and the earliest expiry. */
export function AtAGlance({ view }: AtAGlanceProps) {
  const { earliest, clock } = view;
  return (
    <section class="glance" aria-label="At a glance">
      <p class="headline">{view.headline}</p>
      <p class="summary">{view.summary}</p>
      {earliest && (
        <p>
          Earliest to expire: <strong>{earliest.name}</strong> ({earliest.roleLabel.toLowerCase()}){' '}
          {earliest.text}.
        </p>
      )}
      {clock && <p class={clock.wrong ? 'clock-wrong' : 'muted'}>{clock.text}</p>}
    </section>
  );
}
