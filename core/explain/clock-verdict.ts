import type { ExplainInput } from './types';
import { clockIsRight, clockSentence, clockUnknown, FIX_CLOCK } from './clock-facts';

/** What the clock comparison says about a date failure: facts, actions and unknowns to add. */
export interface ClockVerdict {
  facts: string[];
  adminActions: string[];
  unknowns: string[];
  /** The clock comparison shows the local clock is not to blame. */
  clockCleared: boolean;
}

/**
 * Judges the local clock for a date failure. `failsAt(t)` says whether the failing certificate is invalid at time t
 * (null when its dates are not known). With a clock estimate, the clock is cleared when the certificate fails across
 * the whole uncertainty window around the corrected time; without one, `ifUnknown` says how far off the clock would
 * have to be, and the unknowns say what would tell.
 */
export function clockVerdict(
  input: ExplainInput,
  failsAt: ((t: number) => boolean) | null,
  ifUnknown: string,
): ClockVerdict {
  const { clock, now } = input;
  if (!clock)
    return { facts: [], adminActions: [], unknowns: [clockUnknown(ifUnknown)], clockCleared: false };
  const facts = [clockSentence(clock)];
  const right = clockIsRight(clock);
  const trueNow = now - clock.skewMs;
  const failsAnyway = failsAt
    ? failsAt(trueNow - clock.uncertaintyMs) && failsAt(trueNow + clock.uncertaintyMs)
    : right;
  if (failsAnyway) {
    const adminActions = right
      ? ["Your computer's clock is not at fault: there is nothing to fix on your side."]
      : [
          `Your clock is off too, but that is not why this fails: the certificate is invalid at the correct time as well. Fix the clock anyway. ${FIX_CLOCK}`,
        ];
    return { facts, adminActions, unknowns: [], clockCleared: true };
  }
  const unknowns = failsAt
    ? [
        'Whether the certificate is valid at the correct time: it is too close to tell with this clock comparison.',
      ]
    : [
        "Whether it is your clock: your computer's clock is off by enough to make a valid certificate look invalid. " +
          "The certglance probe's report of the certificate shows its real dates.",
      ];
  return { facts, adminActions: right ? [] : [FIX_CLOCK], unknowns, clockCleared: false };
}
