import { webcrypto } from 'node:crypto';
import type { IssuedCert } from './types';
import { makeKeyPair, privateKeyPem, toPem, type KeyKind } from './keys';
import * as x509 from './x509';

/** A certificate together with what it takes to issue under it. */
export interface Authority {
  cert: IssuedCert;
  keys: CryptoKeyPair;
  /** The subject name, as issued. */
  name: x509.Name;
}

/** What to put in one certificate. Names are JSON RDN lists in encoding order. */
export interface CertificateSpec {
  name: string;
  subject: x509.JsonName;
  notBefore: Date;
  notAfter: Date;
  key: KeyKind;
  /** The signing authority; absent for a self-signed certificate. */
  issuer?: Authority;
  /** Basic constraints CA:true with this path length (undefined: no limit); absent: an end-entity certificate. */
  ca?: { pathLength?: number };
  /** DNS names and IP addresses for the SAN extension (end-entity only). */
  dnsNames?: string[];
  ipAddresses?: string[];
  /** Authority information access URLs. */
  aia?: { ocsp: string; caIssuers: string };
  /** Hash of the signature, default SHA-256. */
  hash?: 'SHA-256' | 'SHA-384';
  /** A ready-made SAN extension, replacing the one built from dnsNames and ipAddresses. */
  sanExtension?: x509.Extension;
  /** Hex serial number; random when absent. One with the high bit set is encoded with a 00 pad. */
  serialNumber?: string;
  /** Extra, already encoded extensions (e.g. an SCT list). */
  extraExtensions?: x509.Extension[];
}

const OCTETS_SERIAL = 16;

/** A random positive serial number, uppercase hex. */
export function randomSerial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(OCTETS_SERIAL));
  bytes[0] = (bytes[0]! & 0x7f) | 0x10;
  return Buffer.from(bytes).toString('hex').toUpperCase();
}

async function extensionsFor(spec: CertificateSpec, publicKey: CryptoKey): Promise<x509.Extension[]> {
  const extensions: x509.Extension[] = [];
  if (spec.ca) {
    extensions.push(new x509.BasicConstraintsExtension(true, spec.ca.pathLength, true));
    extensions.push(
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature,
        true,
      ),
    );
  } else {
    const rsa = spec.key === 'rsa2048';
    const usage = rsa
      ? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment
      : x509.KeyUsageFlags.digitalSignature;
    const names: x509.JsonGeneralNames = [
      ...(spec.dnsNames ?? []).map((value) => ({ type: 'dns' as const, value })),
      ...(spec.ipAddresses ?? []).map((value) => ({ type: 'ip' as const, value })),
    ];
    extensions.push(spec.sanExtension ?? new x509.SubjectAlternativeNameExtension(names, false));
    extensions.push(new x509.BasicConstraintsExtension(false, undefined, true));
    extensions.push(new x509.KeyUsagesExtension(usage, true));
    extensions.push(new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false));
  }
  extensions.push(await x509.SubjectKeyIdentifierExtension.create(publicKey, false, webcrypto as Crypto));
  const authorityKey = spec.issuer ? spec.issuer.keys.publicKey : spec.ca ? undefined : publicKey;
  if (authorityKey) {
    extensions.push(
      await x509.AuthorityKeyIdentifierExtension.create(authorityKey, false, webcrypto as Crypto),
    );
  }
  if (spec.aia) {
    extensions.push(
      new x509.AuthorityInfoAccessExtension({ ocsp: spec.aia.ocsp, caIssuers: spec.aia.caIssuers }),
    );
  }
  return [...extensions, ...(spec.extraExtensions ?? [])];
}

/** Issues one certificate as described; self-signed when no issuer is given. */
export async function issue(spec: CertificateSpec): Promise<Authority> {
  const keys = await makeKeyPair(spec.key);
  const subject = new x509.Name(spec.subject);
  const signer = spec.issuer?.keys ?? keys;
  const cert = await x509.X509CertificateGenerator.create(
    {
      serialNumber: spec.serialNumber ?? randomSerial(),
      subject,
      issuer: spec.issuer?.name ?? subject,
      notBefore: spec.notBefore,
      notAfter: spec.notAfter,
      publicKey: keys.publicKey,
      signingKey: signer.privateKey,
      signingAlgorithm: { name: signer.privateKey.algorithm.name, hash: spec.hash ?? 'SHA-256' } as Algorithm,
      extensions: await extensionsFor(spec, keys.publicKey),
    },
    webcrypto as Crypto,
  );
  const der = new Uint8Array(cert.rawData);
  return {
    keys,
    name: subject,
    cert: {
      name: spec.name,
      der,
      pem: toPem(der, 'CERTIFICATE'),
      keyPem: await privateKeyPem(keys.privateKey),
      notBefore: cert.notBefore,
      notAfter: cert.notAfter,
    },
  };
}
