import { ambiguous } from './ambiguous';
import { BUILDERS } from './builders';
import { narrowCauses } from './narrow';
import { withOverride } from './overridden';
import { truncate } from './truncate';
import type { ExplainInput, Explanation } from './types';
import { unrecognised } from './unrecognised';

export { CAUSE_LABELS, CAUSE_TITLES } from './titles';
export type { AddressFinding, ExplainInput, Explanation } from './types';

/**
 * Explains a failure for the person in front of the browser and for the site's owner: what happened (with numbers
 * and dates), the likely reasons, what each can do, and, when several causes remain possible, what is not known and
 * what would tell. The chain and the clock settle what they can first: a date failure whose chain is valid at the
 * corrected time is the local clock, whatever the error said; Chromium's ERR_CERT_DATE_INVALID with a chain becomes
 * the failure the chain shows. Certificate fields are quoted as-is, at most 200 characters: render them as text.
 */
export function explain(input: ExplainInput): Explanation {
  const { causes, depth } = narrowCauses(input);
  const settled: ExplainInput = { ...input, depth };
  const [only] = causes;
  const base =
    causes.length === 0
      ? unrecognised(settled)
      : causes.length === 1 && only
        ? BUILDERS[only](settled)
        : ambiguous(settled, causes);
  const withRaw =
    input.raw === undefined
      ? base
      : { ...base, happened: [...base.happened, `The error reported: "${truncate(input.raw)}".`] };
  return input.overridden ? withOverride(withRaw, input.host) : withRaw;
}
