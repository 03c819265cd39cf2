import type { InspectReport } from './probe-report';
import type { ClockEstimate, MappedError, Observation } from './types';

/**
 * A frame embedded in the page from another origin: the certificate the browser accepted for it, or how its load
 * failed. One per origin, the latest.
 */
export interface FrameRecord {
  /** scheme://host:port of the frame. */
  origin: string;
  host: string;
  /** ms since epoch, local clock. */
  at: number;
  observation?: Observation;
  failure?: MappedError;
}

/** What certglance knows about the page in one tab: plain data, stored per tab by the extension. */
export interface TabRecord {
  tabId: number;
  /** The URL of the main-frame load this record belongs to. */
  url: string;
  /** scheme://host:port of that URL: a record is shown only for the tab's current origin. */
  origin: string;
  host: string;
  /** ms since epoch, local clock. */
  updatedAt: number;
  observation?: Observation;
  /** The IP the browser connected to for the main frame, when known (Chromium has no observation). */
  serverIp?: string | null;
  failure?: { mapped: MappedError; at: number };
  /** The user clicked through a certificate warning for this site. */
  overridden?: boolean;
  clock?: ClockEstimate | null;
  probe?: { report?: InspectReport; error?: { code: string; message: string }; at: number };
  /** Frames of the current page from other https origins (Firefox captures those that load; both browsers see failures). */
  frames?: FrameRecord[];
}
