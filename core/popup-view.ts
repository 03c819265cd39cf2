import { badgeFor, type BadgeInput } from './badge';
import type { Cause } from './causes';
import { crossCheck, type CrossCheck } from './cross-check';
import { parseInstant } from './expiry';
import type { Explanation } from './explain';
import { formatDate, formatDuration } from './format';
import { chainView, earliestExpiry } from './popup-view/chain';
import { browserConnection, probeConnection } from './popup-view/connection';
import { clockView, explanations } from './popup-view/explanations';
import { framesView } from './popup-view/frames';
import { displayText, LEVEL_LABELS } from './popup-view/labels';
import { probeSection } from './popup-view/probe';
import { provenance } from './popup-view/provenance';
import type { EarliestExpiry, PopupKind, PopupView } from './popup-view/types';
import type { AddressReport } from './probe-report';
import type { TabRecord } from './tab-record';
import { badgeInputFor, narrowCauses, probeAddressFor } from './tab-badge';
import type { CertSummary } from './types';

export type * from './popup-view/types';

/** What the popup is built from: the background's answer and the time. */
export interface PopupViewInput {
  record: TabRecord | null;
  /** The tab's current URL. */
  tabUrl: string;
  /** ms since epoch, local clock. */
  now: number;
  probeEnabled: boolean;
  /** The probe's base URL, named in "where the data came from". */
  probeUrl?: string;
}

interface Page {
  protocol: 'http:' | 'https:';
  host: string;
  origin: string;
}

function pageOf(url: string): Page | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    const port = u.port || (u.protocol === 'https:' ? '443' : '80');
    return { protocol: u.protocol, host: u.hostname, origin: `${u.protocol}//${u.hostname}:${port}` };
  } catch {
    return null;
  }
}

function kindOf(page: Page | null, badgeInput: BadgeInput, record: TabRecord | null): PopupKind {
  if (!page) return 'no-record';
  if (page.protocol === 'http:') return 'http';
  if (badgeInput.kind === 'chain') return 'secure';
  if (badgeInput.kind === 'failure') return 'failure';
  return record ? 'unknown' : 'no-record';
}

/** The chain to show: the browser's when it kept one, else the probe's for the browser's address or the first. */
function pickChain(record: TabRecord | null): {
  chain: readonly CertSummary[];
  from: 'browser' | 'probe' | null;
  address: AddressReport | undefined;
} {
  const obs = record?.observation;
  const report = record?.probe?.report;
  const address = report ? probeAddressFor(report, obs?.serverIp ?? record?.serverIp) : undefined;
  if (obs && obs.source !== 'probe' && obs.chain.length > 0)
    return { chain: obs.chain, from: 'browser', address };
  if (address && address.chain.length > 0) return { chain: address.chain, from: 'probe', address };
  return { chain: [], from: null, address };
}

function failureCauses(badgeInput: BadgeInput, record: TabRecord | null): readonly Cause[] | null {
  if (badgeInput.kind !== 'failure') return null;
  return narrowCauses(badgeInput.causes, record?.probe?.report);
}

function headline(
  kind: PopupKind,
  page: Page | null,
  level: string,
  earliest: EarliestExpiry | null,
  explained: Explanation[],
  now: number,
): string {
  switch (kind) {
    case 'http':
      return 'Not HTTPS';
    case 'no-record':
      return page ? 'No certificate details yet' : 'Not a web page';
    case 'unknown':
      return 'No certificate details';
    case 'failure':
      return explained[0]?.title ?? 'Certificate error';
    case 'secure': {
      if (level === 'expired') return 'Certificate expired';
      if (level === 'not_yet_valid') return 'Certificate not valid yet';
      const notAfter = earliest ? parseInstant(earliest.notAfter) : null;
      return notAfter !== null && notAfter > now ? `${formatDuration(notAfter - now)} left` : 'Valid';
    }
  }
}

function summaryOf(kind: PopupKind, page: Page | null, tooltip: string, explained: Explanation[]): string {
  if (kind === 'no-record' && !page) return 'certglance shows the certificates of web pages (https://).';
  if (kind === 'failure' && explained[0]?.cause === 'local_clock_wrong') {
    return `${page?.host ?? ''}: the certificate only looks invalid because this computer's clock is wrong.`;
  }
  if (kind === 'no-record')
    return `${tooltip} The page may still be loading, or it loaded before certglance started.`;
  return tooltip;
}

function check(record: TabRecord | null): CrossCheck | null {
  const obs = record?.observation;
  const report = record?.probe?.report;
  if (!record?.probe || !obs || !report || obs.source === 'probe') return null;
  return crossCheck(obs, report, record.probe.at);
}

/**
 * Everything the popup shows for a tab, from the stored record and the tab's URL at `now`. Pure: the level, badge,
 * expiry, explanations and cross-check all come from the core's own functions. A record of another origin than the
 * tab's URL is ignored (never the last site's certificate on a new one).
 */
export function buildPopupView(input: PopupViewInput): PopupView {
  const { now } = input;
  const page = pageOf(input.tabUrl);
  const record = input.record && page && input.record.origin === page.origin ? input.record : null;
  const badgeInput = badgeInputFor(record ?? undefined, input.tabUrl, now);
  const kind = kindOf(page, badgeInput, record);
  const badge = badgeFor(badgeInput, now);
  const host = displayText(page?.host ?? input.tabUrl, 253);
  const picked = pickChain(record);
  const crossChecked = check(record);
  const obs = record?.observation && record.observation.source !== 'probe' ? record.observation : null;
  const explained = explanations({
    host: page?.host ?? '',
    now,
    causes: failureCauses(badgeInput, record),
    mapped: record?.failure?.mapped ?? null,
    overridden: Boolean(obs?.overriddenErrorCategory ?? record?.overridden),
    chain: picked.chain,
    clock: record?.clock ?? null,
    report: record?.probe?.report ?? null,
    check: crossChecked,
  });
  const earliest = earliestExpiry(picked.chain, now);
  const probe = probeSection({
    applicable: page?.protocol === 'https:',
    enabled: input.probeEnabled,
    entry: record?.probe,
    check: crossChecked,
    serverIp: obs?.serverIp ?? input.record?.serverIp ?? null,
  });
  return {
    host,
    url: displayText(input.tabUrl, 2048),
    kind,
    level: badge.level,
    levelLabel: kind === 'no-record' && !page ? 'Not a web page' : LEVEL_LABELS[badge.level],
    badge,
    headline: headline(kind, page, badge.level, earliest, explained, now),
    summary: displayText(summaryOf(kind, page, badge.tooltip, explained), 600),
    earliest,
    explanations: explained,
    clock: clockView(record?.clock ?? null, crossChecked, now, record?.probe?.report ?? null),
    chain: chainView(picked.chain, now),
    chainSource: picked.from,
    connection: obs ? browserConnection(obs) : picked.address ? probeConnection(picked.address) : null,
    frames: framesView(record?.frames, record?.clock ?? null, now),
    probe,
    provenance: provenance({ record, kind, chainFrom: picked.from, probe, probeUrl: input.probeUrl, now }),
    now,
    nowText: formatDate(now),
  };
}
