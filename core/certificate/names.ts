import * as asn from '@peculiar/asn1-x509';
import { escapeControls } from '../distinguished-name';
import { x509 } from './x509';

/** RFC 4514 keywords x509 does not know by itself. */
const EXTRA_NAMES = { STREET: '2.5.4.9', UID: '0.9.2342.19200300.100.1.1', serialNumber: '2.5.4.5' };

/**
 * A distinguished name in RFC 4514 order (most specific RDN first), control characters escaped as hex pairs (x509
 * escapes only the first CR, LF or tab).
 */
export function rfc4514(name: asn.Name): string {
  const rdns = name.map((rdn) => new x509.Name(new asn.Name([rdn]), EXTRA_NAMES).toString());
  return escapeControls(rdns.reverse().join(','));
}

/** The last commonName of the subject (the one TLS stacks use), verbatim. */
export function commonName(name: asn.Name): string | null {
  return new x509.Name(name).getField('CN').at(-1) ?? null;
}
