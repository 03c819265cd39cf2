import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseCertificate } from '../../../core/certificate';
import {
  attributeOf,
  escapeControls,
  formatDistinguishedName,
  parseDistinguishedName,
} from '../../../core/distinguished-name';

/** Names and DER of the certificates real Firefox ESR reported, recorded by test/fixtures/record-firefox.ts. */
interface Recorded {
  securityInfo?: { certificates: { subject: string; issuer: string; rawDER?: number[] }[] };
}

const FIXTURE_DIR = join(import.meta.dirname, '../../fixtures/firefox');
const recorded = readdirSync(FIXTURE_DIR)
  .filter((f) => f.endsWith('.json'))
  .flatMap((file) => {
    const fixture = JSON.parse(readFileSync(join(FIXTURE_DIR, file), 'utf8')) as Recorded;
    return (fixture.securityInfo?.certificates ?? []).map((cert, index) => ({
      name: `${file}#${index}`,
      cert,
    }));
  })
  .filter(({ cert }) => cert.rawDER !== undefined);

describe('names printed from Firefox fields read like names parsed from DER', () => {
  test('the recordings hold certificates with DER', () => {
    expect(recorded.length).toBeGreaterThan(5);
  });

  test.each(recorded)('$name', ({ cert }) => {
    const parsed = parseCertificate(cert.rawDER!);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(formatDistinguishedName(parseDistinguishedName(cert.subject))).toBe(parsed.value.subject);
    expect(formatDistinguishedName(parseDistinguishedName(cert.issuer))).toBe(parsed.value.issuer);
    expect(attributeOf(parseDistinguishedName(cert.subject), 'cn')).toBe(parsed.value.commonName);
  });
});

describe('parseDistinguishedName', () => {
  test.each([
    [
      'plain',
      'CN=a,O=b',
      [
        ['CN', 'a', false],
        ['O', 'b', false],
      ],
    ],
    ['escaped comma and plus', 'CN=a\\,b\\+c', [['CN', 'a,b+c', false]]],
    ['hex escapes as UTF-8', 'CN=caf\\C3\\A9', [['CN', 'café', false]]],
    ['NSS quotes', 'CN="Doe, John"', [['CN', 'Doe, John', false]]],
    [
      'multi-valued RDN',
      'CN=x+OU=y,O=z',
      [
        ['CN', 'x', false],
        ['OU', 'y', true],
        ['O', 'z', false],
      ],
    ],
    [
      'spaces around values',
      ' CN = a , O = b ',
      [
        ['CN', 'a', false],
        ['O', 'b', false],
      ],
    ],
    ['empty', '', []],
    ['no equals sign: a type with an empty value', 'garbage', [['garbage', '', false]]],
    ['unterminated quote', 'CN="a,b', [['CN', 'a,b', false]]],
    ['trailing backslash', 'CN=a\\', [['CN', 'a\\', false]]],
  ] as const)('%s: %s', (_name, dn, expected) => {
    expect(parseDistinguishedName(dn).map((a) => [a.type, a.value, a.joined])).toEqual(expected);
  });
});

describe('formatDistinguishedName escapes as RFC 4514 prints', () => {
  test.each([
    ['specials', 'CN="a,b;c<d>e\\"f"', 'CN=a\\,b\\;c\\<d\\>e\\"f'],
    ['leading hash', 'CN=x,O=\\#y', 'CN=x,O=\\#y'],
    ['control characters', 'CN="a\nb\u007f"', 'CN=a\\0Ab\\7F'],
    ['multi-valued RDN', 'CN=x+OU=y,O=z', 'CN=x+OU=y,O=z'],
  ])('%s: %s', (_name, dn, printed) => {
    expect(formatDistinguishedName(parseDistinguishedName(dn))).toBe(printed);
  });
});

describe('escapeControls', () => {
  test.each([
    ['CN=a\u0000b', 'CN=a\\00b'],
    ['tab\tCR\rLF\n', 'tab\\09CR\\0DLF\\0A'],
    ['DEL\u007f', 'DEL\\7F'],
    ['café 🔒 \u0080', 'café 🔒 \u0080'],
    ['', ''],
  ])('%j -> %j', (text, escaped) => {
    expect(escapeControls(text)).toBe(escaped);
  });
});
