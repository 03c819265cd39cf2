import { badgeFor, type BadgeLevel } from '../badge';
import type { ClockEstimate } from '../types';
import type { FrameRecord, TabRecord } from '../tab-record';
import { badgeInputFor } from '../tab-badge';
import { displayText, LEVEL_LABELS } from './labels';
import type { FrameView } from './types';

/** Most alarming first. */
const ORDER: Readonly<Record<BadgeLevel, number>> = {
  failure: 8,
  expired: 7,
  not_yet_valid: 6,
  critical: 5,
  warn: 4,
  renewal_due: 3,
  ok: 2,
  unknown: 1,
  none: 0,
};

/**
 * The page's frames from other origins, each judged as the badge would judge a page of its own (with the page's clock
 * estimate, so a wrong local clock is not blamed on a frame's site), failing first, then by time left.
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
    return {
      view: {
        host: displayText(frame.host, 253),
        origin: displayText(frame.origin, 300),
        level: badge.level,
        levelLabel: LEVEL_LABELS[badge.level],
        badgeText: badge.text,
        sentence: displayText(badge.tooltip, 600),
      } satisfies FrameView,
      order: ORDER[badge.level],
      expiry: frame.observation?.chain.reduce(
        (min, c) => Math.min(min, Date.parse(c.notAfter)),
        Number.POSITIVE_INFINITY,
      ),
    };
  });
  return views
    .sort((a, b) => b.order - a.order || (a.expiry ?? Infinity) - (b.expiry ?? Infinity))
    .map((v) => v.view);
}
