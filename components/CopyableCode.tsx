import { useState } from 'preact/hooks';

export interface CopyableCodeProps {
  /** The value shown and copied. Rendered as text. */
  value: string;
  /** What it is, for the button's accessible name: "SHA-256 fingerprint". */
  label: string;
  onCopy: (text: string) => Promise<boolean>;
}

/** A value in <code> with a Copy button that says whether copying worked. */
export function CopyableCode({ value, label, onCopy }: CopyableCodeProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => setState((await onCopy(value)) ? 'copied' : 'failed');
  return (
    <span class="copyable">
      <code>{value}</code>
      <button type="button" aria-label={`Copy ${label}`} onClick={copy}>
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
      </button>
    </span>
  );
}
