/**
 * The browser's view of a site compared with the probe's: is it the same certificate, is something in between
 * (a TLS-inspecting proxy, antivirus, an attacker), do the site's backends disagree, and whose clock is wrong.
 */
export { crossCheck } from './cross-check';
export type {
  AddressComparison,
  CrossCheck,
  CrossCheckFinding,
  CrossCheckOptions,
  CrossCheckVerdict,
} from './types';
