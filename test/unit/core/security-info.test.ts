import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { mapError } from '../../../core/error-map';
import { observationFromSecurityInfo, type SecurityInfoContext } from '../../../core/security-info';
import { makeTestPki, SCENARIO_NAMES, SCENARIO_SPECS, type ScenarioName } from '../../pki';

/** A recording made by test/fixtures/record-firefox.ts from real Firefox ESR. */
interface FirefoxFixture {
  scenario: string;
  recordedAt: string;
  firefoxVersion: string;
  url: string;
  securityInfo?: FirefoxInfo;
  leafFallback?: FirefoxInfo;
  details?: {
    url: string;
    ip: string;
    fromCache: boolean;
    timeStamp: number;
    responseHeaders: { name: string; value: string }[];
  };
  navigationError?: string;
  requestError?: string;
}

interface FirefoxCert {
  subject: string;
  issuer: string;
  validity: { start: number; end: number };
  fingerprint: { sha1: string; sha256: string };
  serialNumber: string;
  isBuiltInRoot: boolean;
  subjectPublicKeyInfoDigest: { sha256: string };
  rawDER?: number[];
}

interface FirefoxInfo {
  state: string;
  overridableErrorCategory?: string;
  certificates: FirefoxCert[];
  [key: string]: unknown;
}

const pki = await makeTestPki();
const FIXTURE_DIR = join(import.meta.dirname, '../../fixtures/firefox');
const DAY = 86_400_000;

function load(name: string): FirefoxFixture {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.json`), 'utf8')) as FirefoxFixture;
}

/** A deep copy, so a test can alter a fixture without touching the others. */
function copy<T>(value: T): T {
  return structuredClone(value);
}

/** The capture context as the extension builds it from onHeadersReceived's details. */
function contextOf(f: FirefoxFixture, extra: Partial<SecurityInfoContext> = {}): SecurityInfoContext {
  return {
    url: f.url,
    capturedAt: f.details?.timeStamp ?? Date.parse(f.recordedAt),
    serverIp: f.details?.ip ?? null,
    fromCache: f.details?.fromCache ?? false,
    dateHeader: f.details?.responseHeaders.find((h) => h.name.toLowerCase() === 'date')?.value ?? null,
    leafFallback: f.leafFallback,
    ...extra,
  };
}

function observe(f: FirefoxFixture, extra: Partial<SecurityInfoContext> = {}) {
  const result = observationFromSecurityInfo(f.securityInfo, contextOf(f, extra));
  if (!result.ok) throw new Error(`${f.scenario}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

const recorded = readdirSync(FIXTURE_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

/** Scenarios Firefox loaded (3-certificate chain built up to the test root) vs. those it refused. */
const LOADED = SCENARIO_NAMES.filter((n) => SCENARIO_SPECS[n].cause === null);
const REFUSED = SCENARIO_NAMES.filter((n) => SCENARIO_SPECS[n].cause !== null);
const OVERRIDES = [
  { fixture: 'override-self-signed', scenario: 'self-signed', category: 'trust_error' },
  { fixture: 'override-expired', scenario: 'expired', category: 'expired_or_not_yet_valid' },
  { fixture: 'override-wrong-host', scenario: 'wrong-host', category: 'domain_mismatch' },
] as const;

describe('recorded Firefox fixtures', () => {
  test('one fixture per scenario, plus plain http and the three overrides', () => {
    expect(recorded.sort()).toEqual(
      [...SCENARIO_NAMES, 'plain-http', ...OVERRIDES.map((o) => o.fixture)].sort(),
    );
  });

  test.each(recorded)('%s was recorded from Firefox with its own URL', (name) => {
    const f = load(name);
    expect(f.scenario).toBe(name);
    expect(f.firefoxVersion).toMatch(/^firefox\/\d+\./);
    expect(Number.isNaN(Date.parse(f.recordedAt))).toBe(false);
    expect(new URL(f.url).hostname).toMatch(/^(127\.0\.0\.1|[a-z0-9-]+\.localhost)$/);
  });
});

describe('observationFromSecurityInfo over real Firefox security info', () => {
  test.each(LOADED)('%s: the chain Firefox built, each certificate parsed from its rawDER', (name) => {
    const f = load(name);
    const obs = observe(f);
    const certs = f.securityInfo!.certificates;
    expect(obs.source).toBe('handshake');
    expect(obs.state).toBe('secure');
    expect(obs.host).toBe(`${name}.localhost`);
    expect(obs.port).toBe(Number(new URL(f.url).port));
    expect(obs.protocolVersion).toBe('TLSv1.3');
    expect(obs.cipherSuite).toMatch(/^TLS_/);
    expect(obs.keaGroupName).toBe(f.securityInfo!.keaGroupName);
    expect(obs.signatureSchemeName).toBe(f.securityInfo!.signatureSchemeName);
    expect(obs.ctStatus).toBe('not_applicable');
    expect(obs.hsts).toBe(false);
    expect(obs.usedEch).toBe(false);
    expect(obs.usedOcsp).toBe(false);
    expect(obs.isExtendedValidation).toBe(false);
    expect(obs.overriddenErrorCategory).toBeNull();
    expect(obs.weaknessReasons).toEqual([]);
    expect(obs.chainErrors).toEqual([]);
    // Leaf, intermediate and the test root: a root the browser does not ship.
    expect(obs.chain).toHaveLength(3);
    expect(obs.builtInRoot).toBe(false);
    obs.chain.forEach((cert, i) => {
      const ff = certs[i]!;
      expect(cert.fingerprintSha256).toBe(ff.fingerprint.sha256);
      expect(cert.spkiSha256).toBe(ff.subjectPublicKeyInfoDigest.sha256);
      expect(cert.serialNumber).toBe(ff.serialNumber.replace(/:/g, ''));
      expect(Date.parse(cert.notBefore)).toBe(ff.validity.start);
      expect(Date.parse(cert.notAfter)).toBe(ff.validity.end);
      expect(cert.isCA).toBe(i > 0);
    });
    expect(obs.chain[0]!.sans).toContainEqual({ type: 'dns', value: `${name}.localhost` });
    expect(obs.chain[2]!.selfIssued).toBe(true);
    expect(obs.serverIp).toBe('127.0.0.1');
    expect(obs.fromCache).toBe(false);
    expect(obs.dateHeader).toMatch(/ GMT$/);
    expect(obs.capturedAt).toBe(new Date(f.details!.timeStamp).toISOString());
  });

  test.each(LOADED)('%s: the leaf is dated as its scenario says, relative to recordedAt', (name) => {
    const f = load(name);
    const leaf = observe(f).chain[0]!;
    const spec = SCENARIO_SPECS[name];
    const now = Math.floor(Date.parse(f.recordedAt) / 1000) * 1000;
    expect(Date.parse(leaf.notBefore)).toBe(now + spec.startDays * DAY);
    expect(Date.parse(leaf.notAfter)).toBe(now + (spec.startDays + spec.lifetimeDays) * DAY);
  });

  test('hostile names stay text: Firefox quotes them, the parsed subject escapes them, nothing is interpreted', () => {
    const f = load('hostile');
    expect(f.securityInfo!.certificates[0]!.subject).toBe(
      'CN="<img src=x onerror=alert(1)>",O="<b>bold</b>"',
    );
    const leaf = observe(f).chain[0]!;
    expect(leaf.commonName).toBe('<img src=x onerror=alert(1)>');
    expect(leaf.subject).toBe('CN=\\<img src=x onerror=alert(1)\\>,O=\\<b\\>bold\\</b\\>');
  });

  test('the valid-398d leaf carries its two embedded SCTs', () => {
    expect(observe(load('valid-398d')).chain[0]!.sctCount).toBe(2);
  });

  test('the rsa leaf is an RSA-2048 key with IP address SANs', () => {
    const leaf = observe(load('rsa')).chain[0]!;
    expect(leaf.key).toMatchObject({ type: 'RSA', bits: 2048 });
    expect(leaf.sans).toEqual(
      expect.arrayContaining([
        { type: 'ip', value: '127.0.0.1' },
        { type: 'ip', value: '::1' },
      ]),
    );
  });

  test('plain http: state insecure, no chain, port from the URL', () => {
    const f = load('plain-http');
    expect(f.securityInfo).toEqual({ state: 'insecure' });
    const obs = observe(f);
    expect(obs).toMatchObject({
      state: 'insecure',
      host: '127.0.0.1',
      port: Number(new URL(f.url).port),
      chain: [],
      chainErrors: [],
      builtInRoot: null,
      protocolVersion: null,
      ctStatus: null,
      hsts: null,
      overriddenErrorCategory: null,
    });
  });

  test.each(OVERRIDES)(
    '$fixture: after a click-through the chain is empty, the leaf comes from the leaf-only answer',
    ({ fixture, scenario, category }) => {
      const f = load(fixture);
      expect(f.securityInfo!.certificates).toEqual([]);
      expect(f.securityInfo!.state).toBe('secure');
      const obs = observe(f);
      expect(obs.overriddenErrorCategory).toBe(category);
      expect(obs.chain).toHaveLength(1);
      expect(obs.chain[0]!.fingerprintSha256).toBe(f.leafFallback!.certificates[0]!.fingerprint.sha256);
      expect(obs.chain[0]!.commonName).toBe(
        scenario === 'wrong-host' ? 'other-name.localhost' : `${scenario}.localhost`,
      );
      // The leaf-only answer says nothing about the root.
      expect(obs.builtInRoot).toBeNull();
      expect(obs.chainErrors).toEqual([]);
    },
  );

  test.each(OVERRIDES)(
    '$fixture: without the leaf-only answer the chain stays empty',
    ({ fixture, category }) => {
      const obs = observe(load(fixture), { leafFallback: undefined });
      expect(obs.chain).toEqual([]);
      expect(obs.overriddenErrorCategory).toBe(category);
    },
  );
});

describe('refused certificates: no security info, error strings from the events', () => {
  test.each(REFUSED)('%s: no security info reaches onHeadersReceived', (name) => {
    const f = load(name);
    expect(f.securityInfo).toBeUndefined();
    const result = observationFromSecurityInfo(f.securityInfo, contextOf(f));
    expect(result).toMatchObject({ ok: false, error: { code: 'no_security_info' } });
  });

  const NSS_CODES: Partial<Record<ScenarioName, number>> = {
    expired: -8181,
    'not-yet-valid': -16379,
    'expired-intermediate': -8162,
    'self-signed': -16370,
    'unknown-issuer': -8179,
    'wrong-host': -12276,
    'missing-intermediate': -8179,
  };
  test.each(REFUSED)(
    '%s: webNavigation gives the NSS code, both strings map to the scenario cause',
    (name) => {
      const f = load(name);
      const n = Number(/^Error code (\d+)$/.exec(f.navigationError ?? '')?.[1]);
      expect(n >>> 16).toBe(0x805a);
      expect(-(n & 0xffff)).toBe(NSS_CODES[name]);
      const cause = SCENARIO_SPECS[name].cause!;
      expect(mapError(f.navigationError!).causes).toContain(cause);
      expect(mapError(f.requestError!).causes).toContain(cause);
    },
  );
});

describe('observationFromSecurityInfo with certificates it cannot parse', () => {
  test.each(['valid-90d', 'hostile', 'rsa'] as const)(
    '%s without rawDER: a summary from Firefox fields, reported in chainErrors',
    (name) => {
      const f = copy(load(name));
      const parsed = observe(load(name));
      for (const c of f.securityInfo!.certificates) delete c.rawDER;
      const obs = observe(f);
      expect(obs.chainErrors.map((e) => e.index)).toEqual([0, 1, 2]);
      expect(obs.chainErrors[0]!.message).toMatch(/rawDER/);
      expect(obs.chain).toHaveLength(3);
      obs.chain.forEach((cert, i) => {
        const full = parsed.chain[i]!;
        // What Firefox's fields can tell matches what the DER says.
        expect(cert).toMatchObject({
          subject: full.subject,
          issuer: full.issuer,
          commonName: full.commonName,
          notBefore: full.notBefore,
          notAfter: full.notAfter,
          serialNumber: full.serialNumber,
          fingerprintSha256: full.fingerprintSha256,
          spkiSha256: full.spkiSha256,
          isCA: full.isCA,
          selfIssued: full.selfIssued,
        });
        // What only the DER can tell is unknown, not guessed.
        expect(cert).toMatchObject({ sans: [], key: { type: 'unknown' }, signatureAlgorithm: 'unknown' });
      });
      expect(obs.builtInRoot).toBe(false);
    },
  );

  test.each([
    ['truncated', (der: number[]) => der.slice(0, 40)],
    ['not a certificate', () => [0x30, 0x03, 0x02, 0x01, 0x05]],
    ['empty', () => []],
  ] as const)('a leaf whose rawDER is %s falls back to Firefox fields', (_label, mangle) => {
    const f = copy(load('valid-47d'));
    const leaf = f.securityInfo!.certificates[0]!;
    leaf.rawDER = mangle(leaf.rawDER!);
    const obs = observe(f);
    expect(obs.chainErrors).toHaveLength(1);
    expect(obs.chainErrors[0]!.index).toBe(0);
    expect(obs.chain).toHaveLength(3);
    expect(obs.chain[0]!.fingerprintSha256).toBe(leaf.fingerprint.sha256);
    expect(obs.chain[0]!.commonName).toBe('valid-47d.localhost');
    expect(obs.chain[1]!.key.type).toBe('EC');
  });

  test('a certificate with neither DER nor subject nor validity is left out, its index reported', () => {
    const f = copy(load('valid-90d'));
    f.securityInfo!.certificates[1] = {} as FirefoxCert;
    const obs = observe(f);
    expect(obs.chain).toHaveLength(2);
    expect(obs.chainErrors).toEqual([{ index: 1, message: expect.stringMatching(/rawDER/) }]);
  });

  test('a leaf-only answer that is malformed is reported, the chain stays empty', () => {
    const f = load('override-self-signed');
    const obs = observe(f, { leafFallback: { certificates: 'nope' } });
    expect(obs.chain).toEqual([]);
    expect(obs.chainErrors).toEqual([{ index: 0, message: expect.stringMatching(/leaf-only/) }]);
  });
});

describe('observationFromSecurityInfo over fresh test-PKI certificates in a recorded shape', () => {
  const shape = load('valid-90d');
  const names: ScenarioName[] = ['valid-6d', 'expired', 'self-signed', 'hostile', 'rsa'];

  test.each(names)('%s: the recorded shape carrying today’s %s chain maps field for field', (name) => {
    const s = pki.scenarios[name];
    const chain = s.served.length > 1 ? [...s.served, pki.root] : [s.leaf];
    const f = copy(shape);
    f.securityInfo!.certificates = chain.map((c, i) => ({
      ...shape.securityInfo!.certificates[Math.min(i, 2)]!,
      rawDER: Array.from(c.der),
      isBuiltInRoot: false,
    }));
    const obs = observe(f, { url: `https://${s.host}/`, capturedAt: pki.now });
    expect(obs.host).toBe(s.host);
    expect(obs.port).toBe(443);
    expect(obs.capturedAt).toBe(new Date(pki.now).toISOString());
    expect(obs.chain).toHaveLength(chain.length);
    expect(obs.chain[0]!.notAfter).toBe(s.leaf.notAfter.toISOString());
    expect(obs.chain[0]!.notBefore).toBe(s.leaf.notBefore.toISOString());
    expect(obs.chain[0]!.commonName).toBe(name === 'hostile' ? '<img src=x onerror=alert(1)>' : s.host);
    expect(obs.chainErrors).toEqual([]);
  });

  test('a built-in root is reported as such', () => {
    const f = copy(shape);
    f.securityInfo!.certificates[2]!.isBuiltInRoot = true;
    expect(observe(f).builtInRoot).toBe(true);
  });
});

describe('observationFromSecurityInfo on unusual or hostile input', () => {
  const base = load('valid-90d');

  test.each([
    ['undefined', undefined, 'no_security_info'],
    ['null', null, 'no_security_info'],
    ['a string', 'secure', 'invalid_security_info'],
    ['a number', 42, 'invalid_security_info'],
    ['an array', [], 'invalid_security_info'],
    ['certificates not a list', { state: 'secure', certificates: 'x' }, 'invalid_security_info'],
    ['state not a string', { state: 5 }, 'invalid_security_info'],
    ['hsts not a boolean', { state: 'secure', hsts: 'yes' }, 'invalid_security_info'],
    ['a DER byte over 255', { state: 'secure', certificates: [{ rawDER: [300] }] }, 'invalid_security_info'],
    [
      'validity not numbers',
      { certificates: [{ subject: 'CN=x', validity: { start: 'a', end: 'b' } }] },
      'invalid_security_info',
    ],
    [
      'an absurdly long chain',
      { certificates: Array.from({ length: 40 }, () => ({})) },
      'invalid_security_info',
    ],
  ])('%s -> %s', (_label, info, code) => {
    const result = observationFromSecurityInfo(info, { url: 'https://a.localhost/', capturedAt: 0 });
    expect(result).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });
  });

  test.each([
    ['not a URL', 'not a url', 0],
    ['a URL without a host', 'file:///etc/passwd', 0],
    ['an invalid capture time', 'https://a.localhost/', Number.NaN],
  ])('%s -> invalid_security_info', (_label, url, capturedAt) => {
    const result = observationFromSecurityInfo(base.securityInfo, { url, capturedAt });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_security_info' } });
  });

  test.each([
    ['https://[::1]:8443/x', '::1', 8443],
    ['https://a.localhost/', 'a.localhost', 443],
    ['http://a.localhost/', 'a.localhost', 80],
    ['https://A.LocalHost:444/', 'a.localhost', 444],
  ])('%s -> host %s, port %d', (url, host, port) => {
    const obs = observe(base, { url });
    expect([obs.host, obs.port]).toEqual([host, port]);
  });

  test('a response from the cache is labelled so', () => {
    const obs = observe(base, { fromCache: true });
    expect([obs.source, obs.fromCache]).toEqual(['cache', true]);
  });

  test('unknown values from a newer Firefox become unknown/null, not errors', () => {
    const f = copy(base);
    Object.assign(f.securityInfo!, {
      state: 'quantum',
      certificateTransparencyStatus: 'policy_new',
      overridableErrorCategory: 'something_else',
      protocolVersion: 'unknown',
      weaknessReasons: 'cipher',
      somethingNew: { nested: true },
    });
    const obs = observe(f);
    expect(obs).toMatchObject({
      state: 'unknown',
      ctStatus: null,
      overriddenErrorCategory: null,
      protocolVersion: null,
      weaknessReasons: ['cipher'],
    });
  });

  test('a weak connection keeps its reasons', () => {
    const f = copy(base);
    Object.assign(f.securityInfo!, { state: 'weak', weaknessReasons: ['cipher'] });
    expect(observe(f)).toMatchObject({ state: 'weak', weaknessReasons: ['cipher'] });
  });

  test('optional context defaults: no IP, no Date header, not from cache', () => {
    const result = observationFromSecurityInfo(base.securityInfo, { url: base.url, capturedAt: 1 });
    expect(result.ok && result.value).toMatchObject({
      serverIp: null,
      dateHeader: null,
      fromCache: false,
      source: 'handshake',
    });
  });

  test.each([
    ['backslash escapes', 'CN=a\\,b\\+c,O=x', 'a,b+c', 'CN=a\\,b\\+c,O=x'],
    ['hex escapes (UTF-8)', 'CN=caf\\C3\\A9,O=x', 'café', 'CN=café,O=x'],
    ['NSS quotes', 'CN="Doe, John",O="A+B"', 'Doe, John', 'CN=Doe\\, John,O=A\\+B'],
    ['multi-valued RDN', 'CN=x+OU=y,O=z', 'x', 'CN=x+OU=y,O=z'],
    ['no CN', 'O=only', null, 'O=only'],
    ['control characters', 'CN="a\u0000b",O=x', 'a\u0000b', 'CN=a\\00b,O=x'],
  ])('names from Firefox fields (%s) are parsed, not split on commas', (_label, subject, cn, printed) => {
    const f = copy(base);
    const leaf = f.securityInfo!.certificates[0]!;
    delete leaf.rawDER;
    leaf.subject = subject;
    const obs = observe(f);
    expect(obs.chain[0]!.commonName).toBe(cn);
    expect(obs.chain[0]!.subject).toBe(printed);
  });
});
