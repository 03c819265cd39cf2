import type { SubjectAltName } from '../types';
import type * as asn from '@peculiar/asn1-x509';

/** An IP SAN as text, IPv4-mapped IPv6 in dotted form; null for a value that is not a 4- or 16-byte address. */
function ipText(value: string): string | null {
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(value);
  if (mapped) {
    const [hi, lo] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
    return `::ffff:${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  }
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(value) || /^[0-9a-f:]+$/.test(value)) return value;
  return null; // Not a 4- or 16-byte address: ignored, as TLS stacks do.
}

/** DNS and IP SANs, in order; other kinds of names are skipped. */
export function subjectAltNames(names: readonly asn.GeneralName[]): SubjectAltName[] {
  const sans: SubjectAltName[] = [];
  for (const name of names) {
    if (name.dNSName !== undefined) sans.push({ type: 'dns', value: name.dNSName });
    const ip = name.iPAddress === undefined ? null : ipText(name.iPAddress);
    if (ip !== null) sans.push({ type: 'ip', value: ip });
  }
  return sans;
}
