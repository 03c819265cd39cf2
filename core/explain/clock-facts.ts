import { isClockOff } from '../clock';
import { formatDate } from '../format';
import { formatSkew, formatSkewBound } from '../format-skew';
import type { ClockEstimate } from '../types';

function basis(clock: ClockEstimate): string {
  return clock.basis === 'probe' ? 'the certglance probe' : "the server's HTTP Date header";
}

/** The local clock is right: not provably off by more than the tolerance (CLOCK_TOLERANCE_MS). */
export function clockIsRight(clock: ClockEstimate): boolean {
  return !isClockOff(clock);
}

/**
 * "Your computer's clock is 3 days behind (compared with …, give or take 1 second)." or, when within the tolerance,
 * "Your computer's clock is right: it agrees with … to within 2 seconds." The skew is worded as describeSkew words it.
 */
export function clockSentence(clock: ClockEstimate): string {
  const abs = Math.abs(clock.skewMs);
  if (clockIsRight(clock)) {
    return `Your computer's clock is right: it agrees with ${basis(clock)} to within ${formatSkewBound(abs + clock.uncertaintyMs)}.`;
  }
  const direction = clock.skewMs > 0 ? 'ahead' : 'behind';
  return `Your computer's clock is ${formatSkew(abs)} ${direction} (compared with ${basis(clock)}, give or take ${formatSkewBound(clock.uncertaintyMs)}).`;
}

/** "It reads 14 June 2026, 10:32 UTC; the correct time is about 11 June 2026, 10:32 UTC." */
export function correctTimeSentence(now: number, clock: ClockEstimate): string {
  return `It reads ${formatDate(now)}; the correct time is about ${formatDate(now - clock.skewMs)}.`;
}

/** What would tell whether the local clock is at fault, when no comparison is available. */
export function clockUnknown(what: string): string {
  return (
    `Whether your computer's clock is right: no clock comparison is available. ${what} ` +
    'Compare the system clock with a time source (`timedatectl status` on Linux, or an NTP server); ' +
    'the certglance probe checks the certificate with its own clock.'
  );
}

/** How to set the clock right, for the person in front of the browser. */
export const FIX_CLOCK =
  'Set the date, time and time zone correctly and turn on automatic time: Windows: Settings > Time & language > ' +
  'Date & time; macOS: System Settings > General > Date & Time; Linux: `timedatectl set-ntp true`.';
