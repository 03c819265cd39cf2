import { spawnSync } from 'node:child_process';
import { createHash, webcrypto, X509Certificate } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import * as asn from '@peculiar/asn1-x509';
import * as x509 from '../../pki/x509';
import { IA5String } from 'asn1js';
import { describe, expect, test } from 'vitest';
import { MAX_CERTIFICATE_BYTES, parseCertificate } from '../../../core/certificate';
import { derToPem, pemToDers } from '../../../core/pem';
import type { CertSummary } from '../../../core/types';
import { issue, makeTestPki, SCENARIO_NAMES, sctListExtension, type IssuedCert } from '../../pki';

const pki = await makeTestPki();
const intermediateFor = { O: ['certglance test PKI'] };
const issuerOf = await issue({
  name: 'edge-issuer',
  subject: [intermediateFor, { CN: ['certglance Edge Issuer'] }],
  notBefore: new Date(Date.UTC(1950, 0, 1)),
  notAfter: new Date(Date.UTC(9999, 11, 31, 23, 59, 59)),
  key: 'p256',
  ca: {},
});

/** Certificates outside the scenarios: absurd dates, padded serials, unusual names and SCT lists. */
const edge = {
  absurdDates: await issue({
    name: 'absurd-dates',
    subject: [{ CN: ['absurd.localhost'] }],
    notBefore: new Date(Date.UTC(1950, 0, 1)),
    notAfter: new Date(Date.UTC(9999, 11, 31, 23, 59, 59)),
    key: 'p256',
    issuer: issuerOf,
    dnsNames: ['absurd.localhost'],
    serialNumber: '8000000000000000000000000000000001',
  }),
  ipAndControls: await issue({
    name: 'ip-and-controls',
    subject: [{ O: ['Line\r\nBreak, Inc.'] }, { CN: ['tab\there\u0000nul'] }],
    notBefore: new Date(Date.UTC(2020, 0, 1)),
    notAfter: new Date(Date.UTC(2049, 11, 31)),
    key: 'p256',
    issuer: issuerOf,
    dnsNames: ['a.localhost', '*.b.localhost'],
    // The generator cannot encode dotted IPv4-mapped text: ::ffff:c000:201 is ::ffff:192.0.2.1.
    ipAddresses: ['127.0.0.2', '2001:db8::42', '::ffff:c000:201'],
    serialNumber: '01',
  }),
  otherNameSan: await issue({
    name: 'othername-san',
    subject: [{ CN: ['srv.localhost'] }],
    notBefore: new Date(Date.UTC(2020, 0, 1)),
    notAfter: new Date(Date.UTC(2030, 0, 1)),
    key: 'p256',
    issuer: issuerOf,
    // An SRVName otherName (RFC 4985), which x509 cannot read, before the DNS and IP names.
    sanExtension: new x509.Extension(
      '2.5.29.17',
      false,
      AsnConvert.serialize(
        new asn.GeneralNames([
          new asn.GeneralName({
            otherName: new asn.OtherName({
              typeId: '1.3.6.1.5.5.7.8.7',
              value: new IA5String({ value: '_https.srv.localhost' }).toBER(),
            }),
          }),
          new asn.GeneralName({ dNSName: 'srv.localhost' }),
          new asn.GeneralName({ iPAddress: '127.0.0.3' }),
        ]),
      ),
    ),
  }),
  threeScts: await issue({
    name: 'three-scts',
    subject: [{ CN: ['scts.localhost'] }],
    notBefore: new Date(Date.UTC(2020, 0, 1)),
    notAfter: new Date(Date.UTC(2030, 0, 1)),
    key: 'p256',
    issuer: issuerOf,
    dnsNames: ['scts.localhost'],
    extraExtensions: [sctListExtension(3, Date.UTC(2020, 0, 1))],
  }),
  badScts: await issue({
    name: 'malformed-scts',
    subject: [{ CN: ['bad-scts.localhost'] }],
    notBefore: new Date(Date.UTC(2020, 0, 1)),
    notAfter: new Date(Date.UTC(2030, 0, 1)),
    key: 'p256',
    issuer: issuerOf,
    dnsNames: ['bad-scts.localhost'],
    extraExtensions: [sctListExtension(2, Date.UTC(2020, 0, 1), { malformed: true })],
  }),
};

const ALL: IssuedCert[] = [
  pki.root,
  pki.otherRoot,
  pki.intermediate,
  pki.expiredIntermediate,
  ...pki.scenarios['unknown-issuer'].served.slice(1),
  ...SCENARIO_NAMES.map((name) => pki.scenarios[name].leaf),
  issuerOf.cert,
  ...Object.values(edge).map((a) => a.cert),
];

function parsed(cert: IssuedCert | Uint8Array): CertSummary {
  const result = parseCertificate(cert instanceof Uint8Array ? cert : cert.der);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** What OpenSSL prints for a certificate: an independent reading of the same DER. */
function openssl(der: Uint8Array): string {
  const out = spawnSync('openssl', ['x509', '-inform', 'DER', '-noout', '-text'], {
    input: der,
    encoding: 'utf8',
  });
  if (out.status !== 0) throw new Error(out.stderr);
  return out.stdout;
}

function opensslKeyId(text: string, label: 'Subject' | 'Authority'): string | null {
  const match = new RegExp(`X509v3 ${label} Key Identifier: *\\n\\s*(?:keyid:)?([0-9A-F:]+)`).exec(text);
  return match?.[1] ?? null;
}

/** The normal text form of an IP address: RFC 5952 (via WHATWG URL serialisation), IPv4-mapped dotted (5952, 5). */
function normalIp(ip: string): string {
  if (!ip.includes(':')) return ip;
  const text = new URL(`http://[${ip}]/`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(text);
  if (!mapped) return text;
  const [hi, lo] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
  return `::ffff:${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
}

const NODE_CURVES: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

describe('parseCertificate agrees with Node and OpenSSL on every certificate the test PKI makes', () => {
  test.each(ALL.map((c) => [c.name, c] as const))('%s', (_name, cert) => {
    const s = parsed(cert);
    const node = new X509Certificate(cert.der);

    expect(s.fingerprintSha256).toBe(node.fingerprint256);
    // Node drops the 00 pad of a serial whose first byte has the high bit set; Firefox (and we) keep it.
    expect(s.serialNumber.replace(/^00(?=[89A-F])/, '')).toBe(node.serialNumber);
    expect(s.notBefore).toBe(new Date(node.validFrom).toISOString());
    expect(s.notAfter).toBe(new Date(node.validTo).toISOString());
    expect(s.notBefore).toBe(cert.notBefore.toISOString());
    expect(s.notAfter).toBe(cert.notAfter.toISOString());
    expect(s.isCA).toBe(node.ca);

    const sans = (node.subjectAltName ?? '').split(', ').filter((n) => /^(DNS|IP Address):/.test(n));
    expect(s.sans).toEqual(
      sans.map((san) =>
        san.startsWith('DNS:')
          ? { type: 'dns', value: san.slice(4) }
          : { type: 'ip', value: normalIp(san.slice('IP Address:'.length)) },
      ),
    );

    const key = node.publicKey;
    const details = key.asymmetricKeyDetails ?? {};
    expect(s.key).toEqual(
      key.asymmetricKeyType === 'rsa'
        ? { type: 'RSA', bits: details.modulusLength }
        : { type: 'EC', curve: NODE_CURVES[details.namedCurve ?? ''] },
    );
    const spki = key.export({ type: 'spki', format: 'der' });
    expect(s.spkiSha256).toBe(createHash('sha256').update(spki).digest('base64'));

    const info = (node.infoAccess ?? '').split('\n').filter(Boolean);
    expect(s.ocspUrls).toEqual(info.filter((l) => l.startsWith('OCSP - URI:')).map((l) => l.slice(11)));
    expect(s.caIssuerUrls).toEqual(
      info.filter((l) => l.startsWith('CA Issuers - URI:')).map((l) => l.slice(17)),
    );

    const text = openssl(cert.der);
    expect(s.signatureAlgorithm).toBe(/Signature Algorithm: (\S+)/.exec(text)?.[1]);
    expect(s.subjectKeyId).toBe(opensslKeyId(text, 'Subject'));
    expect(s.authorityKeyId).toBe(opensslKeyId(text, 'Authority'));
    expect(s.sctCount).toBe((text.match(/Signed Certificate Timestamp:/g) ?? []).length);
  });
});

describe('fields against what the test PKI put in', () => {
  test.each([...SCENARIO_NAMES])('%s leaf: names, host and chain position', (name) => {
    const scenario = pki.scenarios[name];
    const s = parsed(scenario.leaf);
    const certified = name === 'wrong-host' ? 'other-name.localhost' : scenario.host;
    if (name !== 'hostile') {
      expect(s.subject).toBe(`CN=${certified},O=certglance test PKI`);
      expect(s.commonName).toBe(certified);
    }
    expect(s.sans).toContainEqual({ type: 'dns', value: certified });
    expect(s.isCA).toBe(false);
    expect(s.selfIssued).toBe(name === 'self-signed');
    expect(s.ocspUrls).toEqual(['http://pki.localhost/ocsp']);
    expect(s.caIssuerUrls).toEqual(['http://pki.localhost/intermediate.der']);
    const issuer = scenario.served[1] ?? (name === 'missing-intermediate' ? pki.intermediate : scenario.leaf);
    expect(s.issuer).toBe(parsed(issuer).subject);
    expect(s.authorityKeyId).toBe(parsed(issuer).subjectKeyId);
  });

  test.each([
    [
      'root',
      pki.root,
      'CN=certglance Test Root,O=certglance test PKI',
      true,
      'ecdsa-with-SHA384',
      { type: 'EC', curve: 'P-384' },
    ],
    [
      'other root',
      pki.otherRoot,
      'CN=certglance Untrusted Root,O=certglance untrusted PKI',
      true,
      'sha256WithRSAEncryption',
      { type: 'RSA', bits: 2048 },
    ],
    [
      'intermediate',
      pki.intermediate,
      'CN=certglance Test Intermediate,O=certglance test PKI',
      false,
      'ecdsa-with-SHA384',
      { type: 'EC', curve: 'P-256' },
    ],
    [
      'valid leaf',
      pki.scenarios['valid-90d'].leaf,
      'CN=valid-90d.localhost,O=certglance test PKI',
      false,
      'ecdsa-with-SHA256',
      { type: 'EC', curve: 'P-256' },
    ],
    [
      'RSA leaf',
      pki.scenarios.rsa.leaf,
      'CN=rsa.localhost,O=certglance test PKI',
      false,
      'ecdsa-with-SHA256',
      { type: 'RSA', bits: 2048 },
    ],
  ] as const)(
    '%s: subject, self-issued, signature and key',
    (_label, cert, subject, selfIssued, signature, key) => {
      const s = parsed(cert);
      expect(s.subject).toBe(subject);
      expect(s.selfIssued).toBe(selfIssued);
      expect(s.signatureAlgorithm).toBe(signature);
      expect(s.key).toEqual(key);
    },
  );

  test('CA certificates say so; roots carry no AKI here, intermediates point at the root', () => {
    expect(parsed(pki.root)).toMatchObject({ isCA: true, authorityKeyId: null });
    expect(parsed(pki.intermediate)).toMatchObject({
      isCA: true,
      authorityKeyId: parsed(pki.root).subjectKeyId,
    });
    expect(parsed(pki.expiredIntermediate).isCA).toBe(true);
  });

  test('the hostile subject comes back as text: verbatim in commonName, RFC 4514-escaped in subject', () => {
    const s = parsed(pki.scenarios.hostile.leaf);
    expect(s.commonName).toBe('<img src=x onerror=alert(1)>');
    expect(s.subject).toBe('CN=\\<img src=x onerror=alert(1)\\>,O=\\<b\\>bold\\</b\\>');
    expect(s.sans).toEqual([{ type: 'dns', value: 'hostile.localhost' }]);
  });

  test('control characters in names are escaped in the DN and kept verbatim in commonName', () => {
    const s = parsed(edge.ipAndControls.cert);
    expect(s.commonName).toBe('tab\there\u0000nul');
    expect(s.subject).toBe('CN=tab\\09here\\00nul,O=Line\\0D\\0ABreak\\, Inc.');
    expect(Array.from(s.subject).filter((c) => c.charCodeAt(0) < 0x20)).toEqual([]);
  });

  test('IP SANs come back in normal text form, IPv4-mapped IPv6 dotted', () => {
    expect(parsed(edge.ipAndControls.cert).sans).toEqual([
      { type: 'dns', value: 'a.localhost' },
      { type: 'dns', value: '*.b.localhost' },
      { type: 'ip', value: '127.0.0.2' },
      { type: 'ip', value: '2001:db8::42' },
      { type: 'ip', value: '::ffff:192.0.2.1' },
    ]);
    expect(parsed(pki.scenarios.rsa.leaf).sans).toEqual([
      { type: 'dns', value: 'rsa.localhost' },
      { type: 'ip', value: '127.0.0.1' },
      { type: 'ip', value: '::1' },
    ]);
  });

  test('an otherName that x509 cannot read does not hide the DNS and IP names beside it', () => {
    expect(new X509Certificate(edge.otherNameSan.cert.der).subjectAltName).toMatch(/^othername:/);
    expect(parsed(edge.otherNameSan.cert).sans).toEqual([
      { type: 'dns', value: 'srv.localhost' },
      { type: 'ip', value: '127.0.0.3' },
    ]);
  });

  test('absurd dates (1950, 9999) parse', () => {
    const s = parsed(edge.absurdDates.cert);
    expect(s.notBefore).toBe('1950-01-01T00:00:00.000Z');
    expect(s.notAfter).toBe('9999-12-31T23:59:59.000Z');
    expect(parsed(issuerOf.cert).notAfter).toBe('9999-12-31T23:59:59.000Z');
  });

  test.each([
    [
      'high-bit serial keeps its 00 pad, as Firefox prints it',
      edge.absurdDates.cert,
      '008000000000000000000000000000000001',
    ],
    ['one-byte serial', edge.ipAndControls.cert, '01'],
  ])('%s', (_label, cert, serial) => {
    expect(parsed(cert).serialNumber).toBe(serial);
  });

  test.each([
    ['two SCTs', pki.scenarios['valid-398d'].leaf, 2],
    ['three SCTs', edge.threeScts.cert, 3],
    ['a malformed SCT list counts 0', edge.badScts.cert, 0],
    ['no SCT extension', pki.scenarios['valid-90d'].leaf, 0],
  ])('%s', (_label, cert, count) => {
    expect(parsed(cert).sctCount).toBe(count);
  });

  test('Firefox rawDER (array of numbers), ArrayBuffer and Uint8Array give the same summary', () => {
    const der = pki.scenarios['valid-90d'].leaf.der;
    const expected = parsed(der);
    expect(parseCertificate(Array.from(der))).toEqual({ ok: true, value: expected });
    expect(parseCertificate(der.slice().buffer)).toEqual({ ok: true, value: expected });
  });

  test('the summary is plain JSON', () => {
    const s = parsed(pki.scenarios['valid-398d'].leaf);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});

/** A copy of `der` with the first occurrence of `from` (ASCII) replaced by `to`. */
function patchAscii(der: Uint8Array, from: string, to: string): Uint8Array {
  const hex = Buffer.from(der).toString('hex');
  const at = hex.indexOf(Buffer.from(from).toString('hex'));
  if (at < 0) throw new Error(`${from} not in certificate`);
  return Uint8Array.from(
    Buffer.from(hex.slice(0, at) + Buffer.from(to).toString('hex') + hex.slice(at + from.length * 2), 'hex'),
  );
}

describe('bad input returns an error, never throws', () => {
  const der = pki.scenarios['valid-90d'].leaf.der;
  const pem = pki.scenarios['valid-90d'].leaf.pem;
  const validFrom = pki.scenarios['valid-90d'].leaf.notBefore
    .toISOString()
    .replace(/^\d\d(\d\d)-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d).*$/, '$1$2$3$4$5$6Z');

  const row = (label: string, code: string, input: unknown) => [label, code, input as Uint8Array] as const;
  const patched = (from: string) => patchAscii(der, validFrom, from);
  test.each([
    row('empty bytes', 'empty', new Uint8Array(0)),
    row('empty array', 'empty', []),
    row('empty buffer', 'empty', new ArrayBuffer(0)),
    row('truncated by one byte', 'malformed_der', der.slice(0, -1)),
    row('only the first 10 bytes', 'malformed_der', der.slice(0, 10)),
    row('one byte', 'malformed_der', der.slice(0, 1)),
    row('trailing bytes after the certificate', 'malformed_der', Uint8Array.from([...der, 0, 0])),
    row('two certificates back to back', 'malformed_der', Uint8Array.from([...der, ...der])),
    row('random bytes', 'malformed_der', webcrypto.getRandomValues(new Uint8Array(1000))),
    row('a PEM string as bytes', 'malformed_der', new TextEncoder().encode(pem)),
    row(
      'base64 text as bytes',
      'malformed_der',
      new TextEncoder().encode(pem.split('\n').slice(1, -2).join('')),
    ),
    row('an empty SEQUENCE', 'malformed_der', Uint8Array.from([0x30, 0x00])),
    row('an indefinite-length SEQUENCE', 'malformed_der', Uint8Array.from([0x30, 0x80, 0x00, 0x00])),
    row(
      '30 000 nested SEQUENCEs',
      'malformed_der',
      Uint8Array.from({ length: 60_000 }, (_, i) => (i % 2 ? 0x80 : 0x30)),
    ),
    row(
      'a public key, not a certificate',
      'malformed_der',
      new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' }),
    ),
    row('a date with letters in it', 'malformed_der', patched(validFrom.replace(/^\d\d\d\d/, '13xx'))),
    row('a date in month 13', 'malformed_der', patched(validFrom.replace(/^(\d\d)\d\d/, '$113'))),
    row('a date on day 32', 'malformed_der', patched(validFrom.replace(/^(\d\d\d\d)\d\d/, '$132'))),
    row('a date at hour 24', 'malformed_der', patched(validFrom.replace(/^(\d{6})\d\d/, '$124'))),
    row('100 KB of zeros', 'too_large', new Uint8Array(100_000)),
    row(
      'a certificate padded to 100 KB',
      'too_large',
      Uint8Array.from({ length: 100_000 }, (_, i) => der[i] ?? 0),
    ),
    row(
      'an array of 100 000 numbers',
      'too_large',
      Array.from({ length: 100_000 }, () => 0),
    ),
    row('numbers out of byte range', 'malformed_der', [...der.slice(0, -1), 256]),
    row('negative and fractional numbers', 'malformed_der', [0x30, -1, 1.5]),
    row('a string', 'malformed_der', pem),
    row('null', 'malformed_der', null),
    row('an object', 'malformed_der', { length: 3 }),
  ])('%s -> %s', (_label, code, input) => {
    const result = parseCertificate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).not.toBe('');
    }
  });

  test('the date patching itself keeps a valid certificate valid (the control for the date rows)', () => {
    expect(parseCertificate(patchAscii(der, validFrom, validFrom)).ok).toBe(true);
  });

  test('64 KiB is the limit, inclusive', () => {
    expect(MAX_CERTIFICATE_BYTES).toBe(65_536);
    expect(parseCertificate(new Uint8Array(65_536))).toMatchObject({
      ok: false,
      error: { code: 'malformed_der' },
    });
    expect(parseCertificate(new Uint8Array(65_537))).toMatchObject({
      ok: false,
      error: { code: 'too_large' },
    });
  });

  test('every truncation of a certificate is an error', () => {
    for (let n = 0; n < der.length; n += 3) {
      expect(parseCertificate(der.slice(0, n)).ok, `length ${n}`).toBe(false);
    }
  });

  test('flipping any single byte never throws', () => {
    for (let i = 0; i < der.length; i += 2) {
      const damaged = der.slice();
      damaged[i] = damaged[i]! ^ 0xff;
      expect(() => parseCertificate(damaged), `byte ${i}`).not.toThrow();
    }
  });
});

describe('PEM', () => {
  test.each([...SCENARIO_NAMES])('%s: the served chain round-trips through PEM', (name) => {
    const served = pki.scenarios[name].served;
    const ders = pemToDers(served.map((c) => c.pem).join(''));
    expect(ders.map((d) => Buffer.from(d).toString('hex'))).toEqual(
      served.map((c) => Buffer.from(c.der).toString('hex')),
    );
  });

  test('derToPem writes what openssl and Node read back', () => {
    const der = pki.scenarios.rsa.leaf.der;
    const pem = derToPem(der);
    expect(pem).toBe(pki.scenarios.rsa.leaf.pem);
    expect(pem.split('\n').every((line) => line.length <= 64)).toBe(true);
    expect(new X509Certificate(pem).fingerprint256).toBe(new X509Certificate(der).fingerprint256);
    expect(derToPem(Array.from(der))).toBe(pem);
    expect(derToPem(der.slice().buffer)).toBe(pem);
  });

  test.each([
    ['no blocks', 'hello', 0],
    [
      'CRLF line endings and text around the blocks',
      `subject=x\r\n${pki.root.pem.replaceAll('\n', '\r\n')}junk\n${pki.intermediate.pem}`,
      2,
    ],
    ['a private key block is not a certificate', pki.scenarios.rsa.leaf.keyPem, 0],
    [
      'damaged base64 is skipped',
      `-----BEGIN CERTIFICATE-----\n@@@@\n-----END CERTIFICATE-----\n${pki.root.pem}`,
      1,
    ],
    ['an unterminated block is ignored', pki.root.pem.replace('-----END CERTIFICATE-----', ''), 0],
  ])('%s', (_label, text, count) => {
    expect(pemToDers(text)).toHaveLength(count);
  });
});
