import type { Explanation } from './explain';
import { displayText } from './popup-view/labels';
import type { CertificateView, PopupView, ProbeSection } from './popup-view/types';

/**
 * The popup's view as plain text fit for a ticket: host, status, days left, dates in UTC, the chain with
 * fingerprints, the connection, the failure explained, the probe's view, and when and where the data was taken.
 * Every line passes through displayText, so certificate fields cannot add lines or reorder the text.
 */

const SOURCE_NAMES = { browser: 'your browser', probe: 'the certglance probe' } as const;

function list(title: string, items: readonly string[]): string[] {
  return items.length === 0 ? [] : [title, ...items.map((i) => `  - ${i}`)];
}

function explanationLines(e: Explanation): string[] {
  return [
    `Problem: ${e.title} (${e.severity})`,
    ...list('What happened:', e.happened),
    ...list('Likely reasons:', e.reasons),
    ...list('What the person in front of the browser can do:', e.adminActions),
    ...list("What the site's owner must fix:", e.ownerActions),
    ...list('Not known:', e.unknowns),
    '',
  ];
}

function certificateLines(c: CertificateView): string[] {
  return [
    `[${c.depth}] ${c.name} (${c.roleLabel}): ${c.levelLabel}`,
    `  Subject: ${c.subject}`,
    `  Issuer: ${c.issuer}`,
    ...(c.sans.length > 0 ? [`  Names: ${c.sans.join(', ')}`] : []),
    `  Valid from ${c.notBeforeText} to ${c.notAfterText}: ${c.remainingText}`,
    `  SHA-256 fingerprint: ${c.fingerprintSha256}`,
    `  SPKI SHA-256: ${c.spkiSha256}`,
    `  Key: ${c.key}; signature: ${c.signatureAlgorithm}; serial: ${c.serialNumber}`,
  ];
}

function probeLines(probe: ProbeSection): string[] {
  const lines = ['Probe:', `  ${probe.message}`];
  if (probe.probedAtText)
    lines.push(`  Probed at ${probe.probedAtText}${probe.cached ? ' (from its cache)' : ''}.`);
  if (probe.verdictText) lines.push(`  ${probe.verdictText}`);
  for (const a of probe.addresses) {
    const serves = a.fingerprintSha256
      ? `serves ${a.fingerprintSha256}, valid until ${a.notAfterText ?? 'unknown'}`
      : 'served no certificate';
    const agrees =
      a.agrees === null ? '' : a.agrees ? '; same as your browser' : '; DIFFERENT from your browser';
    lines.push(
      `  ${a.ip}${a.browserAddress ? ' (your browser connected here)' : ''}: ${serves}; ${a.status}${agrees}`,
    );
  }
  for (const f of probe.findings) lines.push(`  ${f.title}: ${f.detail}`);
  return lines;
}

/** The view as a plain-text report, one fact a line, dates in UTC. */
export function reportText(view: PopupView): string {
  const lines: string[] = [
    `certglance report for ${view.host}`,
    `URL: ${view.url}`,
    `Status: ${view.levelLabel}: ${view.headline}`,
    view.summary,
  ];
  if (view.earliest) {
    const e = view.earliest;
    lines.push(
      `Earliest expiry: ${e.name} (${e.roleLabel}, depth ${e.depth}) ${e.text}` +
        `${e.daysLeft >= 0 ? `; ${e.daysLeft} days left` : ''} (${e.levelLabel}).`,
    );
  }
  if (view.clock) lines.push(`Clock: ${view.clock.text}`);
  lines.push(`Taken: ${view.nowText}`, '');
  for (const e of view.explanations) lines.push(...explanationLines(e));
  if (view.chainSource) {
    lines.push(`Certificate chain (from ${SOURCE_NAMES[view.chainSource]}, leaf first):`);
    for (const c of view.chain) lines.push(...certificateLines(c));
    lines.push('');
  }
  if (view.connection) {
    lines.push(`Connection (from ${SOURCE_NAMES[view.connection.source]}):`);
    for (const row of view.connection.rows) lines.push(`  ${row.label}: ${row.value}`);
    if (view.connection.note) lines.push(`  ${view.connection.note}`);
    lines.push('');
  }
  if (view.frames.length > 0) {
    lines.push('Frames from other sites on this page:');
    for (const f of view.frames) lines.push(`  - ${f.sentence}`);
    lines.push('');
  }
  lines.push(...probeLines(view.probe), '');
  lines.push(
    ...list(
      'Sources:',
      view.provenance.items.map((i) => `${i.label}: ${i.atText}`),
    ),
  );
  lines.push(...list('Missing:', view.provenance.missing));
  return (
    lines
      .map((line) => displayText(line, 2000))
      .join('\n')
      .trimEnd() + '\n'
  );
}
