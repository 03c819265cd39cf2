/** The test PKI: scenario certificates made at test time relative to `now`, and loopback servers for them. */
export { makeTestPki, buildTestPki } from './make-pki';
export { serveScenario, tlsIdentity } from './serve';
export type { BareCertificate, ServeOptions, TestServer } from './serve';
export { servePkiBySni } from './serve-sni';
export type { SniOptions, SniServer } from './serve-sni';
export { serveHttp } from './serve-http';
export { framingHandler } from './page';
export type { HttpServer } from './serve-http';
export { issue, randomSerial } from './issue';
export type { Authority, CertificateSpec } from './issue';
export { sctListExtension, SCT_LIST_OID } from './sct';
export { SCENARIO_SPECS } from './scenarios';
export { SCENARIO_NAMES } from './types';
export type { IssuedCert, Scenario, ScenarioName, TestPki } from './types';
