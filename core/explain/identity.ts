import { certAt, certName, issuerName, quote } from './text';
import { CAUSE_LABELS, CAUSE_TITLES } from './titles';
import { make, type Builder } from './types';

/** At most this many names of a certificate are listed. */
const MAX_NAMES = 10;

/** The certificate does not cover the host name. */
export const hostnameMismatch: Builder = (input) => {
  const { host } = input;
  const leaf = certAt(input, 0);
  const happened: string[] = [];
  if (leaf && leaf.sans.length > 0) {
    const names = leaf.sans.slice(0, MAX_NAMES).map((san) => quote(san.value));
    const more = leaf.sans.length - names.length;
    happened.push(
      `The certificate the server sent for ${host} covers: ${names.join(', ')}${more > 0 ? `, and ${more} more` : ''}.`,
      `None of these is ${host}.`,
    );
  } else if (leaf) {
    happened.push(
      `The certificate the server sent for ${host} lists no names; its common name is ` +
        `${leaf.commonName ? quote(leaf.commonName) : 'empty'}, and browsers ignore the common name.`,
    );
  } else {
    happened.push(`The certificate the server sent does not cover ${host}.`);
  }
  return make('hostname_mismatch', CAUSE_TITLES.hostname_mismatch, {
    happened,
    reasons: [
      `The server sends the certificate of another site: a default virtual host, or ${host} was left out when the ` +
        'certificate was issued.',
      'The name leads to a different server than intended (DNS, a CDN or a load balancer not set up for this name).',
      'A captive portal (hotel, airport Wi-Fi) or another network device answered instead of the site.',
      'A short name or an alias (with or without www.) that the certificate does not include.',
    ],
    adminActions: [
      'Check the address: use the name the certificate covers only if you know it is the same site.',
      `Otherwise do not continue: this certificate proves nothing about ${host}.`,
    ],
    ownerActions: [
      `Add ${host} to the certificate's names (subject alternative names) and reissue it, or configure the server ` +
        `(SNI, virtual host) to send the certificate that covers ${host}.`,
    ],
  });
};

/** The certificate appears to have been replaced between this computer and the site. */
export const interceptionSuspected: Builder = (input) => {
  const { host } = input;
  const leaf = certAt(input, 0);
  const happened = [
    `The certificate this browser received for ${host} appears to have been replaced between this computer and the site.`,
  ];
  if (leaf) happened.push(`It is ${certName(leaf)}, issued by ${issuerName(input, 0)}.`);
  return make('interception_suspected', CAUSE_TITLES.interception_suspected, {
    happened,
    reasons: [
      'Security software (antivirus "HTTPS scanning") or a company proxy that inspects HTTPS.',
      'Malware on this computer, or an attacker on the network.',
    ],
    adminActions: [
      'Find out whether this computer or network inspects HTTPS: check the installed security software, or ask IT.',
      'If nothing explains it, treat the network as hostile: do not sign in or send anything over it.',
    ],
    ownerActions: [
      'Nothing on the site itself, as far as this shows: the certificate was replaced on the way. The certglance ' +
        "probe's report shows the certificate the site really serves.",
    ],
  });
};

/** The addresses behind the name serve different certificates. */
export const inconsistentBackends: Builder = (input) => {
  const { host } = input;
  const addresses = input.addresses ?? [];
  const happened =
    addresses.length > 0
      ? [`${host} is served from ${addresses.length} addresses that do not all serve the same certificate:`]
      : [`The servers behind ${host} do not all serve the same certificate.`];
  for (const a of addresses) {
    const served = a.fingerprintSha256 ? `the certificate ${quote(a.fingerprintSha256)}` : 'no certificate';
    happened.push(
      `${quote(a.ip)} serves ${served}${a.cause ? `, with a problem: ${CAUSE_LABELS[a.cause]}` : ''}.`,
    );
  }
  const failing = addresses.filter((a) => a.cause).map((a) => quote(a.ip));
  return make('inconsistent_backends', CAUSE_TITLES.inconsistent_backends, {
    happened,
    reasons: [
      'A renewed certificate was installed on some servers but not all.',
      'The servers behind a load balancer, DNS round robin or a CDN are configured differently.',
    ],
    adminActions: [
      'The failure may come and go as connections land on different servers: a reload that works does not mean it is fixed.',
    ],
    ownerActions: [
      `Install the same, current certificate and chain on every server behind ${host}` +
        `${failing.length > 0 ? `, starting with ${failing.join(', ')}` : ''}.`,
    ],
    severity: failing.length > 0 ? 'error' : 'warning',
  });
};
