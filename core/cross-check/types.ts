import type { Cause } from '../causes';

/** What the browser's view and the probe's report say together. */
export type CrossCheckVerdict =
  'same' | 'different_leaf' | 'interception_suspected' | 'inconsistent_backends' | 'no_comparison';

/** One fact the comparison found, under the cause it points to. */
export interface CrossCheckFinding {
  cause: Cause;
  /** One or two sentences naming the facts. Certificate names in it are quoted, trimmed, untrusted text. */
  detail: string;
  /** The probe addresses the finding is about. */
  addresses: string[];
}

/** One probe address compared with what the browser saw. */
export interface AddressComparison {
  ip: string;
  /** The leaf this address served, null when it served none. */
  fingerprintSha256: string | null;
  sameAsBrowser: boolean;
  /** Connected, verified and trusted by the probe (a server clock skew alone does not make it fail). */
  ok: boolean;
  cause: Cause | null;
}

/** The browser's view of a site compared with the probe's report. */
export interface CrossCheck {
  verdict: CrossCheckVerdict;
  /** The verdict in a few sentences, naming addresses and fingerprint prefixes. */
  detail: string;
  findings: CrossCheckFinding[];
  /** The probe address that serves the browser's leaf (preferring the browser's own server IP). */
  matchedAddress: string | null;
  perAddress: AddressComparison[];
  clock: {
    /** browser - probe clock in ms (now - probedAt), positive when the browser is ahead. */
    browserVsProbeMs: number | null;
    localClockWrong: boolean;
  };
}

/** Tuning of crossCheck. */
export interface CrossCheckOptions {
  /** Clock differences up to this are ignored. Default 5 minutes (CLOCK_TOLERANCE_MS). */
  clockThresholdMs?: number;
}
