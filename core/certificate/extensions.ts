import { AsnConvert } from '@peculiar/asn1-schema';
import type * as asn from '@peculiar/asn1-x509';
import { x509 } from './x509';

/**
 * The extensions the summary reads: subject alternative names, basic constraints, authority and subject key
 * identifiers, authority information access, the embedded SCT list. Others are not decoded (most of the cost).
 */
const READ = new Set([
  '2.5.29.17',
  '2.5.29.19',
  '2.5.29.35',
  '2.5.29.14',
  '1.3.6.1.5.5.7.1.1',
  '1.3.6.1.4.1.11129.2.4.2',
]);

/** Each extension the summary reads, parsed on its own, so one the library cannot read loses only its own field. */
export function parseExtensions(list: asn.Extension[]): x509.Extension[] {
  const parsed: x509.Extension[] = [];
  for (const ext of list) {
    if (!READ.has(ext.extnID)) continue;
    try {
      parsed.push(x509.ExtensionFactory.create(AsnConvert.serialize(ext)));
    } catch {
      // Unreadable extension: its field keeps its default.
    }
  }
  return parsed;
}

/** The first parsed extension of a type, or null. */
export function findExtension<T extends x509.Extension>(
  exts: x509.Extension[],
  type: new (raw: BufferSource) => T,
): T | null {
  return (exts.find((e) => e instanceof type) as T | undefined) ?? null;
}

/** A key identifier (x509 gives lowercase hex) as uppercase colon hex. */
export function keyId(ext: { keyId?: string } | null): string | null {
  if (!ext?.keyId || !/^([0-9a-f]{2})+$/i.test(ext.keyId)) return null;
  return ext.keyId.toUpperCase().replace(/(..)(?!$)/g, '$1:');
}

/** The URLs among general names (AIA's OCSP and CA issuers entries). */
export function urls(names: x509.GeneralName[] | undefined): string[] {
  return (names ?? []).filter((n) => n.type === 'url').map((n) => n.value);
}
