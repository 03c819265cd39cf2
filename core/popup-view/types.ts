import type { Badge, BadgeLevel } from '../badge';
import type { Cause } from '../causes';
import type { CrossCheckVerdict } from '../cross-check';
import type { Explanation } from '../explain/types';
import type { Level } from '../types';

/**
 * What the popup shows: plain data, every sentence already written. Text from certificates, the probe and URLs is
 * kept as text (control and direction characters replaced, long values cut); it must still be rendered as text.
 */

/** What kind of page the tab shows. */
export type PopupKind = 'http' | 'secure' | 'failure' | 'unknown' | 'no-record';

/** Where a certificate sits in the chain. */
export type CertificateRole = 'leaf' | 'intermediate' | 'root';

/** One certificate of the chain, ready to show. */
export interface CertificateView {
  depth: number;
  role: CertificateRole;
  /** "Server certificate", "Intermediate", "Root". */
  roleLabel: string;
  /** The common name, else the subject. Untrusted text. */
  name: string;
  subject: string;
  issuer: string;
  /** "DNS: example.com", "IP: 127.0.0.1". Untrusted text. */
  sans: string[];
  /** ISO 8601, as in the certificate. */
  notBefore: string;
  notAfter: string;
  /** "14 June 2026, 10:32 UTC". */
  notBeforeText: string;
  notAfterText: string;
  /** Share of the validity period elapsed at `now`, 0 to 1 (0 before it starts, 1 after it ends); null for invalid dates. */
  elapsed: number | null;
  /** Where `now` falls: before, within or after the validity period; null for invalid dates. */
  position: 'before' | 'during' | 'after' | null;
  /** Whole days left, truncated towards zero; negative once expired. */
  daysLeft: number;
  /** "62 days left, until …", "Expired 2 days ago, on …", "Not valid until … (in 3 days)". */
  remainingText: string;
  level: Level;
  /** The level in words: "Valid", "Renew soon", "Expired". */
  levelLabel: string;
  /** Uppercase colon hex. */
  fingerprintSha256: string;
  /** Base64. */
  spkiSha256: string;
  serialNumber: string;
  /** "EC P-256", "RSA 2048 bits". */
  key: string;
  signatureAlgorithm: string;
}

/** The earliest-expiring certificate of the chain. */
export interface EarliestExpiry {
  depth: number;
  roleLabel: string;
  /** Untrusted text. */
  name: string;
  level: Level;
  levelLabel: string;
  /** Whole days left, truncated towards zero; negative once expired. */
  daysLeft: number;
  /** ISO 8601. */
  notAfter: string;
  notAfterText: string;
  /** "expires in 62 days, on …" or "expired 2 days ago, on …". */
  text: string;
}

/** One line of the connection details. */
export interface ConnectionRow {
  label: string;
  value: string;
}

/** The TLS connection as the browser (or, without the browser's data, the probe) saw it. */
export interface ConnectionView {
  source: 'browser' | 'probe';
  rows: ConnectionRow[];
  /** Why some details are missing, when they are. */
  note: string | null;
}

/** One address the probe reached for the host. */
export interface ProbeAddressView {
  ip: string;
  ok: boolean;
  /** "OK", "Fails: expired", "Fails: connection refused". Untrusted text in part. */
  status: string;
  fingerprintSha256: string | null;
  /** "AB:CD:EF:01…", enough to tell certificates apart. */
  fingerprintPrefix: string | null;
  notAfter: string | null;
  notAfterText: string | null;
  /** Serves the same certificate as the browser got; null when there is nothing to compare. */
  agrees: boolean | null;
  /** The address the browser itself connected to. */
  browserAddress: boolean;
}

/** The probe's state for this page. */
export type ProbeStatus = 'not-applicable' | 'off' | 'waiting' | 'failed' | 'answered';

/** What the probe says, and whether it agrees with the browser. */
export interface ProbeSection {
  status: ProbeStatus;
  /** One or two sentences for a person. */
  message: string;
  /** Why there is no probe answer, in one sentence, when there is none because of a problem or setting. */
  problem: string | null;
  /** The probe client's error code when it failed, e.g. PROBE_UNREACHABLE. */
  errorCode: string | null;
  /** ISO, the probe's clock. */
  probedAt: string | null;
  probedAtText: string | null;
  /** The answer came from the probe's short cache. */
  cached: boolean;
  addresses: ProbeAddressView[];
  verdict: CrossCheckVerdict | null;
  /** The comparison in one sentence. */
  verdictText: string | null;
  findings: { cause: Cause; title: string; detail: string }[];
}

/** One source of what the popup shows. */
export interface ProvenanceItem {
  source: 'handshake' | 'cache' | 'error' | 'probe';
  /** "Live TLS handshake seen by your browser". */
  label: string;
  /** ms since epoch. */
  at: number;
  /** "14 June 2026, 10:32 UTC (5 minutes ago)". */
  atText: string;
}

/** Where the data came from, when, and what is missing and why. */
export interface Provenance {
  items: ProvenanceItem[];
  missing: string[];
}

/** The local clock, when it was compared with another. */
export interface ClockView {
  wrong: boolean;
  /** "Your clock is 3 days behind (compared with the server's HTTP Date header)." */
  text: string;
}

/** A frame embedded in the page from another origin, judged like a page of its own. */
export interface FrameView {
  /** Untrusted text. */
  host: string;
  origin: string;
  level: BadgeLevel;
  levelLabel: string;
  /** The frame's badge text: "23d", "EXP", "!". */
  badgeText: string;
  /** One sentence: days left and the date, or what failed. Contains the host: render as text. */
  sentence: string;
}

/** Everything the popup shows for one tab. */
export interface PopupView {
  host: string;
  url: string;
  kind: PopupKind;
  level: BadgeLevel;
  /** The level in words, never colour alone: "Valid", "Certificate error", "Not HTTPS". */
  levelLabel: string;
  badge: Badge;
  /** The figure at a glance: "62 days left", "Certificate expired", "Not HTTPS". */
  headline: string;
  /** One sentence (the badge's tooltip). Contains the host: render as text. */
  summary: string;
  earliest: EarliestExpiry | null;
  /** The failure explained, most important first; empty when nothing is wrong. */
  explanations: Explanation[];
  clock: ClockView | null;
  chain: CertificateView[];
  /** Whose chain this is: the browser's, or the probe's (Chromium, or a failed load). */
  chainSource: 'browser' | 'probe' | null;
  connection: ConnectionView | null;
  /** Frames from other origins, failing first, then by time left. */
  frames: FrameView[];
  probe: ProbeSection;
  provenance: Provenance;
  /** When the view was made, ms since epoch, local clock. */
  now: number;
  nowText: string;
}
