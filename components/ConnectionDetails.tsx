import { Fragment } from 'preact';
import type { ConnectionView } from '@/core/popup-view';

export interface ConnectionDetailsProps {
  connection: ConnectionView | null;
}

/** TLS version, cipher, group, CT, HSTS, OCSP, ECH: whatever the browser (or the probe) told. */
export function ConnectionDetails({ connection }: ConnectionDetailsProps) {
  if (!connection) return null;
  return (
    <section aria-labelledby="connection-title">
      <details>
        <summary>
          <h2 id="connection-title" style={{ display: 'inline' }}>
            Connection
          </h2>
        </summary>
        <dl>
          {connection.rows.map((row) => (
            <Fragment key={row.label}>
              <dt>{row.label}</dt>
              <dd>{row.value}</dd>
            </Fragment>
          ))}
        </dl>
        {connection.note && <p class="muted">{connection.note}</p>}
      </details>
    </section>
  );
}
