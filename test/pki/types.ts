import type { Cause } from '../../core/causes';
import type { Level } from '../../core/types';

/** Every scenario the test PKI makes, one per situation the product must explain. */
export const SCENARIO_NAMES = [
  'valid-398d',
  'valid-90d',
  'valid-47d',
  'valid-6d',
  'warn-90d',
  'critical-90d',
  'expired',
  'not-yet-valid',
  'expired-intermediate',
  'self-signed',
  'unknown-issuer',
  'wrong-host',
  'missing-intermediate',
  'rsa',
  'hostile',
] as const;

export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** One certificate made by the test PKI, with its private key. */
export interface IssuedCert {
  name: string;
  der: Uint8Array<ArrayBuffer>;
  pem: string;
  /** PKCS#8 PEM. */
  keyPem: string;
  notBefore: Date;
  notAfter: Date;
}

/** What a scenario's server presents and what the product should conclude from it. */
export interface Scenario {
  name: ScenarioName;
  /** `<name>.localhost`: browsers resolve *.localhost to loopback. */
  host: string;
  leaf: IssuedCert;
  /** What the server sends, leaf first, root never included. */
  served: IssuedCert[];
  expected: {
    /** The failure cause, null when the certificate is fine. */
    cause: Cause | null;
    /** The expiry level of the served chain's worst certificate. */
    level: Level;
  };
}

/** A whole test PKI made relative to `now`. */
export interface TestPki {
  now: number;
  root: IssuedCert;
  rootPem: string;
  /** Not trusted anywhere: the root of the unknown-issuer scenario. */
  otherRoot: IssuedCert;
  intermediate: IssuedCert;
  /** Expired one day before `now`: the issuer of the expired-intermediate scenario. */
  expiredIntermediate: IssuedCert;
  scenarios: Record<ScenarioName, Scenario>;
}
