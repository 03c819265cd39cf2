import { CLOCK_TOLERANCE_MS } from '../clock';
import type { InspectReport } from '../probe-report';
import type { Observation } from '../types';
import { compareAddress, fingerprintOrNull, pickMatched } from './addresses';
import { clockFindings } from './clock';
import { differentLeafDetail, noComparisonDetail, sameDetail } from './details';
import { backendsFinding, interceptionFinding } from './findings';
import type { CrossCheck, CrossCheckFinding, CrossCheckOptions, CrossCheckVerdict } from './types';

/**
 * Compares what the browser saw (`obs`) with the probe's report: is it the same certificate, is something in between
 * (a TLS-inspecting proxy, antivirus, an attacker), do the site's backends disagree, and whose clock is wrong. `now` is
 * the browser's clock when the probe's answer arrived: `now - probedAt` is then the browser's offset from the probe's
 * clock (plus the answer's age when the report came from the probe's cache, so a cached report only counts as
 * evidence of a clock that is behind).
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
    matchedAddress,
    now,
    options.clockThresholdMs ?? CLOCK_TOLERANCE_MS,
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
    detail = sameDetail(browserLeaf, perAddress);
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
