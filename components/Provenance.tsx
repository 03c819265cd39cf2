import type { Provenance as ProvenanceData } from '@/core/popup-view';

export interface ProvenanceProps {
  provenance: ProvenanceData;
}

/** Where the data came from and when, and what is missing and why. */
export function Provenance({ provenance }: ProvenanceProps) {
  const { items, missing } = provenance;
  if (items.length === 0 && missing.length === 0) return null;
  return (
    <section aria-labelledby="provenance-title">
      <h2 id="provenance-title">Where this comes from</h2>
      {items.length > 0 && (
        <ul>
          {items.map((item) => (
            <li key={item.source}>
              {item.label}: {item.atText}
            </li>
          ))}
        </ul>
      )}
      {missing.length > 0 && (
        <>
          <h3>Missing</h3>
          <ul>
            {missing.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
