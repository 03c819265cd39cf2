import type { AddressReport } from '../probe-report';
import type { CtStatus, Observation } from '../types';
import { displayText, yesNo } from './labels';
import type { ConnectionRow, ConnectionView } from './types';

const CT_TEXT: Readonly<Record<CtStatus, string>> = {
  not_applicable: 'Not required (the certificate is not from a publicly trusted authority)',
  policy_compliant: 'Compliant',
  policy_not_enough_scts: 'Not compliant: not enough signed certificate timestamps',
  policy_not_diverse_scts: 'Not compliant: timestamps not from diverse logs',
};

function rows(entries: [string, string | null | undefined][]): ConnectionRow[] {
  return entries
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([label, value]) => ({ label, value: displayText(value) }));
}

function rootText(builtIn: boolean | null): string | null {
  if (builtIn === null) return null;
  return builtIn
    ? 'Built into the browser'
    : 'Not built into the browser: added on this computer (by you, an administrator or security software)';
}

/** The connection as Firefox reported it. */
export function browserConnection(obs: Observation): ConnectionView {
  const leaf = obs.chain[0];
  const ct = obs.ctStatus ? CT_TEXT[obs.ctStatus] : null;
  return {
    source: 'browser',
    rows: rows([
      ['TLS version', obs.protocolVersion],
      ['Cipher suite', obs.cipherSuite],
      ['Key exchange group', obs.keaGroupName],
      ['Signature scheme', obs.signatureSchemeName],
      ['Certificate Transparency', ct && leaf ? `${ct}; ${leaf.sctCount} embedded SCTs` : ct],
      ['HSTS', yesNo(obs.hsts, 'Yes: this browser only connects to this host over HTTPS', 'No')],
      ['OCSP', yesNo(obs.usedOcsp, 'Used: revocation was checked', 'Not used')],
      ['Encrypted Client Hello', yesNo(obs.usedEch, 'Used', 'Not used')],
      ['Extended Validation', obs.isExtendedValidation ? 'Yes' : null],
      ['Root', rootText(obs.builtInRoot)],
      ['Server address', obs.serverIp],
      ['Weaknesses', obs.weaknessReasons.length > 0 ? obs.weaknessReasons.join(', ') : null],
    ]),
    note:
      obs.overriddenErrorCategory !== null
        ? 'A certificate warning was clicked through for this site: the connection is not vouched for.'
        : null,
  };
}

/** The connection as the probe made it, for a browser that does not tell (Chromium) or a failed load. */
export function probeConnection(address: AddressReport): ConnectionView {
  return {
    source: 'probe',
    rows: rows([
      ['TLS version', address.tls?.protocol],
      ['Cipher suite', address.tls?.cipher],
      ['OCSP stapled', yesNo(address.ocsp.stapled)],
      ['Server address', address.ip],
    ]),
    note: "From the certglance probe's own connection: this browser does not give extensions its connection details.",
  };
}
