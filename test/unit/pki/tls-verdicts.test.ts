import { createSecureContext } from 'node:tls';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeTestPki, serveScenario, type ScenarioName, type TestPki, type TestServer } from '../../pki';
import { handshake } from './handshake';

/** What Node 20's TLS stack (OpenSSL 3) says for each scenario when only the test root is trusted. */
const VERDICTS: [ScenarioName, string | null][] = [
  ['valid-398d', null],
  ['valid-90d', null],
  ['valid-47d', null],
  ['valid-6d', null],
  ['warn-90d', null],
  ['critical-90d', null],
  ['expired', 'CERT_HAS_EXPIRED'],
  ['not-yet-valid', 'CERT_NOT_YET_VALID'],
  ['expired-intermediate', 'CERT_HAS_EXPIRED'],
  ['self-signed', 'DEPTH_ZERO_SELF_SIGNED_CERT'],
  ['unknown-issuer', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'],
  ['wrong-host', 'ERR_TLS_CERT_ALTNAME_INVALID'],
  ['missing-intermediate', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
  ['rsa', null],
  ['hostile', null],
];

let pki: TestPki;
const servers = new Map<ScenarioName, TestServer>();

beforeAll(async () => {
  pki = await makeTestPki();
  for (const [name] of VERDICTS) servers.set(name, await serveScenario(pki.scenarios[name]));
});
afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
});

describe('each scenario, served over real TLS, gets the verdict Node gives it', () => {
  test('the table covers every scenario', () => {
    expect(VERDICTS.map(([name]) => name).sort()).toEqual(Object.keys(pki.scenarios).sort());
  });

  test.each(VERDICTS)('%s -> %s', async (name, expected) => {
    const scenario = pki.scenarios[name];
    const server = servers.get(name)!;
    const result = await handshake({
      address: server.address,
      port: server.port,
      servername: scenario.host,
      secureContext: createSecureContext({ ca: pki.rootPem }),
    });
    expect(result.authorizationError).toBe(expected);
    expect(result.authorized).toBe(expected === null);
    expect(server.url).toBe(`https://${scenario.host}:${server.port}/`);
  });

  test.each(VERDICTS.map(([name]) => name))('%s: the server sends exactly the served chain', async (name) => {
    const scenario = pki.scenarios[name];
    const server = servers.get(name)!;
    const result = await handshake({
      address: server.address,
      port: server.port,
      servername: scenario.host,
      secureContext: createSecureContext({}),
    });
    expect(result.chain.map((der) => der.toString('hex'))).toEqual(
      scenario.served.map((c) => Buffer.from(c.der).toString('hex')),
    );
  });

  test('the unknown-issuer chain is complete: a client that trusts the other root accepts it', async () => {
    const server = servers.get('unknown-issuer')!;
    const result = await handshake({
      address: server.address,
      port: server.port,
      servername: 'unknown-issuer.localhost',
      secureContext: createSecureContext({ ca: pki.otherRoot.pem }),
    });
    expect(result).toMatchObject({ authorized: true, authorizationError: null });
  });
});
