import type { ProbeAddressView, ProbeSection } from '@/core/popup-view';

export interface ProbeViewProps {
  probe: ProbeSection;
}

function Agreement({ agrees }: { agrees: boolean | null }) {
  if (agrees === null) return null;
  return agrees ? (
    <span class="agrees">Same certificate as your browser</span>
  ) : (
    <span class="disagrees">Different certificate from your browser</span>
  );
}

function Address({ a }: { a: ProbeAddressView }) {
  return (
    <li class="address">
      <div>
        <strong>{a.ip}</strong>
        {a.browserAddress && <span class="muted"> (your browser connected here)</span>}
        {' · '}
        <span class={a.ok ? 'agrees' : 'fails'}>{a.status}</span>
      </div>
      <div>
        {a.fingerprintPrefix ? (
          <>
            Serves <code title={a.fingerprintSha256 ?? undefined}>{a.fingerprintPrefix}</code>
            {a.notAfterText && <>, valid until {a.notAfterText}</>}
          </>
        ) : (
          'Served no certificate'
        )}
      </div>
      <Agreement agrees={a.agrees} />
    </li>
  );
}

/** The probe's second view of the site: per address, what it serves and whether it agrees with the browser. */
export function ProbeView({ probe }: ProbeViewProps) {
  if (probe.status === 'not-applicable') return null;
  return (
    <section aria-labelledby="probe-title">
      <h2 id="probe-title">Probe</h2>
      <p class={probe.status === 'failed' ? 'fails' : undefined}>{probe.message}</p>
      {probe.verdictText && <p>{probe.verdictText}</p>}
      {probe.addresses.length > 0 && (
        <ul class="addresses">
          {probe.addresses.map((a) => (
            <Address key={a.ip} a={a} />
          ))}
        </ul>
      )}
      {probe.findings.length > 0 && (
        <details>
          <summary>What the probe found</summary>
          <ul>
            {probe.findings.map((f) => (
              <li key={f.cause}>
                <strong>{f.title}:</strong> {f.detail}
              </li>
            ))}
          </ul>
        </details>
      )}
      {probe.probedAtText && (
        <p class="muted">
          Probed {probe.probedAtText}
          {probe.cached ? ' (from its cache)' : ''}.
        </p>
      )}
    </section>
  );
}
