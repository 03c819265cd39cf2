import type { Cause } from '../causes';
import type { CertSummary, ClockEstimate } from '../types';

/** One address the site's name resolves to, as the probe saw it. */
export interface AddressFinding {
  ip: string;
  /** The leaf it served, uppercase colon hex. */
  fingerprintSha256?: string;
  /** Its own problem, when it has one. */
  cause?: Cause | null;
}

/** What `explain` knows about a failure. */
export interface ExplainInput {
  host: string;
  /** The local clock, ms since the epoch. */
  now: number;
  /** One cause: certain. Several: ambiguous (Chromium's ERR_CERT_DATE_INVALID). None: unrecognised. */
  causes: readonly Cause[];
  /** The chain when known, leaf first. */
  chain?: readonly CertSummary[];
  /** The failing certificate's depth when known (0: the server's own certificate). */
  depth?: number;
  /** The raw error, quoted in "what happened". */
  raw?: string;
  /**
   * The local clock compared with a server or the probe (local - other). For server_clock_skew: the comparison with
   * the site's server, the local clock being the reference.
   */
  clock?: ClockEstimate | null;
  /** The user clicked through the warning. */
  overridden?: boolean;
  /** For inconsistent_backends: what each address serves. */
  addresses?: readonly AddressFinding[];
}

/** A failure explained for the person in front of the browser and for the site's owner. Plain text throughout. */
export interface Explanation {
  /** Null when ambiguous or unrecognised. */
  cause: Cause | null;
  title: string;
  /** Facts, with numbers and dates. */
  happened: string[];
  /** Likely reasons. */
  reasons: string[];
  /** What the person in front of the browser can do now. */
  adminActions: string[];
  /** What the site's owner must fix. */
  ownerActions: string[];
  /** For ambiguous cases: what is not known, and what would tell. */
  unknowns: string[];
  severity: 'error' | 'warning' | 'info';
}

/** Builds the explanation of one certain cause. */
export type Builder = (input: ExplainInput) => Explanation;

/** Builds an explanation; lists default to empty, severity to 'error'. */
export function make(
  cause: Cause | null,
  title: string,
  parts: Partial<Omit<Explanation, 'cause' | 'title'>>,
): Explanation {
  return {
    cause,
    title,
    happened: parts.happened ?? [],
    reasons: parts.reasons ?? [],
    adminActions: parts.adminActions ?? [],
    ownerActions: parts.ownerActions ?? [],
    unknowns: parts.unknowns ?? [],
    severity: parts.severity ?? 'error',
  };
}
