import type { Cause } from './causes';
import { isCause } from './causes';
import { parseHttpDate } from './clock';
import { parseInstant } from './expiry';
import { formatDuration } from './format';
import type { AddressReport, InspectReport } from './probe-report';
import type { Observation } from './types';

/**
 * The browser's view of a site compared with the probe's: is it the same certificate, is something in between
 * (a TLS-inspecting proxy, antivirus, an attacker), do the site's backends disagree, and whose clock is wrong.
 */

export type CrossCheckVerdict =
  'same' | 'different_leaf' | 'interception_suspected' | 'inconsistent_backends' | 'no_comparison';

export interface CrossCheckFinding {
  cause: Cause;
  /** One or two sentences naming the facts. Certificate names in it are quoted, trimmed, untrusted text. */
  detail: string;
  /** The probe addresses the finding is about. */
  addresses: string[];
}

export interface AddressComparison {
  ip: string;
  /** The leaf this address served, null when it served none. */
  fingerprintSha256: string | null;
  sameAsBrowser: boolean;
  /** Connected, verified and trusted by the probe (a server clock skew alone does not make it fail). */
  ok: boolean;
  cause: Cause | null;
}

export interface CrossCheck {
  verdict: CrossCheckVerdict;
  /** The verdict in a few sentences, naming addresses and fingerprint prefixes. */
  detail: string;
  findings: CrossCheckFinding[];
  /** The probe address that serves the browser's leaf (preferring the browser's own server IP). */
  matchedAddress: string | null;
  perAddress: AddressComparison[];
  clock: {
    /** browser - probe clock in ms (now - probedAt), positive when the browser is ahead. */
    browserVsProbeMs: number | null;
    localClockWrong: boolean;
  };
}

export interface CrossCheckOptions {
  /** Clock differences up to this are ignored. Default 5 minutes. */
  clockThresholdMs?: number;
}

const DEFAULT_CLOCK_THRESHOLD_MS = 5 * 60_000;
const CLOCK_CAUSES: readonly Cause[] = ['server_clock_skew', 'local_clock_wrong'];

/**
 * Compares what the browser saw (`obs`) with the probe's report. `now` is the browser's clock when the probe's answer
 * arrived: `now - probedAt` is then the browser's offset from the probe's clock (plus the answer's age when the report
 * came from the probe's cache, so a cached report only counts as evidence of a clock that is behind).
 */
export function crossCheck(
  obs: Observation,
  report: InspectReport,
  now: number,
  options: CrossCheckOptions = {},
): CrossCheck {
  const browserLeaf = fingerprintOrNull(obs.chain[0]?.fingerprintSha256);
  const perAddress = report.addresses.map((a) => compareAddress(a, browserLeaf));
  const matchedAddress = pickMatched(perAddress, obs.serverIp, browserLeaf);
  const served = perAddress.filter((a) => a.fingerprintSha256 !== null);

  const findings: CrossCheckFinding[] = [];
  const servedElsewhere = browserLeaf !== null && served.length > 0 && !served.some((a) => a.sameAsBrowser);
  const suspicious =
    servedElsewhere &&
    (obs.builtInRoot === false || (obs.builtInRoot === null && obs.overriddenErrorCategory !== null));
  if (suspicious) findings.push(interceptionFinding(obs, browserLeaf, perAddress));
  const backends = backendsFinding(perAddress);
  if (backends) findings.push(backends);
  const clock = clockFindings(
    obs,
    report,
    perAddress,
    matchedAddress,
    now,
    options.clockThresholdMs ?? DEFAULT_CLOCK_THRESHOLD_MS,
  );
  findings.push(...clock.findings);

  let verdict: CrossCheckVerdict;
  let detail: string;
  if (suspicious) {
    verdict = 'interception_suspected';
    detail = findings[0]!.detail;
  } else if (backends) {
    verdict = 'inconsistent_backends';
    detail = backends.detail;
  } else if (browserLeaf === null || served.length === 0) {
    verdict = 'no_comparison';
    detail = noComparisonDetail(obs, browserLeaf, report);
  } else if (matchedAddress !== null) {
    verdict = 'same';
    detail = `The probe sees the same certificate (${prefix(browserLeaf)}) as your browser, at ${addressList(perAddress.filter((a) => a.sameAsBrowser))}.`;
  } else {
    verdict = 'different_leaf';
    detail = differentLeafDetail(obs, browserLeaf, perAddress);
  }
  return {
    verdict,
    detail,
    findings,
    matchedAddress,
    perAddress,
    clock: { browserVsProbeMs: clock.browserVsProbeMs, localClockWrong: clock.localClockWrong },
  };
}

function fingerprintOrNull(value: string | undefined): string | null {
  return value && value.length > 0 ? value.toUpperCase() : null;
}

function compareAddress(a: AddressReport, browserLeaf: string | null): AddressComparison {
  const fingerprint = fingerprintOrNull(a.chain[0]?.fingerprintSha256);
  const errorCode = a.error?.code;
  const cause: Cause | null =
    a.verification.cause ?? (isCause(errorCode) ? errorCode : !a.ok ? 'connection_failed' : null);
  // A server clock off from the probe's is its own finding, not a failing backend.
  const failing = cause !== null && !CLOCK_CAUSES.includes(cause);
  const ok = a.ok && a.verification.trusted && !failing;
  return {
    ip: a.ip,
    fingerprintSha256: fingerprint,
    sameAsBrowser: browserLeaf !== null && fingerprint === browserLeaf,
    ok,
    cause,
  };
}

function pickMatched(
  perAddress: AddressComparison[],
  serverIp: string | null,
  browserLeaf: string | null,
): string | null {
  const own = serverIp === null ? undefined : perAddress.find((a) => sameIp(a.ip, serverIp));
  if (browserLeaf === null) return own?.ip ?? null;
  if (own?.sameAsBrowser) return own.ip;
  return perAddress.find((a) => a.sameAsBrowser)?.ip ?? null;
}

/** IPs compared loosely: case, IPv6 brackets and IPv4-mapped IPv6 ("::ffff:127.0.0.1") do not matter. */
function sameIp(a: string, b: string): boolean {
  const norm = (ip: string): string =>
    ip
      .replace(/^\[|\]$/g, '')
      .replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1')
      .toLowerCase();
  return norm(a) === norm(b);
}

/** "AB:CD:EF:01…": enough of a fingerprint to tell certificates apart in a sentence. */
function prefix(fingerprint: string): string {
  return `${fingerprint.slice(0, 11)}…`;
}

/** Control characters, zero-width and bidirectional overrides: they could disguise a name. */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Untrusted certificate text made safe for a sentence: no control characters, at most 80 characters, quoted. */
function quote(text: string): string {
  const clean = text.replace(UNSAFE_CHARS, ' ').trim();
  return `"${clean.length > 80 ? `${clean.slice(0, 79)}…` : clean}"`;
}

function addressList(addresses: AddressComparison[]): string {
  return addresses.map((a) => a.ip).join(', ');
}

function servesText(a: AddressComparison): string {
  const what = a.fingerprintSha256 ? `serves ${prefix(a.fingerprintSha256)}` : 'served no certificate';
  return `${a.ip} ${what}${a.ok ? '' : ` and fails (${a.cause ?? 'not trusted'})`}`;
}

function interceptionFinding(
  obs: Observation,
  browserLeaf: string,
  perAddress: AddressComparison[],
): CrossCheckFinding {
  const leaf = obs.chain[0]!;
  const root = obs.chain[obs.chain.length - 1]!;
  const issuerName = obs.chain[1]?.commonName ?? leaf.issuer;
  const rootFact =
    obs.builtInRoot === false
      ? `its chain ends in ${quote(root.commonName ?? root.subject)}, a root that does not ship with the browser (added locally)`
      : `you accepted it through a certificate warning (${obs.overriddenErrorCategory})`;
  const ipFact =
    obs.serverIp === null
      ? ''
      : perAddress.some((a) => sameIp(a.ip, obs.serverIp!))
        ? ` Your browser connected to ${obs.serverIp}, which the probe also reached.`
        : ` Your browser connected to ${obs.serverIp}, which is not among the probe's addresses (a proxy?).`;
  return {
    cause: 'interception_suspected',
    detail:
      `Your browser got a certificate (${prefix(browserLeaf)}, issued by ${quote(issuerName)}) that the site does not serve to the probe: ` +
      `${rootFact}. The probe sees ${perAddress
        .filter((a) => a.fingerprintSha256)
        .map(servesText)
        .join('; ')}. ` +
      `A TLS-inspecting proxy, antivirus or an attacker between you and the site would look like this.${ipFact}`,
    addresses: perAddress.map((a) => a.ip),
  };
}

function backendsFinding(perAddress: AddressComparison[]): CrossCheckFinding | null {
  const variants = new Set(perAddress.map((a) => a.fingerprintSha256 ?? '(none)'));
  if (variants.size < 2 || perAddress.every((a) => a.ok)) return null;
  return {
    cause: 'inconsistent_backends',
    detail: `The site's addresses do not serve the same certificate: ${perAddress.map(servesText).join('; ')}. Visitors see one or the other depending on which address they reach.`,
    addresses: perAddress.map((a) => a.ip),
  };
}

function differentLeafDetail(obs: Observation, browserLeaf: string, perAddress: AddressComparison[]): string {
  const ipFact =
    obs.serverIp === null
      ? ''
      : perAddress.some((a) => sameIp(a.ip, obs.serverIp!))
        ? ` Your browser connected to ${obs.serverIp}.`
        : ` Your browser connected to ${obs.serverIp}, which the probe did not reach (another DNS view?).`;
  const rootFact = obs.builtInRoot === true ? ', chained to a root it ships' : '';
  return (
    `Your browser got ${prefix(browserLeaf)}${rootFact}; the probe sees ${perAddress
      .filter((a) => a.fingerprintSha256)
      .map(servesText)
      .join(
        '; ',
      )}. Another node behind the load balancer, or a renewal since your page loaded, would explain it.` +
    ipFact
  );
}

function noComparisonDetail(obs: Observation, browserLeaf: string | null, report: InspectReport): string {
  if (browserLeaf === null) {
    return obs.overriddenErrorCategory !== null
      ? 'Your browser kept no certificate for this page (a warning was clicked through): nothing to compare.'
      : 'Your browser kept no certificate for this page: nothing to compare.';
  }
  return report.addresses.length === 0
    ? 'The probe reached no address for this site: nothing to compare.'
    : `The probe got no certificate from ${report.addresses.map((a) => a.ip).join(', ')}: nothing to compare.`;
}

interface ClockOutcome {
  browserVsProbeMs: number | null;
  localClockWrong: boolean;
  findings: CrossCheckFinding[];
}

/**
 * Three clocks: the browser's (B), the probe's (P) and the server's (S). B - P from `now - probedAt`; B - S from the
 * page's Date header against capturedAt; S - P from the probe's clockSkewSeconds. The local clock is called wrong only
 * when a second fact backs the reference it disagrees with; a server far from the probe is server_clock_skew.
 */
function clockFindings(
  obs: Observation,
  report: InspectReport,
  perAddress: AddressComparison[],
  matchedAddress: string | null,
  now: number,
  threshold: number,
): ClockOutcome {
  const probedAt = parseInstant(report.probedAt);
  const browserVsProbeMs = probedAt === null || !Number.isFinite(now) ? null : now - probedAt;
  // A cached report is older than its arrival: its age inflates B - P, so only a negative difference is evidence.
  const bp =
    browserVsProbeMs !== null && !(report.cached === true && browserVsProbeMs > 0) ? browserVsProbeMs : null;
  const capturedAt = parseInstant(obs.capturedAt);
  const serverDate = obs.dateHeader && capturedAt !== null ? parseHttpDate(obs.dateHeader, capturedAt) : null;
  const bs = serverDate !== null && capturedAt !== null ? capturedAt - serverDate : null;
  const skewSource = skewAddress(report, matchedAddress, obs.serverIp);
  const ps = skewSource ? -skewSource.clockSkewSeconds! * 1000 : null;

  const far = (d: number | null): d is number => d !== null && Math.abs(d) > threshold;
  const near = (d: number | null): boolean => d !== null && Math.abs(d) <= threshold;
  const findings: CrossCheckFinding[] = [];
  const localWrong =
    (far(bp) && (near(ps) || (ps === null && far(bs) && Math.sign(bs) === Math.sign(bp)))) ||
    (bp === null && far(bs) && near(ps));
  if (localWrong) {
    const off = far(bp) ? bp : bs!;
    const facts = [
      far(bp) ? `${formatDuration(bp)} ${bp > 0 ? 'ahead of' : 'behind'} the probe's` : null,
      far(bs) ? `${formatDuration(bs)} ${bs > 0 ? 'ahead of' : 'behind'} the server's Date header` : null,
      near(ps) ? `while the probe's clock agrees with the server's` : null,
    ].filter((f): f is string => f !== null);
    findings.push({
      cause: 'local_clock_wrong',
      detail: `Your clock is ${formatDuration(off)} ${off > 0 ? 'ahead' : 'behind'}: ${facts.join(', ')}. Set the date and time of this computer (enable automatic time).`,
      addresses: skewSource ? [skewSource.ip] : [],
    });
  }
  if (far(ps) && skewSource) {
    const probeOdd = near(bs);
    findings.push({
      cause: 'server_clock_skew',
      detail:
        `The server's clock at ${skewSource.ip} is ${formatDuration(ps)} ${ps < 0 ? 'ahead of' : 'behind'} the probe's.` +
        (probeOdd
          ? ` Your browser's clock agrees with the server's Date header, so the probe's clock may be the wrong one.`
          : ''),
      addresses: [skewSource.ip],
    });
  } else if (!localWrong && far(bs) && near(bp)) {
    findings.push({
      cause: 'server_clock_skew',
      detail: `The server's Date header is ${formatDuration(bs)} ${bs < 0 ? 'ahead of' : 'behind'} your clock, which agrees with the probe's.`,
      addresses: obs.serverIp ? [obs.serverIp] : [],
    });
  }
  return { browserVsProbeMs, localClockWrong: localWrong, findings };
}

/** The address whose server-vs-probe clock skew speaks for the site: the matched one, the browser's, or any. */
function skewAddress(
  report: InspectReport,
  matchedAddress: string | null,
  serverIp: string | null,
): AddressReport | null {
  const withSkew = report.addresses.filter(
    (a) => a.clockSkewSeconds !== null && Number.isFinite(a.clockSkewSeconds),
  );
  return (
    withSkew.find((a) => matchedAddress !== null && sameIp(a.ip, matchedAddress)) ??
    withSkew.find((a) => serverIp !== null && sameIp(a.ip, serverIp)) ??
    withSkew[0] ??
    null
  );
}
