import { formatDate } from '../format';
import { capitalise, certAt, certName, plural, quote, validity } from './text';
import { CAUSE_TITLES } from './titles';
import { make, type Builder, type ExplainInput } from './types';

const DO_NOT_CONTINUE = 'Otherwise do not continue: nothing proves that this server is the real site.';

function validFromTo(input: ExplainInput, depth: number): string | null {
  const { notBefore, notAfter } = validity(certAt(input, depth));
  if (notBefore === null || notAfter === null) return null;
  return `It is valid from ${formatDate(notBefore)} until ${formatDate(notAfter)}.`;
}

function lastOfChain(input: ExplainInput) {
  const chain = input.chain ?? [];
  return chain.length > 0 ? { cert: chain[chain.length - 1]!, depth: chain.length - 1 } : null;
}

/** The server's certificate is signed by its own key: no certificate authority vouches for it. */
export const selfSigned: Builder = (input) => {
  const { host } = input;
  const leaf = certAt(input, 0);
  const happened = leaf
    ? [
        `The certificate for ${host} is self-signed: ${certName(leaf)} issued it to itself, and no certificate authority vouches for it.`,
        `Its SHA-256 fingerprint is ${quote(leaf.fingerprintSha256)}.`,
      ]
    : [`The certificate for ${host} is self-signed: no certificate authority vouches for it.`];
  const dates = validFromTo(input, 0);
  if (dates) happened.push(dates);
  return make('self_signed', CAUSE_TITLES.self_signed, {
    happened,
    reasons: [
      'A device or internal service still uses the certificate it made for itself (routers, printers, storage and ' +
        'management interfaces do).',
      'A test or staging server.',
      'Someone between you and the site presents their own certificate (interception).',
    ],
    adminActions: [
      'If this is a device you manage, compare the SHA-256 fingerprint with the one the device shows on its console ' +
        'or screen; only when they match is an exception safe.',
      DO_NOT_CONTINUE,
    ],
    ownerActions: [
      'Install a certificate from a publicly trusted certificate authority (an ACME client such as certbot gets one ' +
        "for free), or one from your organisation's certificate authority whose root the users' computers trust.",
    ],
  });
};

/** The certificate was issued by a certificate authority the browser does not know. */
export const unknownIssuer: Builder = (input) => {
  const { host } = input;
  const last = lastOfChain(input);
  const happened = last
    ? [
        `The chain for ${host} ends at ${certName(last.cert)}, issued by ${quote(last.cert.issuer)}: a certificate ` +
          'authority this browser does not know.',
      ]
    : [`The certificate for ${host} was issued by a certificate authority this browser does not know.`];
  return make('unknown_issuer', CAUSE_TITLES.unknown_issuer, {
    happened,
    reasons: [
      'A private or company certificate authority whose root is not installed on this computer.',
      'The server does not send its intermediate certificate, so the browser cannot link the certificate to a ' +
        'root it knows.',
      'Security software or a proxy that inspects HTTPS, whose root is not installed on this computer.',
    ],
    adminActions: [
      'If your organisation runs its own certificate authority, install its root the way your IT department ' +
        'distributes it (never from the site itself).',
      DO_NOT_CONTINUE,
    ],
    ownerActions: [
      'Send the full chain: the certificate followed by its intermediate certificates.',
      'For a public site, use a certificate from a publicly trusted certificate authority.',
    ],
  });
};

/** The server does not send the intermediate that links its certificate to a trusted root. */
export const incompleteChain: Builder = (input) => {
  const { host } = input;
  const chain = input.chain ?? [];
  const last = lastOfChain(input);
  const happened: string[] = [];
  if (last) {
    happened.push(
      `The server for ${host} sent ${chain.length} certificate${plural(chain.length)}: ${chain.map(certName).join(', ')}.`,
      `The certificate that issued ${certName(last.cert)}, ${quote(last.cert.issuer)}, is missing: it is the ` +
        'intermediate that links the chain to a trusted root.',
    );
    const url = last.cert.caIssuerUrls[0];
    if (url)
      happened.push(`${capitalise(certName(last.cert))} says where to fetch its issuer: ${quote(url)}.`);
  } else {
    happened.push(
      `The server for ${host} does not send the intermediate certificate that links its certificate to a trusted root.`,
    );
  }
  return make('incomplete_chain', CAUSE_TITLES.incomplete_chain, {
    happened,
    reasons: [
      'The server is configured with the certificate alone (cert.pem) instead of the full chain (fullchain.pem).',
      'The intermediate was left out when the certificate was renewed or moved to another server or load balancer.',
      'Browsers that have the intermediate cached, or fetch it, work and others fail: the site may work elsewhere.',
    ],
    adminActions: [
      `Tell the owner of ${host}: the fix is on the server, not on your computer.`,
      'The site may work in a browser that has the intermediate cached; that does not mean it is fixed.',
    ],
    ownerActions: [
      'Configure the server with the full chain, the certificate followed by its intermediates (certbot: ' +
        'fullchain.pem), and reload it.',
      `Check what the server sends: openssl s_client -connect ${host}:443 -servername ${host} -showcerts`,
    ],
  });
};

/** The chain ends at a root the browser does not trust (removed, distrusted, or marked untrusted here). */
export const untrustedRoot: Builder = (input) => {
  const { host } = input;
  const last = lastOfChain(input);
  const happened = last
    ? [
        last.cert.selfIssued
          ? `The chain for ${host} ends at the root ${certName(last.cert)}, which this browser does not trust.`
          : `The chain for ${host} ends at ${certName(last.cert)}, issued by ${quote(last.cert.issuer)}, a root this browser does not trust.`,
      ]
    : [`The certificate for ${host} leads to a root certificate this browser does not trust.`];
  return make('untrusted_root', CAUSE_TITLES.untrusted_root, {
    happened,
    reasons: [
      'Browsers removed or distrusted that certificate authority.',
      'The root is marked as not trusted on this computer, by a person or a policy.',
      "The server's chain leads to a private (company) root that this computer does not trust.",
    ],
    adminActions: [
      "If it is your organisation's certificate authority, ask IT to deploy its root to this computer; never add it " +
        'from the site itself.',
      DO_NOT_CONTINUE,
    ],
    ownerActions: [
      'Get a certificate from a certificate authority that browsers trust today, and send its current chain.',
    ],
  });
};
