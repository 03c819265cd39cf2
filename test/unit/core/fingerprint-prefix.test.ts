import { describe, expect, test } from 'vitest';
import { parseCertificate } from '../../../core/certificate';
import { fingerprintPrefix } from '../../../core/fingerprint-prefix';
import { makeTestPki } from '../../pki';

const pki = await makeTestPki();
const leaf = parseCertificate(pki.scenarios['valid-90d'].leaf.der);
const fingerprint = leaf.ok ? leaf.value.fingerprintSha256 : '';

describe('fingerprintPrefix', () => {
  test('a real SHA-256 fingerprint is cut to its first four bytes', () => {
    expect(fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(fingerprintPrefix(fingerprint)).toBe(`${fingerprint.slice(0, 11)}…`);
  });

  test.each([
    ['AB:CD:EF:01', 'AB:CD:EF:01'],
    ['AB:CD:EF:01:2', 'AB:CD:EF:01…'],
    ['AA:BB', 'AA:BB'],
    ['', ''],
  ])('%j -> %j', (text, prefix) => {
    expect(fingerprintPrefix(text)).toBe(prefix);
  });
});
