/** Firefox's `webRequest.getSecurityInfo` answer, validated and normalised into an Observation. */
export {
  observationFromSecurityInfo,
  type SecurityInfoContext,
  type SecurityInfoErrorCode,
} from './observation';
export type { FirefoxCertificate, FirefoxSecurityInfo } from './schema';
