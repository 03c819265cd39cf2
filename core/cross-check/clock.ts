import { parseHttpDate } from '../clock';
import { parseInstant } from '../expiry';
import { formatSkew } from '../format-skew';
import type { AddressReport, InspectReport } from '../probe-report';
import type { Observation } from '../types';
import { sameIp } from './same-ip';
import type { CrossCheckFinding } from './types';

/** What the three clocks say: the browser's offset from the probe, the verdict on the local clock, the findings. */
export interface ClockOutcome {
  browserVsProbeMs: number | null;
  localClockWrong: boolean;
  findings: CrossCheckFinding[];
}

/** "2 hours ahead of" / "2 hours behind", for a difference of the first clock minus the second. */
function offText(ms: number, ahead: string, behind: string): string {
  return `${formatSkew(ms)} ${ms > 0 ? ahead : behind}`;
}

/**
 * Three clocks: the browser's (B), the probe's (P) and the server's (S). B - P from `now - probedAt`; B - S from the
 * page's Date header against capturedAt; S - P from the probe's clockSkewSeconds. The local clock is called wrong only
 * when a second fact backs the reference it disagrees with; a server far from the probe is server_clock_skew.
 */
export function clockFindings(
  obs: Observation,
  report: InspectReport,
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
      far(bp) ? `${offText(bp, 'ahead of', 'behind')} the probe's` : null,
      far(bs) ? `${offText(bs, 'ahead of', 'behind')} the server's Date header` : null,
      near(ps) ? `while the probe's clock agrees with the server's` : null,
    ].filter((f): f is string => f !== null);
    findings.push({
      cause: 'local_clock_wrong',
      detail: `Your clock is ${offText(off, 'ahead', 'behind')}: ${facts.join(', ')}. Set the date and time of this computer (enable automatic time).`,
      addresses: skewSource ? [skewSource.ip] : [],
    });
  }
  if (far(ps) && skewSource) {
    const probeOdd = near(bs);
    findings.push({
      cause: 'server_clock_skew',
      detail:
        `The server's clock at ${skewSource.ip} is ${offText(-ps, 'ahead of', 'behind')} the probe's.` +
        (probeOdd
          ? ` Your browser's clock agrees with the server's Date header, so the probe's clock may be the wrong one.`
          : ''),
      addresses: [skewSource.ip],
    });
  } else if (!localWrong && far(bs) && near(bp)) {
    findings.push({
      cause: 'server_clock_skew',
      detail: `The server's Date header is ${offText(-bs, 'ahead of', 'behind')} your clock, which agrees with the probe's.`,
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
