import { CAUSE_TITLES } from './titles';
import { make, type Builder } from './types';

/** What is not known after a failure before any certificate was judged, and what would tell. */
function noCertificate(host: string): string {
  return `The certificate: the connection failed before one was judged. The certglance probe's report of ${host} shows it.`;
}

/** Browser and server share no TLS version or cipher suite. */
export const protocolMismatch: Builder = ({ host }) =>
  make('protocol_mismatch', CAUSE_TITLES.protocol_mismatch, {
    happened: [
      `The browser and the server for ${host} share no TLS version or cipher suite they both accept.`,
    ],
    reasons: [
      'The server offers only TLS 1.0 or 1.1, or old ciphers (RC4, 3DES) that browsers removed.',
      'A policy or an old browser limits the TLS versions this computer offers.',
    ],
    adminActions: ['Update the browser, and check for policies that limit TLS versions.'],
    ownerActions: [
      'Enable TLS 1.2 and TLS 1.3 with modern cipher suites (ECDHE with AES-GCM or ChaCha20-Poly1305).',
    ],
  });

/** The TLS handshake failed for a reason that names no certificate problem. */
export const handshakeFailure: Builder = ({ host }) =>
  make('handshake_failure', CAUSE_TITLES.handshake_failure, {
    happened: [`The TLS handshake with ${host} failed; the error names no certificate problem.`],
    reasons: [
      'Something other than TLS answers on this port (for example plain HTTP on port 443).',
      'The server requires a client certificate that this browser did not present.',
      'A proxy, firewall or security software interferes with TLS.',
      'The server is misconfigured (no certificate for this name, a broken TLS setup).',
    ],
    adminActions: [
      'Try again from another network, and check for a proxy or security software that inspects HTTPS.',
      'If the site needs a client certificate, check that it is installed in this browser.',
    ],
    ownerActions: [`Check the server's TLS setup: openssl s_client -connect ${host}:443 -servername ${host}`],
    unknowns: [noCertificate(host)],
  });

/** The connection was refused, reset or closed. */
export const connectionFailed: Builder = ({ host }) =>
  make('connection_failed', CAUSE_TITLES.connection_failed, {
    happened: [`The browser could not connect to ${host}: the connection was refused, reset or closed.`],
    reasons: [
      'The server or the service is down, or does not listen on this port.',
      'A firewall blocks the connection, on either side.',
      'A proxy between this computer and the site refused the connection.',
    ],
    adminActions: [
      'Check your network connection and proxy settings, then try again, or from another network.',
    ],
    ownerActions: [
      'Check that the service runs and listens on its port, and that firewalls let connections through.',
    ],
    unknowns: [noCertificate(host)],
  });

/** The host name does not resolve. */
export const dnsFailure: Builder = ({ host }) =>
  make('dns_failure', CAUSE_TITLES.dns_failure, {
    happened: [`The name ${host} could not be resolved to an address.`],
    reasons: [
      'The name is misspelled or does not exist.',
      "The name's DNS records were removed, or its domain registration lapsed.",
      'The DNS resolver in use (a VPN, a company DNS, or a proxy) cannot resolve it.',
    ],
    adminActions: [`Check the spelling, then look the name up: dig ${host} (or nslookup ${host}).`],
    ownerActions: [`Check the DNS records (A, AAAA, CNAME) for ${host} and the domain's registration.`],
    unknowns: [noCertificate(host)],
  });

/** The server did not answer in time. */
export const timeout: Builder = ({ host }) =>
  make('timeout', CAUSE_TITLES.timeout, {
    happened: [`The connection to ${host} timed out: the server did not answer in time.`],
    reasons: [
      'The server is down or overloaded.',
      'A firewall silently drops the connection.',
      'A routing problem or a very slow network between this computer and the site.',
    ],
    adminActions: ['Try again later, or from another network.'],
    ownerActions: ['Check that the server is up and reachable, and that firewalls do not drop connections.'],
    unknowns: [noCertificate(host)],
  });
