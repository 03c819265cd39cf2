import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import * as asn from '@peculiar/asn1-x509';
import type { SubjectAltName } from '../types';
import { colonHex } from './bytes';
import { BER_OPTIONS } from './decode';
import { sctCount } from './sct-count';
import { subjectAltNames } from './subject-alt-names';

/** The summary's fields that come from extensions. */
export interface ExtensionFields {
  sans: SubjectAltName[];
  isCA: boolean;
  authorityKeyId: string | null;
  subjectKeyId: string | null;
  ocspUrls: string[];
  caIssuerUrls: string[];
  sctCount: number;
}

/** An extension value is decoded under the same bounds as the certificate. */
const PARSE = { berOptions: BER_OPTIONS };

const SCT_LIST_OID = '1.3.6.1.4.1.11129.2.4.2';
const OCSP_ACCESS = '1.3.6.1.5.5.7.48.1';
const CA_ISSUERS_ACCESS = '1.3.6.1.5.5.7.48.2';

/** A key identifier as uppercase colon hex; null when empty. */
function keyId(bytes: ArrayBuffer | undefined): string | null {
  return bytes && bytes.byteLength > 0 ? colonHex(new Uint8Array(bytes)) : null;
}

/** The URLs of one access method in an AIA extension. */
function accessUrls(aia: asn.AuthorityInfoAccessSyntax, method: string): string[] {
  return aia.flatMap((d) =>
    d.accessMethod === method && d.accessLocation.uniformResourceIdentifier !== undefined
      ? [d.accessLocation.uniformResourceIdentifier]
      : [],
  );
}

/** What each read extension contributes, decoded from its value alone. */
const READERS: Readonly<Record<string, (value: ArrayBuffer, fields: ExtensionFields) => void>> = {
  [asn.id_ce_subjectAltName]: (value, fields) => {
    fields.sans = subjectAltNames(AsnConvert.parse(value, asn.SubjectAlternativeName, PARSE));
  },
  [asn.id_ce_basicConstraints]: (value, fields) => {
    fields.isCA = AsnConvert.parse(value, asn.BasicConstraints, PARSE).cA;
  },
  [asn.id_ce_authorityKeyIdentifier]: (value, fields) => {
    fields.authorityKeyId = keyId(
      AsnConvert.parse(value, asn.AuthorityKeyIdentifier, PARSE).keyIdentifier?.buffer,
    );
  },
  [asn.id_ce_subjectKeyIdentifier]: (value, fields) => {
    fields.subjectKeyId = keyId(AsnConvert.parse(value, asn.SubjectKeyIdentifier, PARSE).buffer);
  },
  [asn.id_pe_authorityInfoAccess]: (value, fields) => {
    const aia = AsnConvert.parse(value, asn.AuthorityInfoAccessSyntax, PARSE);
    fields.ocspUrls = accessUrls(aia, OCSP_ACCESS);
    fields.caIssuerUrls = accessUrls(aia, CA_ISSUERS_ACCESS);
  },
  [SCT_LIST_OID]: (value, fields) => {
    fields.sctCount = sctCount(new Uint8Array(AsnConvert.parse(value, OctetString, PARSE).buffer));
  },
};

/**
 * The fields the summary reads from extensions: subject alternative names, basic constraints, authority and subject
 * key identifiers, authority information access, the embedded SCT list. Each is decoded from its own value, the
 * first of each type only; one that cannot be decoded loses only its own field. Others are not decoded.
 */
export function readExtensions(list: readonly asn.Extension[]): ExtensionFields {
  const fields: ExtensionFields = {
    sans: [],
    isCA: false,
    authorityKeyId: null,
    subjectKeyId: null,
    ocspUrls: [],
    caIssuerUrls: [],
    sctCount: 0,
  };
  const seen = new Set<string>();
  for (const ext of list) {
    const read = READERS[ext.extnID];
    if (!read || seen.has(ext.extnID)) continue;
    seen.add(ext.extnID);
    try {
      read(ext.extnValue.buffer, fields);
    } catch {
      // Unreadable extension: its field keeps its default.
    }
  }
  return fields;
}
