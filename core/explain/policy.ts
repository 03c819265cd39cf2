import { DAY_MS, formatDate } from '../format';
import { capitalise, certAt, certName, issuerName, plural, quote, role, validity } from './text';
import { CAUSE_TITLES } from './titles';
import { make, type Builder } from './types';

const DO_NOT_CONTINUE = 'Do not continue to the site until its owner fixes this.';

/** The issuing certificate authority revoked the certificate. */
export const revoked: Builder = (input) => {
  const { host } = input;
  const depth = input.depth ?? 0;
  const cert = certAt(input, depth);
  const happened: string[] = [];
  if (cert) {
    happened.push(
      `The certificate authority revoked ${role(input, depth)} (serial number ${quote(cert.serialNumber)}).`,
    );
    const { notAfter } = validity(cert);
    if (notAfter !== null) {
      happened.push(
        `It was issued by ${issuerName(input, depth)} and would be valid until ${formatDate(notAfter)}.`,
      );
    }
  } else {
    happened.push(
      `The certificate for ${host} has been revoked by the certificate authority that issued it.`,
    );
  }
  return make('revoked', CAUSE_TITLES.revoked, {
    happened,
    reasons: [
      'Its private key was reported compromised.',
      'The certificate authority revoked it because it was issued wrongly.',
      'The owner replaced and revoked it, but a server still serves the old one.',
    ],
    adminActions: ['Do not continue: the private key of a revoked certificate may be in the wrong hands.'],
    ownerActions: [
      `Get a new certificate with a new private key, install it on every server for ${host}, and check that the ` +
        `revoked one${cert ? ` (serial ${quote(cert.serialNumber)})` : ''} is no longer served.`,
    ],
  });
};

/** A certificate of the chain is signed with an algorithm browsers no longer accept (SHA-1, MD5). */
export const weakSignature: Builder = (input) => {
  const depth = input.depth ?? 0;
  const cert = certAt(input, depth);
  const happened = cert
    ? [
        `${capitalise(role(input, depth))} is signed with ${quote(cert.signatureAlgorithm)}, an algorithm browsers no longer accept.`,
      ]
    : [`A certificate in the chain for ${input.host} is signed with an algorithm browsers no longer accept.`];
  return make('weak_signature', CAUSE_TITLES.weak_signature, {
    happened,
    reasons: ['The certificate, or an old intermediate, was signed with SHA-1 or MD5, which can be forged.'],
    adminActions: [DO_NOT_CONTINUE],
    ownerActions: [
      'Reissue the certificate signed with SHA-256 or stronger, and send current intermediates signed the same way.',
    ],
  });
};

/** A certificate of the chain has a key too small to be safe. */
export const weakKey: Builder = (input) => {
  const depth = input.depth ?? 0;
  const cert = certAt(input, depth);
  const happened: string[] = [];
  if (cert) {
    const key = cert.key.bits
      ? `a ${cert.key.bits}-bit ${quote(cert.key.type)} key`
      : `a ${quote(cert.key.type)} key`;
    happened.push(`${capitalise(role(input, depth))} has ${key}, too small to be safe.`);
  } else {
    happened.push(`A certificate in the chain for ${input.host} has a key too small to be safe.`);
  }
  happened.push('Browsers require RSA keys of at least 2048 bits.');
  return make('weak_key', CAUSE_TITLES.weak_key, {
    happened,
    reasons: [
      'The key was generated long ago with a size that is now too small, or by a device with weak defaults.',
    ],
    adminActions: [DO_NOT_CONTINUE],
    ownerActions: [
      'Generate a new key (RSA of 2048 bits or more, or ECDSA P-256) and reissue the certificate.',
    ],
  });
};

/** The certificate's lifetime exceeds what browsers accept for publicly trusted certificates. */
export const validityTooLong: Builder = (input) => {
  const { host } = input;
  const leaf = certAt(input, 0);
  const { notBefore, notAfter } = validity(leaf);
  const happened =
    notBefore !== null && notAfter !== null
      ? [
          `The certificate for ${host} is valid from ${formatDate(notBefore)} until ${formatDate(notAfter)}: ` +
            `${Math.floor((notAfter - notBefore) / DAY_MS)} days.`,
        ]
      : [`The certificate for ${host} is valid for longer than the browser accepts.`];
  happened.push(
    'Publicly trusted certificates may be valid for at most 398 days (200 days for those issued from 15 March 2026, ' +
      'under CA/Browser Forum ballot SC-081), and browsers enforce such limits.',
  );
  return make('validity_too_long', CAUSE_TITLES.validity_too_long, {
    happened,
    reasons: [
      'The certificate was issued with a long lifetime, for example by a private certificate authority.',
    ],
    adminActions: [`Nothing to fix on your computer: tell the owner of ${host}.`],
    ownerActions: ['Reissue the certificate with a shorter lifetime and automate its renewal (ACME).'],
  });
};

/** The browser requires Certificate Transparency proofs the certificate does not carry. */
export const ctRequired: Builder = (input) => {
  const { host } = input;
  const leaf = certAt(input, 0);
  const happened = leaf
    ? [
        `The certificate for ${host} carries ${leaf.sctCount} embedded Certificate Transparency proof${plural(leaf.sctCount)} ` +
          "(SCTs): not enough for the browser's policy.",
      ]
    : [
        `The browser requires proof that the certificate for ${host} was published in Certificate Transparency logs, and did not get enough.`,
      ];
  return make('ct_required', CAUSE_TITLES.ct_required, {
    happened,
    reasons: [
      'The certificate comes from a private certificate authority that does not publish to Certificate ' +
        'Transparency logs, on a name the browser treats as public.',
      'The certificate authority did not log the certificate, or the logs it used are no longer accepted.',
      'Security software or a proxy that inspects HTTPS made the certificate (it cannot log it).',
    ],
    adminActions: [
      'For internal sites with a company certificate authority, administrators can exempt the names by policy ' +
        '(Chromium: CertificateTransparencyEnforcementDisabledForUrls).',
    ],
    ownerActions: [
      'Use a certificate from a certificate authority that logs to Certificate Transparency (all public ones do), ' +
        'or serve the proofs in the TLS handshake or the stapled OCSP response.',
    ],
  });
};

/** None of the chain's keys matches the keys pinned for the host. */
export const pinningFailure: Builder = (input) => {
  const { host } = input;
  const leaf = certAt(input, 0);
  const happened = [
    `The browser expects ${host} to use one of a set of pinned public keys, and no certificate in the chain it received has one.`,
  ];
  if (leaf) {
    happened.push(
      `The certificate received, ${certName(leaf)}, has the public key SHA-256 ${quote(leaf.spkiSha256)} (base64).`,
    );
  }
  return make('pinning_failure', CAUSE_TITLES.pinning_failure, {
    happened,
    reasons: [
      'Something between you and the site replaced the certificate: a proxy or security software that inspects ' +
        'HTTPS, or an attacker.',
      'The site changed its keys or certificate authority while the pins still name the old ones.',
    ],
    adminActions: [
      'Check whether this computer or network inspects HTTPS (antivirus "HTTPS scanning", a company proxy). ' +
        'Pinning failures cannot be bypassed, by design.',
    ],
    ownerActions: [
      'Serve a chain that includes a pinned key, or update the pins before changing keys or authority.',
    ],
  });
};
