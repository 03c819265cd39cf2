import type { Explanation as ExplanationData } from '@/core/explain';

export interface ExplanationProps {
  explanation: ExplanationData;
}

function Items({ title, items }: { title: string; items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul>
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </>
  );
}

/** A failure explained: what happened and what to do up front, reasons, the owner's fix and unknowns on request. */
export function Explanation({ explanation: e }: ExplanationProps) {
  const more = e.reasons.length + e.ownerActions.length + e.unknowns.length > 0;
  return (
    <section class={`explanation severity-${e.severity}`}>
      <h2>{e.title}</h2>
      <Items title="What happened" items={e.happened} />
      <Items title="What you can do" items={e.adminActions} />
      {more && (
        <details>
          <summary>Likely reasons and the site owner's fix</summary>
          <Items title="Likely reasons" items={e.reasons} />
          <Items title="What the site's owner must fix" items={e.ownerActions} />
          <Items title="Not known" items={e.unknowns} />
        </details>
      )}
    </section>
  );
}
