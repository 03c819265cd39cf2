import { parseInstant } from '../expiry';
import { formatDate, formatRelative } from '../format';
import type { TabRecord } from '../tab-record';
import { displayText } from './labels';
import type { PopupKind, ProbeSection, Provenance, ProvenanceItem } from './types';

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function item(source: ProvenanceItem['source'], label: string, at: number, now: number): ProvenanceItem {
  const ago = Math.abs(now - at) < 1000 ? 'just now' : formatRelative(at, now);
  return { source, label, at, atText: `${formatDate(at)} (${ago})` };
}

function items(record: TabRecord | null, probeUrl: string | undefined, now: number): ProvenanceItem[] {
  const out: ProvenanceItem[] = [];
  const obs = record?.observation;
  const capturedAt = obs ? parseInstant(obs.capturedAt) : null;
  if (obs && capturedAt !== null && obs.source !== 'probe') {
    const label =
      obs.source === 'cache'
        ? "Your browser's HTTP cache: the page was not fetched again, and the certificate is the one kept with it"
        : 'Live TLS handshake seen by your browser';
    out.push(item(obs.source, label, capturedAt, now));
  }
  if (record?.failure) {
    out.push(item('error', 'Error reported by your browser while loading the page', record.failure.at, now));
  }
  const report = record?.probe?.report;
  const probedAt = report ? parseInstant(report.probedAt) : null;
  if (report && probedAt !== null) {
    const where = probeUrl ? ` at ${displayText(probeUrl, 120)}` : '';
    const cached = report.cached ? ', from its cache' : '';
    out.push(
      item('probe', `The certglance probe${where} (its own connection, its clock${cached})`, probedAt, now),
    );
  }
  return out;
}

function missing(
  record: TabRecord | null,
  kind: PopupKind,
  chainFrom: 'browser' | 'probe' | null,
  probe: ProbeSection,
): string[] {
  const out: string[] = [];
  const obs = record?.observation;
  if (kind === 'unknown') {
    // A record noting the server address but no certificate is Chromium's: it never gives extensions the certificate.
    const noCertificateAccess = record !== null && !obs && !record.failure && record.serverIp !== undefined;
    out.push(
      noCertificateAccess
        ? 'This browser does not give extensions the certificate it received: certglance needs its probe for that. ' +
            'Run it (npm start) or set its address in the options.'
        : 'Your browser gave no certificate details for this page: it may have come from a cache or a service worker, ' +
            'or loaded before certglance started.',
    );
  }
  if (record?.failure && !obs) {
    out.push(
      chainFrom === 'probe'
        ? "The page did not load, so your browser kept no certificate: the chain shown is the probe's."
        : 'The page did not load, so your browser kept no certificate: without the probe the certificate is unknown.',
    );
  } else if (!obs && chainFrom === 'probe') {
    out.push(
      "This browser does not give extensions the certificate it received: the chain and connection shown are the probe's.",
    );
  }
  if (obs && obs.overriddenErrorCategory !== null && obs.chain.length <= 1) {
    out.push(
      "After a certificate warning is clicked through, the browser keeps only the server's certificate: the rest of " +
        'the chain is unknown to it.',
    );
  }
  for (const e of obs?.chainErrors ?? []) {
    out.push(`Certificate ${e.index + 1} of the chain could not be read: ${displayText(e.message, 200)}.`);
  }
  if (kind === 'secure' || kind === 'failure' || kind === 'unknown') {
    if (probe.problem) out.push(`No second view from outside this browser: ${lowerFirst(probe.problem)}`);
    if (probe.status === 'waiting')
      out.push('No second view from outside this browser yet: the probe has not answered.');
  }
  return out;
}

/** Where the popup's data came from and when, and what is missing and why. */
export function provenance(input: {
  record: TabRecord | null;
  kind: PopupKind;
  chainFrom: 'browser' | 'probe' | null;
  probe: ProbeSection;
  probeUrl: string | undefined;
  now: number;
}): Provenance {
  return {
    items: items(input.record, input.probeUrl, input.now),
    missing: missing(input.record, input.kind, input.chainFrom, input.probe),
  };
}
