import { fingerprintPrefix } from '../fingerprint-prefix';
import type { InspectReport } from '../probe-report';
import type { Observation } from '../types';
import { browserAddressFact } from './addresses';
import type { AddressComparison } from './types';
import { addressList, servedList } from './wording';

/** The verdict "same" in words: the probe sees the browser's leaf, at these addresses. */
export function sameDetail(browserLeaf: string, perAddress: AddressComparison[]): string {
  return `The probe sees the same certificate (${fingerprintPrefix(browserLeaf)}) as your browser, at ${addressList(perAddress.filter((a) => a.sameAsBrowser))}.`;
}

/** The verdict "different_leaf" in words: both leaves, and the likely reasons. */
export function differentLeafDetail(
  obs: Observation,
  browserLeaf: string,
  perAddress: AddressComparison[],
): string {
  const ipFact = browserAddressFact(obs.serverIp, perAddress, {
    reached: '.',
    missed: ', which the probe did not reach (another DNS view?).',
  });
  const rootFact = obs.builtInRoot === true ? ', chained to a root it ships' : '';
  return (
    `Your browser got ${fingerprintPrefix(browserLeaf)}${rootFact}; the probe sees ${servedList(perAddress)}. ` +
    'Another node behind the load balancer, or a renewal since your page loaded, would explain it.' +
    ipFact
  );
}

/** The verdict "no_comparison" in words: which side had no certificate. */
export function noComparisonDetail(
  obs: Observation,
  browserLeaf: string | null,
  report: InspectReport,
): string {
  if (browserLeaf === null) {
    return obs.overriddenErrorCategory !== null
      ? 'Your browser kept no certificate for this page (a warning was clicked through): nothing to compare.'
      : 'Your browser kept no certificate for this page: nothing to compare.';
  }
  return report.addresses.length === 0
    ? 'The probe reached no address for this site: nothing to compare.'
    : `The probe got no certificate from ${report.addresses.map((a) => a.ip).join(', ')}: nothing to compare.`;
}
