import { badgeFor, type BadgeLevel } from '../badge';
import { chainStatus, LEVEL_SEVERITY, parseInstant } from '../expiry';
import type { FrameRecord, TabRecord } from '../tab-record';
import { badgeInputFor } from '../tab-badge';
import type { ClockEstimate } from '../types';
import { displayText, LEVEL_LABELS } from './labels';
import type { FrameView } from './types';

/** Most alarming first: a failure, then the core's certificate levels by severity, then nothing known. */
function severity(level: BadgeLevel): number {
  if (level === 'failure') return Number.MAX_SAFE_INTEGER;
  if (level === 'unknown' || level === 'none') return -1;
  return LEVEL_SEVERITY[level];
}

/**
 * The page's frames from other origins, each judged as the badge would judge a page of its own (with the page's clock
 * estimate, so a wrong local clock is not blamed on a frame's site), most alarming first, then the soonest to expire.
 */
export function framesView(
  frames: readonly FrameRecord[] | undefined,
  clock: ClockEstimate | null,
  now: number,
): FrameView[] {
  const views = (frames ?? []).map((frame) => {
    const asPage: TabRecord = {
      tabId: -1,
      url: `${frame.origin}/`,
      origin: frame.origin,
      host: frame.host,
      updatedAt: frame.at,
      observation: frame.observation,
      failure: frame.failure ? { mapped: frame.failure, at: frame.at } : undefined,
      overridden: frame.observation ? frame.observation.overriddenErrorCategory !== null : false,
      clock,
    };
    const badge = badgeFor(badgeInputFor(asPage, asPage.url, now), now);
    const earliest = frame.observation ? chainStatus(frame.observation.chain, now) : null;
    return {
      view: {
        host: displayText(frame.host, 253),
        origin: displayText(frame.origin, 300),
        level: badge.level,
        levelLabel: LEVEL_LABELS[badge.level],
        badgeText: badge.text,
        sentence: displayText(badge.tooltip, 600),
      } satisfies FrameView,
      severity: severity(badge.level),
      expiry: (earliest && parseInstant(earliest.notAfter)) ?? Number.POSITIVE_INFINITY,
    };
  });
  return views.sort((a, b) => b.severity - a.severity || a.expiry - b.expiry).map((v) => v.view);
}
