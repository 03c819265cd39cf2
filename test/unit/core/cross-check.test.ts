import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Cause } from '../../../core/causes';
import { parseCertificate } from '../../../core/certificate';
import { crossCheck, type CrossCheckVerdict } from '../../../core/cross-check';
import { certificateLevel } from '../../../core/expiry';
import { inspectReportSchema, type AddressReport, type InspectReport } from '../../../core/probe-report';
import { observationFromSecurityInfo } from '../../../core/security-info';
import type { Observation, OverridableErrorCategory } from '../../../core/types';
import { issue, makeTestPki, type Authority, type IssuedCert } from '../../pki';

const DAY = 86_400_000;
const MIN = 60_000;
const HOST = 'shop.localhost';

const pki = await makeTestPki();
const NOW = Math.floor(pki.now / 1000) * 1000;
const at = (days: number): Date => new Date(NOW + days * DAY);

/** A public-looking hierarchy (its root plays a root the browser ships), and a TLS-inspection root installed locally. */
const publicRoot = await issue({
  name: 'public-root',
  subject: [{ O: ['Example Public Trust'] }, { CN: ['Example Public Root R1'] }],
  notBefore: at(-3000),
  notAfter: at(3000),
  key: 'p256',
  ca: {},
});
const publicCa = await issue({
  name: 'public-ca',
  subject: [{ O: ['Example Public Trust'] }, { CN: ['Example Public CA 1'] }],
  notBefore: at(-900),
  notAfter: at(900),
  key: 'p256',
  issuer: publicRoot,
  ca: { pathLength: 0 },
});
const inspectionRoot = await issue({
  name: 'inspection-root',
  subject: [{ O: ['Corp Network Security'] }, { CN: ['Corp TLS Inspection CA'] }],
  notBefore: at(-400),
  notAfter: at(4000),
  key: 'p256',
  ca: {},
});

async function leaf(
  name: string,
  issuer: Authority,
  startDays: number,
  lifetimeDays: number,
): Promise<IssuedCert> {
  const made = await issue({
    name,
    subject: [{ CN: [HOST] }],
    notBefore: at(startDays),
    notAfter: at(startDays + lifetimeDays),
    key: 'p256',
    issuer,
    dnsNames: [HOST],
  });
  return made.cert;
}

/** The site's current certificate, a renewal, an expired one left on a node, and the inspecting proxy's forgery. */
const current = await leaf('current', publicCa, -30, 90);
const renewed = await leaf('renewed', publicCa, -1, 90);
const stale = await leaf('stale', publicCa, -92, 90);
const forged = await leaf('forged', inspectionRoot, -1, 30);

const SITE_CHAIN = [current, publicCa.cert, publicRoot.cert];
const FORGED_CHAIN = [forged, inspectionRoot.cert];

function fingerprintOf(cert: IssuedCert): string {
  const parsed = parseCertificate(cert.der);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value.fingerprintSha256;
}

/** The recorded Firefox shape (valid-90d) carrying `chain`, turned into an Observation by the real adapter. */
const shape = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/firefox/valid-90d.json'), 'utf8'),
) as {
  securityInfo: { certificates: Record<string, unknown>[] } & Record<string, unknown>;
};

interface ObsOptions {
  chain?: IssuedCert[];
  builtInRoot?: boolean;
  serverIp?: string | null;
  capturedAt?: number;
  dateHeader?: string | null;
  override?: OverridableErrorCategory;
  /** After an override: the leaf-only answer, or none. */
  leafOnly?: boolean;
}

function observation(o: ObsOptions = {}): Observation {
  const chain = o.chain ?? SITE_CHAIN;
  const certificates = chain.map((c, i) => ({
    ...shape.securityInfo.certificates[Math.min(i, 2)],
    rawDER: Array.from(c.der),
    isBuiltInRoot: i === chain.length - 1 ? (o.builtInRoot ?? true) : false,
  }));
  const info = {
    ...shape.securityInfo,
    certificates: o.override ? [] : certificates,
    ...(o.override ? { overridableErrorCategory: o.override } : {}),
  };
  const result = observationFromSecurityInfo(info, {
    url: `https://${HOST}/`,
    capturedAt: o.capturedAt ?? NOW,
    serverIp: o.serverIp === undefined ? '127.0.0.2' : o.serverIp,
    dateHeader: o.dateHeader === undefined ? new Date(o.capturedAt ?? NOW).toUTCString() : o.dateHeader,
    leafFallback: o.override && o.leafOnly ? { ...info, certificates: certificates.slice(0, 1) } : undefined,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

interface AddressOptions {
  chain?: IssuedCert[];
  cause?: Cause | null;
  rawError?: string | null;
  /** A connection that failed before any certificate: error code as the probe reports it (with its cause). */
  errorCode?: string;
  clockSkewSeconds?: number | null;
}

/** One address of a probe report, its chain parsed from real DER by the core's parser. */
function address(ip: string, o: AddressOptions = {}): AddressReport {
  const chain = o.errorCode ? [] : (o.chain ?? [current, publicCa.cert]);
  const cause = o.cause ?? null;
  return {
    ip,
    family: 4,
    ok: !o.errorCode,
    ...(o.errorCode ? { error: { code: o.errorCode, message: `${o.errorCode} at ${ip}` } } : {}),
    tls: o.errorCode ? null : { protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384' },
    chain: chain.map((c) => {
      const parsed = parseCertificate(c.der);
      if (!parsed.ok) throw new Error(parsed.error.message);
      const status = certificateLevel(parsed.value, NOW);
      return {
        ...parsed.value,
        daysLeft: status.daysLeft,
        lifetimeDays: status.lifetimeMs / DAY,
        level: status.level,
      };
    }),
    verification: {
      trusted: !o.errorCode && (cause === null || cause === 'server_clock_skew'),
      cause,
      rawError: o.rawError ?? null,
      hostnameMatch: o.errorCode ? null : true,
      depth: cause ? 0 : null,
    },
    ocsp: { stapled: false },
    serverDate: null,
    clockSkewSeconds: o.clockSkewSeconds === undefined ? 0 : o.clockSkewSeconds,
    timings: { connectMs: 1, handshakeMs: 3, totalMs: 5 },
  };
}

/** A probe report, checked against the probe's contract schema. */
function report(addresses: AddressReport[], o: { probedAt?: number; cached?: boolean } = {}): InspectReport {
  return inspectReportSchema.parse({
    target: { host: HOST, port: 443 },
    probedAt: new Date(o.probedAt ?? NOW).toISOString(),
    addresses,
    summary: {
      status: addresses.every((a) => a.ok && a.verification.trusted) ? 'ok' : 'error',
      earliestExpiry: null,
      consistent: new Set(addresses.map((a) => a.chain[0]?.fingerprintSha256 ?? '')).size <= 1,
      causes: [],
    },
    ...(o.cached === undefined ? {} : { cached: o.cached }),
  });
}

const FP = {
  current: fingerprintOf(current),
  renewed: fingerprintOf(renewed),
  stale: fingerprintOf(stale),
  forged: fingerprintOf(forged),
};
const short = (fp: string): string => fp.slice(0, 11);

interface VerdictCase {
  name: string;
  obs: Observation;
  report: InspectReport;
  verdict: CrossCheckVerdict;
  causes: Cause[];
  matched: string | null;
  /** Per address: [ip, sameAsBrowser, ok, cause]. */
  perAddress: [string, boolean, boolean, Cause | null][];
  /** Facts the verdict's sentence must name. */
  mentions: string[];
}

const VERDICTS: VerdictCase[] = [
  {
    name: 'same leaf at the address the browser used',
    obs: observation(),
    report: report([address('127.0.0.2')]),
    verdict: 'same',
    causes: [],
    matched: '127.0.0.2',
    perAddress: [['127.0.0.2', true, true, null]],
    mentions: [short(FP.current), '127.0.0.2'],
  },
  {
    name: 'same leaf on a private PKI (root not built in, but the probe sees it too)',
    obs: observation({ builtInRoot: false }),
    report: report([address('127.0.0.2')]),
    verdict: 'same',
    causes: [],
    matched: '127.0.0.2',
    perAddress: [['127.0.0.2', true, true, null]],
    mentions: [short(FP.current)],
  },
  {
    name: 'two nodes with the same leaf: the browser’s own address is the match',
    obs: observation({ serverIp: '127.0.0.3' }),
    report: report([address('127.0.0.2'), address('127.0.0.3')]),
    verdict: 'same',
    causes: [],
    matched: '127.0.0.3',
    perAddress: [
      ['127.0.0.2', true, true, null],
      ['127.0.0.3', true, true, null],
    ],
    mentions: ['127.0.0.2, 127.0.0.3'],
  },
  {
    name: 'nodes serve different valid leaves and the browser got one of them',
    obs: observation({ serverIp: '127.0.0.3' }),
    report: report([address('127.0.0.2', { chain: [renewed, publicCa.cert] }), address('127.0.0.3')]),
    verdict: 'same',
    causes: [],
    matched: '127.0.0.3',
    perAddress: [
      ['127.0.0.2', false, true, null],
      ['127.0.0.3', true, true, null],
    ],
    mentions: ['127.0.0.3'],
  },
  {
    name: 'renewed since the page loaded: different leaf, built-in root',
    obs: observation(),
    report: report([
      address('127.0.0.2', { chain: [renewed, publicCa.cert] }),
      address('127.0.0.3', { chain: [renewed, publicCa.cert] }),
    ]),
    verdict: 'different_leaf',
    causes: [],
    matched: null,
    perAddress: [
      ['127.0.0.2', false, true, null],
      ['127.0.0.3', false, true, null],
    ],
    mentions: [short(FP.current), short(FP.renewed), '127.0.0.2', '127.0.0.3', 'load balancer', 'renewal'],
  },
  {
    name: 'browser reached an address the probe did not resolve',
    obs: observation({ serverIp: '127.0.0.9' }),
    report: report([address('127.0.0.2', { chain: [renewed, publicCa.cert] })]),
    verdict: 'different_leaf',
    causes: [],
    matched: null,
    perAddress: [['127.0.0.2', false, true, null]],
    mentions: ['127.0.0.9', 'did not reach'],
  },
  {
    name: 'root unknown and no warning clicked through: a different leaf, not an accusation',
    obs: { ...observation({ chain: FORGED_CHAIN }), builtInRoot: null },
    report: report([address('127.0.0.2')]),
    verdict: 'different_leaf',
    causes: [],
    matched: null,
    perAddress: [['127.0.0.2', false, true, null]],
    mentions: [short(FP.forged), short(FP.current)],
  },
  {
    name: 'forged leaf chained to a locally installed root: interception',
    obs: observation({ chain: FORGED_CHAIN, builtInRoot: false }),
    report: report([address('127.0.0.2')]),
    verdict: 'interception_suspected',
    causes: ['interception_suspected'],
    matched: null,
    perAddress: [['127.0.0.2', false, true, null]],
    mentions: [
      short(FP.forged),
      short(FP.current),
      'Corp TLS Inspection CA',
      'does not ship with the browser',
      'proxy',
      '127.0.0.2',
    ],
  },
  {
    name: 'clicked-through certificate the site does not serve: interception',
    obs: observation({ chain: FORGED_CHAIN, override: 'trust_error', leafOnly: true }),
    report: report([address('127.0.0.2')]),
    verdict: 'interception_suspected',
    causes: ['interception_suspected'],
    matched: null,
    perAddress: [['127.0.0.2', false, true, null]],
    mentions: ['trust_error', short(FP.forged)],
  },
  {
    name: 'forgery seen while one backend also fails: interception first, both findings',
    obs: observation({ chain: FORGED_CHAIN, builtInRoot: false }),
    report: report([
      address('127.0.0.2'),
      address('127.0.0.3', { chain: [stale, publicCa.cert], cause: 'expired' }),
    ]),
    verdict: 'interception_suspected',
    causes: ['interception_suspected', 'inconsistent_backends'],
    matched: null,
    perAddress: [
      ['127.0.0.2', false, true, null],
      ['127.0.0.3', false, false, 'expired'],
    ],
    mentions: [short(FP.forged)],
  },
  {
    name: 'one node still serves an expired leaf',
    obs: observation(),
    report: report([
      address('127.0.0.2'),
      address('127.0.0.3', { chain: [stale, publicCa.cert], cause: 'expired', rawError: 'CERT_HAS_EXPIRED' }),
    ]),
    verdict: 'inconsistent_backends',
    causes: ['inconsistent_backends'],
    matched: '127.0.0.2',
    perAddress: [
      ['127.0.0.2', true, true, null],
      ['127.0.0.3', false, false, 'expired'],
    ],
    mentions: ['127.0.0.2', short(FP.current), '127.0.0.3', short(FP.stale), 'expired'],
  },
  {
    name: 'one node refuses connections',
    obs: observation(),
    report: report([
      address('127.0.0.2'),
      address('127.0.0.3', { errorCode: 'ECONNREFUSED', cause: 'connection_failed' }),
    ]),
    verdict: 'inconsistent_backends',
    causes: ['inconsistent_backends'],
    matched: '127.0.0.2',
    perAddress: [
      ['127.0.0.2', true, true, null],
      ['127.0.0.3', false, false, 'connection_failed'],
    ],
    mentions: ['127.0.0.3 served no certificate', 'connection_failed'],
  },
  {
    name: 'one node times out during the handshake',
    obs: observation(),
    report: report([
      address('127.0.0.2'),
      address('127.0.0.3', { errorCode: 'HANDSHAKE_TIMEOUT', cause: 'timeout' }),
    ]),
    verdict: 'inconsistent_backends',
    causes: ['inconsistent_backends'],
    matched: '127.0.0.2',
    perAddress: [
      ['127.0.0.2', true, true, null],
      ['127.0.0.3', false, false, 'timeout'],
    ],
    mentions: ['127.0.0.3 served no certificate and fails (timeout)'],
  },
  {
    name: 'a failed address without a cause: the error code if it is one, else connection_failed',
    obs: observation(),
    report: report([
      address('127.0.0.2'),
      address('127.0.0.3', { errorCode: 'EWHATEVER' }),
      address('127.0.0.4', { errorCode: 'dns_failure' }),
    ]),
    verdict: 'inconsistent_backends',
    causes: ['inconsistent_backends'],
    matched: '127.0.0.2',
    perAddress: [
      ['127.0.0.2', true, true, null],
      ['127.0.0.3', false, false, 'connection_failed'],
      ['127.0.0.4', false, false, 'dns_failure'],
    ],
    mentions: ['127.0.0.3', '127.0.0.4'],
  },
  {
    name: 'a node whose only problem is its clock is not a failing backend',
    obs: observation({ serverIp: '127.0.0.3' }),
    report: report([
      address('127.0.0.2', { chain: [renewed, publicCa.cert], cause: 'server_clock_skew' }),
      address('127.0.0.3'),
    ]),
    verdict: 'same',
    causes: [],
    matched: '127.0.0.3',
    perAddress: [
      ['127.0.0.2', false, true, 'server_clock_skew'],
      ['127.0.0.3', true, true, null],
    ],
    mentions: ['127.0.0.3'],
  },
  {
    name: 'every address fails the same way: consistent, and the same leaf',
    obs: observation({
      chain: [stale, publicCa.cert, publicRoot.cert],
      override: 'expired_or_not_yet_valid',
      leafOnly: true,
    }),
    report: report([
      address('127.0.0.2', { chain: [stale, publicCa.cert], cause: 'expired' }),
      address('127.0.0.3', { chain: [stale, publicCa.cert], cause: 'expired' }),
    ]),
    verdict: 'same',
    causes: [],
    matched: '127.0.0.2',
    perAddress: [
      ['127.0.0.2', true, false, 'expired'],
      ['127.0.0.3', true, false, 'expired'],
    ],
    mentions: [short(FP.stale)],
  },
  {
    name: 'override without the leaf-only answer: the browser kept no certificate',
    obs: observation({ override: 'trust_error' }),
    report: report([address('127.0.0.2')]),
    verdict: 'no_comparison',
    causes: [],
    matched: '127.0.0.2',
    perAddress: [['127.0.0.2', false, true, null]],
    mentions: ['clicked through'],
  },
  {
    name: 'the probe reached no address',
    obs: observation(),
    report: report([]),
    verdict: 'no_comparison',
    causes: [],
    matched: null,
    perAddress: [],
    mentions: ['no address'],
  },
  {
    name: 'every probe connection failed before a certificate',
    obs: observation(),
    report: report([
      address('127.0.0.2', { errorCode: 'CONNECT_TIMEOUT', cause: 'timeout' }),
      address('127.0.0.3', { errorCode: 'CONNECT_TIMEOUT', cause: 'timeout' }),
    ]),
    verdict: 'no_comparison',
    causes: [],
    matched: null,
    perAddress: [
      ['127.0.0.2', false, false, 'timeout'],
      ['127.0.0.3', false, false, 'timeout'],
    ],
    mentions: ['127.0.0.2, 127.0.0.3'],
  },
];

describe('crossCheck verdicts', () => {
  test.each(VERDICTS)('$name -> $verdict', (c) => {
    const result = crossCheck(c.obs, c.report, NOW);
    expect(result.verdict).toBe(c.verdict);
    expect(result.findings.map((f) => f.cause)).toEqual(c.causes);
    expect(result.matchedAddress).toBe(c.matched);
    expect(result.perAddress.map((a) => [a.ip, a.sameAsBrowser, a.ok, a.cause])).toEqual(c.perAddress);
    for (const fact of c.mentions) expect(result.detail).toContain(fact);
    expect(result.clock).toEqual({ browserVsProbeMs: 0, localClockWrong: false });
  });

  test('perAddress carries each address’s leaf fingerprint, null when it served none', () => {
    const result = crossCheck(
      observation(),
      report([
        address('127.0.0.2'),
        address('127.0.0.3', { errorCode: 'ECONNREFUSED', cause: 'connection_failed' }),
      ]),
      NOW,
    );
    expect(result.perAddress.map((a) => a.fingerprintSha256)).toEqual([FP.current, null]);
  });

  test('the inconsistent-backends finding names every address', () => {
    const result = crossCheck(
      observation(),
      report([
        address('127.0.0.2'),
        address('127.0.0.3', { chain: [stale, publicCa.cert], cause: 'expired' }),
      ]),
      NOW,
    );
    expect(result.findings[0]).toMatchObject({
      cause: 'inconsistent_backends',
      addresses: ['127.0.0.2', '127.0.0.3'],
    });
  });

  test('a hostile issuer name is quoted as plain, trimmed text in the interception finding', async () => {
    const hostileRoot = await issue({
      name: 'hostile-root',
      subject: [{ CN: [`<img src=x onerror=alert(1)>\u202e\u0000${'A'.repeat(200)}`] }],
      notBefore: at(-10),
      notAfter: at(100),
      key: 'p256',
      ca: {},
    });
    const forgedByHostile = await leaf('forged-hostile', hostileRoot, -1, 30);
    const result = crossCheck(
      observation({ chain: [forgedByHostile, hostileRoot.cert], builtInRoot: false }),
      report([address('127.0.0.2')]),
      NOW,
    );
    const detail = result.findings[0]!.detail;
    expect(result.verdict).toBe('interception_suspected');
    expect(detail).toContain('<img src=x onerror=alert(1)>');
    expect(detail.includes('\u0000') || detail.includes('\u202e')).toBe(false);
    expect(detail).not.toContain('A'.repeat(100));
  });

  test('a plain http page has nothing to compare', () => {
    const obs: Observation = { ...observation(), state: 'insecure', chain: [], builtInRoot: null };
    expect(crossCheck(obs, report([address('127.0.0.2')]), NOW).verdict).toBe('no_comparison');
  });

  test('IPv4-mapped and bracketed IPv6 addresses match the browser’s server IP', () => {
    const mapped = crossCheck(
      observation({ serverIp: '::ffff:127.0.0.3' }),
      report([address('127.0.0.2'), address('127.0.0.3')]),
      NOW,
    );
    expect(mapped.matchedAddress).toBe('127.0.0.3');
    const v6 = crossCheck(
      observation({ serverIp: '[::1]' }),
      report([address('127.0.0.2'), address('::1')]),
      NOW,
    );
    expect(v6.matchedAddress).toBe('::1');
  });
});

describe('the address the browser connected to closes the verdict', () => {
  const elsewhere = (): InspectReport => report([address('127.0.0.2', { chain: [renewed, publicCa.cert] })]);
  const forged = (serverIp: string | null): Observation =>
    observation({ chain: FORGED_CHAIN, builtInRoot: false, serverIp });
  test.each([
    ['different leaf, address reached', observation(), elsewhere(), ' Your browser connected to 127.0.0.2.'],
    [
      'different leaf, address not reached',
      observation({ serverIp: '127.0.0.9' }),
      elsewhere(),
      ' Your browser connected to 127.0.0.9, which the probe did not reach (another DNS view?).',
    ],
    ['different leaf, address unknown', observation({ serverIp: null }), elsewhere(), null],
    [
      'interception, address reached',
      forged('127.0.0.2'),
      report([address('127.0.0.2')]),
      ' Your browser connected to 127.0.0.2, which the probe also reached.',
    ],
    [
      'interception, address not reached',
      forged('127.0.0.9'),
      report([address('127.0.0.2')]),
      " Your browser connected to 127.0.0.9, which is not among the probe's addresses (a proxy?).",
    ],
    ['interception, address unknown', forged(null), report([address('127.0.0.2')]), null],
  ] as const)('%s', (_name, obs, probe, sentence) => {
    const { detail } = crossCheck(obs, probe, NOW);
    if (sentence === null) expect(detail).not.toContain('Your browser connected');
    else expect(detail.endsWith(sentence)).toBe(true);
  });
});

interface ClockCase {
  name: string;
  /** Browser clock minus probe clock, as now - probedAt. */
  browserVsProbe: number;
  /** Browser clock minus the server's Date header at capture; null: no header. */
  browserVsServer: number | null;
  /** Server minus probe clock, seconds, as the probe reports it; null: unknown. */
  serverVsProbeSeconds: number | null;
  cached?: boolean;
  thresholdMs?: number;
  localClockWrong: boolean;
  causes: Cause[];
  mentions?: string[];
}

const CLOCKS: ClockCase[] = [
  {
    name: 'all three clocks agree',
    browserVsProbe: 2000,
    browserVsServer: 1000,
    serverVsProbeSeconds: 1,
    localClockWrong: false,
    causes: [],
  },
  {
    name: 'browser 2 hours ahead, probe agrees with the server',
    browserVsProbe: 2 * 60 * MIN,
    browserVsServer: 2 * 60 * MIN,
    serverVsProbeSeconds: 0,
    localClockWrong: true,
    causes: ['local_clock_wrong'],
    mentions: ['2 hours ahead', "probe's clock agrees with the server's"],
  },
  {
    name: 'browser 3 days behind, no Date header',
    browserVsProbe: -3 * DAY,
    browserVsServer: null,
    serverVsProbeSeconds: 1,
    localClockWrong: true,
    causes: ['local_clock_wrong'],
    mentions: ['3 days behind'],
  },
  {
    name: 'browser 15 ms short of 10 days ahead: worded as the popup words it, rounded',
    browserVsProbe: 10 * DAY - 15,
    browserVsServer: null,
    serverVsProbeSeconds: 1,
    localClockWrong: true,
    causes: ['local_clock_wrong'],
    mentions: ['Your clock is 10 days ahead: 10 days ahead of the probe'],
  },
  {
    name: 'server clock 2 hours 29 minutes 40 seconds fast: the nearest minute',
    browserVsProbe: 1000,
    browserVsServer: null,
    serverVsProbeSeconds: 2 * 3600 + 29 * 60 + 40,
    localClockWrong: false,
    causes: ['server_clock_skew'],
    mentions: ['2 hours 30 minutes ahead of the probe'],
  },
  {
    name: 'browser ahead of the probe and of the Date header, probe skew unknown',
    browserVsProbe: 2 * 60 * MIN,
    browserVsServer: 2 * 60 * MIN,
    serverVsProbeSeconds: null,
    localClockWrong: true,
    causes: ['local_clock_wrong'],
    mentions: ['Date header'],
  },
  {
    name: 'probe and Date header disagree about which way the browser is off: no verdict',
    browserVsProbe: 2 * 60 * MIN,
    browserVsServer: -2 * 60 * MIN,
    serverVsProbeSeconds: null,
    localClockWrong: false,
    causes: [],
  },
  {
    name: 'browser off from the probe only, nothing to back either clock',
    browserVsProbe: 2 * 60 * MIN,
    browserVsServer: null,
    serverVsProbeSeconds: null,
    localClockWrong: false,
    causes: [],
  },
  {
    name: 'browser agrees with the server, the probe is the odd one out',
    browserVsProbe: 2 * 60 * MIN,
    browserVsServer: 0,
    serverVsProbeSeconds: 2 * 60 * 60,
    localClockWrong: false,
    causes: ['server_clock_skew'],
    mentions: ['2 hours ahead of the probe', "probe's clock may be the wrong one"],
  },
  {
    name: 'server clock 1 hour fast, browser and probe agree',
    browserVsProbe: 1000,
    browserVsServer: -60 * MIN,
    serverVsProbeSeconds: 3600,
    localClockWrong: false,
    causes: ['server_clock_skew'],
    mentions: ['1 hour ahead of the probe'],
  },
  {
    name: 'server Date header 1 hour slow, probe skew unknown, browser agrees with the probe',
    browserVsProbe: 1000,
    browserVsServer: 60 * MIN,
    serverVsProbeSeconds: null,
    localClockWrong: false,
    causes: ['server_clock_skew'],
    mentions: ['behind your clock'],
  },
  {
    name: 'cached report 10 minutes old: its age is not a clock error',
    browserVsProbe: 10 * MIN,
    browserVsServer: 0,
    serverVsProbeSeconds: 0,
    cached: true,
    localClockWrong: false,
    causes: [],
  },
  {
    name: 'cached report, browser behind the probe: still evidence',
    browserVsProbe: -2 * 60 * MIN,
    browserVsServer: -2 * 60 * MIN,
    serverVsProbeSeconds: 0,
    cached: true,
    localClockWrong: true,
    causes: ['local_clock_wrong'],
    mentions: ['behind'],
  },
  {
    name: 'cached report too old to use, but the Date header and the probe agree: browser wrong',
    browserVsProbe: 3 * 60 * MIN,
    browserVsServer: 2 * 60 * MIN,
    serverVsProbeSeconds: 0,
    cached: true,
    localClockWrong: true,
    causes: ['local_clock_wrong'],
    mentions: ['2 hours ahead'],
  },
  {
    name: '2 minutes off is within the default 5-minute threshold',
    browserVsProbe: 2 * MIN,
    browserVsServer: 2 * MIN,
    serverVsProbeSeconds: 0,
    localClockWrong: false,
    causes: [],
  },
  {
    name: '2 minutes off with a 1-minute threshold',
    browserVsProbe: 2 * MIN,
    browserVsServer: 2 * MIN,
    serverVsProbeSeconds: 0,
    thresholdMs: MIN,
    localClockWrong: true,
    causes: ['local_clock_wrong'],
  },
];

describe('crossCheck clocks', () => {
  test.each(CLOCKS)('$name', (c) => {
    const capturedAt = NOW - 30_000;
    const obs = observation({
      capturedAt,
      dateHeader: c.browserVsServer === null ? null : new Date(capturedAt - c.browserVsServer).toUTCString(),
    });
    const probe = report([address('127.0.0.2', { clockSkewSeconds: c.serverVsProbeSeconds })], {
      probedAt: NOW - c.browserVsProbe,
      cached: c.cached,
    });
    const result = crossCheck(
      obs,
      probe,
      NOW,
      c.thresholdMs === undefined ? {} : { clockThresholdMs: c.thresholdMs },
    );
    expect(result.clock).toEqual({ browserVsProbeMs: c.browserVsProbe, localClockWrong: c.localClockWrong });
    expect(result.findings.map((f) => f.cause)).toEqual(c.causes);
    const details = result.findings.map((f) => f.detail).join(' ');
    for (const fact of c.mentions ?? []) expect(details).toContain(fact);
    // Clocks never change the certificate verdict.
    expect(result.verdict).toBe('same');
  });

  test('the skew of the address that served the browser’s leaf speaks for the site', () => {
    const obs = observation({ serverIp: '127.0.0.3', dateHeader: null });
    const probe = report(
      [address('127.0.0.2', { clockSkewSeconds: 7200 }), address('127.0.0.3', { clockSkewSeconds: 0 })],
      { probedAt: NOW - 2 * 60 * MIN },
    );
    const result = crossCheck(obs, probe, NOW);
    expect(result.clock.localClockWrong).toBe(true);
    expect(result.findings.find((f) => f.cause === 'local_clock_wrong')?.addresses).toEqual(['127.0.0.3']);
  });

  test('a garbage Date header is ignored', () => {
    const obs = observation({ dateHeader: 'yesterday-ish' });
    const result = crossCheck(obs, report([address('127.0.0.2', { clockSkewSeconds: null })]), NOW);
    expect(result.findings).toEqual([]);
  });

  test('a non-finite now gives no browser-vs-probe difference', () => {
    const result = crossCheck(observation(), report([address('127.0.0.2')]), Number.NaN);
    expect(result.clock).toEqual({ browserVsProbeMs: null, localClockWrong: false });
  });
});
