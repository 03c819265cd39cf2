import { quote } from './text';
import { make, type ExplainInput, type Explanation } from './types';

/** An error certglance cannot map: say so, keep the raw text, guess nothing. */
export function unrecognised(input: ExplainInput): Explanation {
  const { host } = input;
  return make(null, 'Unrecognised error', {
    happened: [
      input.raw !== undefined
        ? `Loading ${host} failed with an error certglance does not recognise.`
        : `Loading ${host} failed, and no cause was reported.`,
    ],
    adminActions: [
      "Note the exact error text and look at the browser's own error page (its Advanced or details section).",
      `Check ${host} with the certglance probe: its report of the certificate may show what is wrong.`,
    ],
    unknowns: [
      input.raw !== undefined
        ? `What the error ${quote(input.raw)} means: it is not one certglance maps to a cause.`
        : 'What went wrong: no error was reported.',
    ],
    severity: 'warning',
  });
}
