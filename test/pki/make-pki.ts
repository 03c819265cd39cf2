import { issue, type Authority } from './issue';
import { SCENARIO_SPECS, type IssuerRole, type ScenarioSpec } from './scenarios';
import { sctListExtension } from './sct';
import { SCENARIO_NAMES, type Scenario, type ScenarioName, type TestPki } from './types';

const DAY = 86_400_000;
const PKI_ORG = 'certglance test PKI';
const AIA = { ocsp: 'http://pki.localhost/ocsp', caIssuers: 'http://pki.localhost/intermediate.der' };

type Authorities = Record<Exclude<IssuerRole, 'self'>, Authority> & { root: Authority; otherRoot: Authority };

/** `now` rounded down to the second: certificate times have one-second resolution. */
function days(now: number, n: number): Date {
  return new Date(Math.floor(now / 1000) * 1000 + n * DAY);
}

async function makeAuthorities(now: number): Promise<Authorities> {
  const org = { O: [PKI_ORG] };
  const [root, otherRoot] = await Promise.all([
    issue({
      name: 'root',
      subject: [org, { CN: ['certglance Test Root'] }],
      notBefore: days(now, -3650),
      notAfter: days(now, 3650),
      key: 'p384',
      hash: 'SHA-384',
      ca: {},
    }),
    issue({
      name: 'other-root',
      subject: [{ O: ['certglance untrusted PKI'] }, { CN: ['certglance Untrusted Root'] }],
      notBefore: days(now, -3650),
      notAfter: days(now, 3650),
      key: 'rsa2048',
      ca: {},
    }),
  ]);
  const intermediateSpec = (name: string, cn: string, issuer: Authority, start: number, end: number) => ({
    name,
    subject: [org, { CN: [cn] }],
    notBefore: days(now, start),
    notAfter: days(now, end),
    key: 'p256' as const,
    hash: 'SHA-384' as const,
    issuer,
    ca: { pathLength: 0 },
    aia: AIA,
  });
  const [intermediate, expiredIntermediate, otherIntermediate] = await Promise.all([
    issue(intermediateSpec('intermediate', 'certglance Test Intermediate', root, -365, 1825)),
    issue(intermediateSpec('expired-intermediate', 'certglance Test Expired Intermediate', root, -366, -1)),
    issue({
      ...intermediateSpec('other-intermediate', 'certglance Untrusted Intermediate', otherRoot, -365, 1825),
      subject: [{ O: ['certglance untrusted PKI'] }, { CN: ['certglance Untrusted Intermediate'] }],
      hash: 'SHA-256',
    }),
  ]);
  return {
    root,
    otherRoot,
    intermediate,
    'expired-intermediate': expiredIntermediate,
    'other-intermediate': otherIntermediate,
  };
}

async function makeScenario(
  now: number,
  name: ScenarioName,
  spec: ScenarioSpec,
  ca: Authorities,
): Promise<Scenario> {
  const host = `${name}.localhost`;
  const certified = spec.certifiedHost ?? host;
  const subject = spec.subject ?? { O: PKI_ORG, CN: certified };
  const issuer = spec.issuer === 'self' ? undefined : ca[spec.issuer];
  const leaf = await issue({
    name,
    subject: [{ O: [subject.O] }, { CN: [subject.CN] }],
    notBefore: days(now, spec.startDays),
    notAfter: days(now, spec.startDays + spec.lifetimeDays),
    key: spec.key,
    issuer,
    dnsNames: [certified],
    ipAddresses: spec.ipAddresses,
    aia: AIA,
    extraExtensions: spec.scts ? [sctListExtension(spec.scts, now - DAY)] : [],
  });
  const served = issuer && spec.sendIntermediate ? [leaf.cert, issuer.cert] : [leaf.cert];
  return { name, host, leaf: leaf.cert, served, expected: { cause: spec.cause, level: spec.level } };
}

/** Makes the whole test PKI relative to `now`. */
export async function buildTestPki(now: number): Promise<TestPki> {
  const ca = await makeAuthorities(now);
  const made = await Promise.all(
    SCENARIO_NAMES.map((name) => makeScenario(now, name, SCENARIO_SPECS[name], ca)),
  );
  const scenarios = Object.fromEntries(made.map((s) => [s.name, s])) as Record<ScenarioName, Scenario>;
  return {
    now,
    root: ca.root.cert,
    rootPem: ca.root.cert.pem,
    otherRoot: ca.otherRoot.cert,
    intermediate: ca.intermediate.cert,
    expiredIntermediate: ca['expired-intermediate'].cert,
    scenarios,
  };
}

let memo: Promise<TestPki> | undefined;

/**
 * The test PKI: root, intermediates and one leaf per scenario, dated relative to `now` (default: the clock
 * when first called). Without `now` the PKI is made once per process and shared.
 */
export function makeTestPki(options: { now?: number } = {}): Promise<TestPki> {
  if (options.now !== undefined) return buildTestPki(options.now);
  memo ??= buildTestPki(Date.now());
  return memo;
}
