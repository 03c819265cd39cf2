import { LEVEL_COLORS } from '@/core/badge';
import type { CertificateView } from '@/core/popup-view';

export interface ValidityBarProps {
  cert: CertificateView;
}

/** The day part of "14 June 2026, 10:32 UTC". */
function day(text: string): string {
  return text.split(',')[0] ?? text;
}

/** The validity period as a timeline, with today marked; the same facts in words for screen readers. */
export function ValidityBar({ cert }: ValidityBarProps) {
  if (cert.elapsed === null) return <p class="fails">{cert.remainingText}</p>;
  const percent = Math.round(cert.elapsed * 1000) / 10;
  const label =
    `Validity from ${cert.notBeforeText} to ${cert.notAfterText}; today is at ${percent}% of it. ` +
    `${cert.remainingText}.`;
  return (
    <div class="validity" role="img" aria-label={label}>
      <div class="validity-track">
        <div
          class="validity-fill"
          style={{ width: `${percent}%`, '--level-color': LEVEL_COLORS[cert.level] }}
        />
        <div class="validity-today" style={{ left: `${percent}%` }} title="Today" />
      </div>
      <div class="validity-dates" aria-hidden="true">
        <span>{day(cert.notBeforeText)}</span>
        <span>{day(cert.notAfterText)}</span>
      </div>
    </div>
  );
}
