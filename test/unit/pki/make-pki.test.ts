import { X509Certificate } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { buildTestPki, makeTestPki, SCENARIO_NAMES, SCENARIO_SPECS, type ScenarioName } from '../../pki';

const DAY = 86_400_000;
const NOW = Date.UTC(2031, 4, 17, 9, 30, 0);

/** Days left and lifetime of each scenario's leaf, as the scenario table sets them. */
const SHAPES: [ScenarioName, number, number][] = [
  ['valid-398d', 300, 398],
  ['valid-90d', 60, 90],
  ['valid-47d', 15, 47],
  ['valid-6d', 4, 6],
  ['warn-90d', 10, 90],
  ['critical-90d', 3, 90],
  ['expired', -2, 90],
  ['not-yet-valid', 93, 90],
  ['expired-intermediate', 60, 90],
  ['self-signed', 60, 90],
  ['unknown-issuer', 60, 90],
  ['wrong-host', 60, 90],
  ['missing-intermediate', 60, 90],
  ['rsa', 60, 90],
  ['hostile', 60, 90],
];

describe('the test PKI', async () => {
  const pki = await buildTestPki(NOW);

  test('makeTestPki() is memoised; with now it is made for that time', async () => {
    expect(await makeTestPki()).toBe(await makeTestPki());
    expect((await makeTestPki({ now: NOW })).now).toBe(NOW);
  });

  test('the shape table covers every scenario', () => {
    expect(SHAPES.map(([n]) => n)).toEqual([...SCENARIO_NAMES]);
  });

  test.each(SHAPES)('%s: %d days left of %d', (name, left, lifetime) => {
    const { leaf } = pki.scenarios[name];
    expect((leaf.notAfter.getTime() - NOW) / DAY).toBe(left);
    expect((leaf.notAfter.getTime() - leaf.notBefore.getTime()) / DAY).toBe(lifetime);
    const node = new X509Certificate(leaf.der);
    expect(new Date(node.validTo).getTime()).toBe(leaf.notAfter.getTime());
    expect(new Date(node.validFrom).getTime()).toBe(leaf.notBefore.getTime());
  });

  test.each([...SCENARIO_NAMES])('%s: host, SAN, served chain and expectation', (name) => {
    const s = pki.scenarios[name];
    expect(s.name).toBe(name);
    expect(s.host).toBe(`${name}.localhost`);
    const leaf = new X509Certificate(s.leaf.der);
    const certified = name === 'wrong-host' ? 'other-name.localhost' : s.host;
    expect(leaf.subjectAltName?.split(', ')).toContain(`DNS:${certified}`);
    expect(leaf.checkHost(s.host)).toBe(name === 'wrong-host' ? undefined : s.host);
    expect(leaf.ca).toBe(false);
    expect(leaf.infoAccess).toContain('OCSP - URI:http://pki.localhost/ocsp');
    expect(leaf.infoAccess).toContain('CA Issuers - URI:http://pki.localhost/');
    expect(leaf.keyUsage).toContain('1.3.6.1.5.5.7.3.1');
    expect(s.served[0]).toBe(s.leaf);
    expect(s.served).not.toContain(pki.root);
    expect(s.served).not.toContain(pki.otherRoot);
    expect(s.expected).toEqual({ cause: SCENARIO_SPECS[name].cause, level: SCENARIO_SPECS[name].level });
  });

  test.each([
    ['expired-intermediate', 'expiredIntermediate'],
    ['valid-90d', 'intermediate'],
    ['missing-intermediate', 'intermediate'],
  ] as const)('%s is issued by the %s', (name, issuer) => {
    const leaf = new X509Certificate(pki.scenarios[name].leaf.der);
    expect(leaf.checkIssued(new X509Certificate(pki[issuer].der))).toBe(true);
    expect(leaf.verify(new X509Certificate(pki[issuer].der).publicKey)).toBe(true);
  });

  test('intermediates are CA:true pathlen 0 under the root; the expired one expired a day ago', () => {
    const root = new X509Certificate(pki.root.der);
    for (const ca of [pki.intermediate, pki.expiredIntermediate]) {
      const cert = new X509Certificate(ca.der);
      expect(cert.ca).toBe(true);
      expect(cert.checkIssued(root)).toBe(true);
    }
    expect(pki.expiredIntermediate.notAfter.getTime()).toBe(NOW - DAY);
    expect(root.ca).toBe(true);
    expect(root.checkIssued(root)).toBe(true);
    expect(pki.rootPem).toBe(pki.root.pem);
  });

  test('unknown-issuer is issued under the other root, which the PKI root did not sign', () => {
    const [leaf, intermediate] = pki.scenarios['unknown-issuer'].served.map(
      (c) => new X509Certificate(c.der),
    );
    expect(leaf!.checkIssued(intermediate!)).toBe(true);
    expect(intermediate!.checkIssued(new X509Certificate(pki.otherRoot.der))).toBe(true);
    expect(intermediate!.checkIssued(new X509Certificate(pki.root.der))).toBe(false);
  });

  test('self-signed is signed by its own key, under its own name', () => {
    const leaf = new X509Certificate(pki.scenarios['self-signed'].leaf.der);
    expect(leaf.issuer).toBe(leaf.subject);
    expect(leaf.verify(leaf.publicKey)).toBe(true);
    expect(leaf.verify(new X509Certificate(pki.intermediate.der).publicKey)).toBe(false);
  });

  test('rsa has an RSA 2048 key; the others P-256', () => {
    const key = (name: ScenarioName) =>
      new X509Certificate(pki.scenarios[name].leaf.der).publicKey.asymmetricKeyDetails;
    expect(key('rsa')).toMatchObject({ modulusLength: 2048 });
    expect(key('valid-90d')).toMatchObject({ namedCurve: 'prime256v1' });
  });

  test('hostile carries markup in its subject, and its SAN is still the host', () => {
    const leaf = new X509Certificate(pki.scenarios.hostile.leaf.der);
    expect(leaf.toLegacyObject().subject).toMatchObject({
      CN: '<img src=x onerror=alert(1)>',
      O: '<b>bold</b>',
    });
    expect(leaf.subjectAltName).toBe('DNS:hostile.localhost');
  });

  test('private keys are PKCS#8 PEM and match their certificates', async () => {
    const { createPrivateKey, createPublicKey } = await import('node:crypto');
    for (const name of SCENARIO_NAMES) {
      const s = pki.scenarios[name];
      expect(s.leaf.keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
      const fromKey = createPublicKey(createPrivateKey(s.leaf.keyPem)).export({
        type: 'spki',
        format: 'der',
      });
      const fromCert = new X509Certificate(s.leaf.der).publicKey.export({ type: 'spki', format: 'der' });
      expect(fromKey.equals(fromCert)).toBe(true);
    }
  });
});
