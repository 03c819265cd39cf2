import { fingerprintPrefix } from '../fingerprint-prefix';
import type { Observation } from '../types';
import { browserAddressFact } from './addresses';
import type { AddressComparison, CrossCheckFinding } from './types';
import { quote, servedList, servesText } from './wording';

/** The browser got a leaf the site does not serve to the probe, chained to a local root or accepted past a warning. */
export function interceptionFinding(
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
  const ipFact = browserAddressFact(obs.serverIp, perAddress, {
    reached: ', which the probe also reached.',
    missed: ", which is not among the probe's addresses (a proxy?).",
  });
  return {
    cause: 'interception_suspected',
    detail:
      `Your browser got a certificate (${fingerprintPrefix(browserLeaf)}, issued by ${quote(issuerName)}) that the site does not serve to the probe: ` +
      `${rootFact}. The probe sees ${servedList(perAddress)}. ` +
      `A TLS-inspecting proxy, antivirus or an attacker between you and the site would look like this.${ipFact}`,
    addresses: perAddress.map((a) => a.ip),
  };
}

/** The site's addresses serve different leaves and at least one of them fails: null otherwise. */
export function backendsFinding(perAddress: AddressComparison[]): CrossCheckFinding | null {
  const variants = new Set(perAddress.map((a) => a.fingerprintSha256 ?? '(none)'));
  if (variants.size < 2 || perAddress.every((a) => a.ok)) return null;
  return {
    cause: 'inconsistent_backends',
    detail: `The site's addresses do not serve the same certificate: ${perAddress.map(servesText).join('; ')}. Visitors see one or the other depending on which address they reach.`,
    addresses: perAddress.map((a) => a.ip),
  };
}
