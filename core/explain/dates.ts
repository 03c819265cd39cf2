import { formatDate, formatDuration, formatRelative } from '../format';
import { clockVerdict } from './clock-verdict';
import { capitalise, certAt, issuerName, relativeDate, role, validity } from './text';
import { CAUSE_TITLES } from './titles';
import { make, type Builder, type ExplainInput } from './types';

const expiredAt = (notAfter: number) => (t: number) => t >= notAfter;
const notYetValidAt = (notBefore: number) => (t: number) => t < notBefore;

const RENEWAL_REASONS = [
  'The certificate was not renewed in time, or it was renewed but the server still serves the old one (the web ' +
    'server was not reloaded, or one of several servers was missed).',
  'Automatic renewal (an ACME client such as certbot) failed or stopped running.',
];

const AVOID_CLICK_THROUGH =
  'Avoid clicking through: a certificate outside its dates is no longer vouched for by its certificate authority.';

/** The certificate for the host has expired: the site's owner must renew it. */
export const expired: Builder = (input) => {
  const { host, now } = input;
  const leaf = certAt(input, 0);
  const { notBefore, notAfter } = validity(leaf);
  const happened: string[] = [];
  const unknowns: string[] = [];
  if (notAfter !== null) {
    happened.push(
      notAfter <= now
        ? `The certificate for ${host} expired ${relativeDate(notAfter, now)}.`
        : `The certificate for ${host} expires ${relativeDate(notAfter, now)}: at this computer's time it has not expired yet.`,
    );
    if (notBefore !== null)
      happened.push(`It was valid from ${formatDate(notBefore)}, issued by ${issuerName(input, 0)}.`);
  } else {
    const which =
      input.depth === 0
        ? `The certificate for ${host}`
        : `The certificate for ${host}, or one that issued it,`;
    happened.push(`${which} has expired at this computer's time, ${formatDate(now)}.`);
    unknowns.push(`When it expired: the certglance probe's report of ${host} shows the certificate's dates.`);
  }
  const verdict = clockVerdict(
    input,
    notAfter === null ? null : expiredAt(notAfter),
    notAfter !== null && notAfter <= now
      ? `If it is ahead by more than ${formatDuration(now - notAfter)}, the certificate only looks expired.`
      : 'If it is far ahead, a valid certificate looks expired.',
  );
  return make('expired', CAUSE_TITLES.expired, {
    happened: [...happened, ...verdict.facts],
    reasons: RENEWAL_REASONS,
    adminActions: [
      ...verdict.adminActions,
      AVOID_CLICK_THROUGH,
      `Tell the owner of ${host}${notAfter !== null ? `, quoting the expiry date ${formatDate(notAfter)}` : ''}.`,
    ],
    ownerActions: [
      `Renew the certificate for ${host} and install it${notAfter !== null ? ` (it expired on ${formatDate(notAfter)})` : ''}; reload or restart the server so that it serves the new one.`,
      'If several servers or a load balancer serve this name, install it on every one of them.',
      'Check that automatic renewal runs (`certbot renew --dry-run`) and monitor the expiry date.',
    ],
    unknowns: [...unknowns, ...verdict.unknowns],
  });
};

/** A certificate of the chain is not valid yet: most often the local clock is behind. */
export const notYetValid: Builder = (input) => {
  const { host, now } = input;
  const depth = input.depth ?? 0;
  const cert = certAt(input, depth);
  const notBefore = validity(cert).notBefore;
  const happened: string[] = [];
  if (notBefore !== null) {
    const subject = capitalise(role(input, depth));
    happened.push(
      notBefore > now
        ? `${subject} is valid from ${formatDate(notBefore)}; that is ${formatRelative(notBefore, now)}.`
        : `${subject} is valid from ${formatDate(notBefore)}, which has passed at this computer's time.`,
    );
  } else {
    const which =
      input.depth === undefined
        ? `The certificate for ${host}, or one that issued it,`
        : capitalise(role(input, depth));
    happened.push(`${which} is not valid yet at this computer's time, ${formatDate(now)}.`);
  }
  const verdict = clockVerdict(
    input,
    notBefore === null ? null : notYetValidAt(notBefore),
    notBefore !== null && notBefore > now
      ? `If it is behind by more than ${formatDuration(notBefore - now)}, the certificate only looks not valid yet.`
      : 'If it is far behind, a valid certificate looks not valid yet.',
  );
  const reasons = [
    'The certificate was issued with a start date in the future, or installed before its start date (the clock of ' +
      'the certificate authority or of the machine that made it was ahead).',
  ];
  if (!verdict.clockCleared)
    reasons.unshift("Your computer's clock is behind: the most common reason for this error.");
  return make('not_yet_valid', CAUSE_TITLES.not_yet_valid, {
    happened: [...happened, ...verdict.facts],
    reasons,
    adminActions: [...verdict.adminActions, AVOID_CLICK_THROUGH],
    ownerActions: [
      depth > 0
        ? 'Serve the intermediate certificates the certificate authority publishes now, and reload the server.'
        : `Serve a certificate that is valid now: reissue it${notBefore !== null ? `, or keep serving the previous one until ${formatDate(notBefore)}` : ''}.`,
    ],
    unknowns: verdict.unknowns,
  });
};

/** The first certificate past the leaf that has expired at `now`. */
function firstExpiredIssuer(input: ExplainInput): number | undefined {
  const index = (input.chain ?? []).findIndex((cert, i) => {
    const { notAfter } = validity(cert);
    return i > 0 && notAfter !== null && notAfter <= input.now;
  });
  return index < 0 ? undefined : index;
}

/** An intermediate (or the root) expired while the server's own certificate may still be valid. */
export const issuerExpired: Builder = (input) => {
  const { host, now } = input;
  const depth = input.depth !== undefined && input.depth > 0 ? input.depth : firstExpiredIssuer(input);
  const cert = depth !== undefined ? certAt(input, depth) : null;
  const notAfter = validity(cert).notAfter;
  const happened: string[] = [];
  if (depth !== undefined && notAfter !== null) {
    happened.push(`${capitalise(role(input, depth))} expired ${relativeDate(notAfter, now)}.`);
    happened.push(`It sits at depth ${depth} of the chain (the certificate for ${host} is depth 0).`);
  } else {
    happened.push(
      `A certificate that issued the one for ${host} (an intermediate or a root) has expired at this computer's time, ${formatDate(now)}.`,
    );
  }
  const leaf = certAt(input, 0);
  const leafNotAfter = validity(leaf).notAfter;
  if (leafNotAfter !== null && leafNotAfter > now) {
    happened.push(`The certificate for ${host} itself is valid until ${formatDate(leafNotAfter)}.`);
  }
  const verdict = clockVerdict(
    input,
    notAfter === null ? null : expiredAt(notAfter),
    'If it is far ahead, a valid certificate looks expired.',
  );
  return make('issuer_expired', CAUSE_TITLES.issuer_expired, {
    happened: [...happened, ...verdict.facts],
    reasons: [
      'The server still sends an old intermediate certificate after the certificate authority replaced it.',
      'The chain ends at an expired root: the certificate authority offers a newer chain (a renewed or ' +
        "cross-signed intermediate) that the server does not send, or this computer's trust store lacks the new root.",
    ],
    adminActions: [
      ...verdict.adminActions,
      "If the expired certificate is a root in this computer's trust store, updating the operating system or the " +
        'browser brings the current roots.',
      AVOID_CLICK_THROUGH,
    ],
    ownerActions: [
      'Replace the intermediate certificates the server sends (the chain or fullchain file) with the certificate ' +
        "authority's current ones, and reload the server.",
    ],
    unknowns: verdict.unknowns,
  });
};
