import { AUTHORITY_CAUSES, type Cause } from '../causes';
import { formatDate } from '../format';
import { BUILDERS } from './builders';
import { clockIsRight, clockSentence, FIX_CLOCK } from './clock-facts';
import { certAt, certName, issuerName, validity } from './text';
import { CAUSE_LABELS, CAUSE_TITLES, orList } from './titles';
import { make, type ExplainInput, type Explanation } from './types';

const DATE_REASONS: Partial<Record<Cause, string>> = {
  expired: 'The certificate has expired.',
  not_yet_valid: 'The certificate is not valid yet.',
  issuer_expired: 'An intermediate certificate in the chain has expired.',
  local_clock_wrong:
    "Your computer's clock is wrong: a valid certificate then looks expired or not yet valid.",
};

/** Chromium's ERR_CERT_DATE_INVALID, and any part of it. */
function ambiguousDates(input: ExplainInput, causes: readonly Cause[]): Explanation {
  const { host, now, clock } = input;
  const title =
    causes.length === 4
      ? 'Certificate date problem (expired, not yet valid, or your clock)'
      : `Certificate date problem (${orList(causes.map((c) => CAUSE_LABELS[c]))})`;
  const happened = [
    `The browser judged the dates of the certificate for ${host} invalid at this computer's time, ${formatDate(now)}.`,
  ];
  const leaf = certAt(input, 0);
  const { notBefore, notAfter } = validity(leaf);
  if (notBefore !== null && notAfter !== null) {
    happened.push(
      `The certificate for ${host} is valid from ${formatDate(notBefore)} until ${formatDate(notAfter)}.`,
    );
  }
  if (clock) {
    happened.push(clockSentence(clock));
    if (!clockIsRight(clock)) happened.push('That alone can explain the error.');
  }
  const unknowns = ['Which of these it is: the browser reports them all as the same error.'];
  if (!leaf) {
    unknowns.push(
      `The certificate itself: the certglance probe's report of ${host} shows its dates and the chain the server sends.`,
    );
  }
  const clockPossible = causes.includes('local_clock_wrong');
  if (clockPossible && !clock) {
    unknowns.push(
      'Whether it is your clock: compare the system clock with a time source (`timedatectl status` on Linux, or an NTP server).',
    );
  }
  const adminActions = clockPossible
    ? [`Check your computer's date and time first: it is the one cause you can fix yourself. ${FIX_CLOCK}`]
    : ["Your computer's clock is not at fault."];
  adminActions.push(
    `Check ${host} with the certglance probe to see the certificate's dates.`,
    'Do not click through until you know which it is.',
  );
  return make(null, title, {
    happened,
    reasons: causes.map((c) => DATE_REASONS[c] ?? CAUSE_TITLES[c]),
    adminActions,
    ownerActions: [
      'If the certificate or an intermediate has expired or is not valid yet: install a valid certificate with the ' +
        "certificate authority's current intermediates, and reload the server.",
    ],
    unknowns,
  });
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Several causes that one error code covers, such as Chromium's ERR_CERT_AUTHORITY_INVALID. */
function ambiguousOther(input: ExplainInput, causes: readonly Cause[]): Explanation {
  const { host } = input;
  const labels = orList(causes.map((c) => CAUSE_LABELS[c]));
  const title = causes.every((c) => AUTHORITY_CAUSES.includes(c))
    ? `Certificate not trusted (${labels})`
    : `Several possible causes (${labels})`;
  const subs = causes.map((c) => [c, BUILDERS[c](input)] as const);
  const happened = [`The error for ${host} can mean: ${labels}.`];
  const leaf = certAt(input, 0);
  if (leaf)
    happened.push(`The certificate for ${host} is ${certName(leaf)}, issued by ${issuerName(input, 0)}.`);
  const unknowns = ['Which of these it is: the browser reports them all as the same error.'];
  unknowns.push(
    input.chain
      ? "Which certificate authorities this computer trusts: the browser's certificate settings show them."
      : `The chain the server sends: the certglance probe's report of ${host} shows it, and tells these apart.`,
  );
  return make(null, title, {
    happened,
    reasons: subs.map(([c, sub]) => `${CAUSE_TITLES[c]}: ${lowerFirst(sub.reasons[0] ?? '')}`),
    adminActions: [...new Set(subs.map(([, sub]) => sub.adminActions[0] ?? ''))].filter(Boolean),
    ownerActions: subs.map(([c, sub]) => `${CAUSE_TITLES[c]}: ${lowerFirst(sub.ownerActions[0] ?? '')}`),
    unknowns,
    severity: subs.some(([, sub]) => sub.severity === 'error') ? 'error' : 'warning',
  });
}

/** Several causes are possible: say what is known, what it can be, and what would tell. */
export function ambiguous(input: ExplainInput, causes: readonly Cause[]): Explanation {
  return causes.every((c) => DATE_REASONS[c] !== undefined)
    ? ambiguousDates(input, causes)
    : ambiguousOther(input, causes);
}
