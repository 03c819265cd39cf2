import { createServer } from 'node:https';
import { createSecureContext, type SecureContext } from 'node:tls';
import { listen } from './listen';
import { pageHandler, withDate } from './page';
import { tlsIdentity, type ServeOptions } from './serve';
import type { ScenarioName, TestPki } from './types';

/** One HTTPS server for every scenario, chosen by SNI. */
export interface SniServer {
  address: string;
  port: number;
  /** https://<scenario host>:<port>/ */
  urlFor(name: ScenarioName): string;
  close(): Promise<void>;
}

/** Options of the SNI server: those of serveScenario, plus the scenario served for an unknown SNI name. */
export interface SniOptions extends ServeOptions {
  /** Default 'valid-90d'. */
  defaultScenario?: ScenarioName;
}

/**
 * Serves every scenario of `pki` on one loopback port, picking the certificate by the SNI host name.
 * A client that sends no SNI (one connecting to a bare IP address) gets no certificate: the handshake fails.
 */
export async function servePkiBySni(pki: TestPki, options: SniOptions = {}): Promise<SniServer> {
  const scenarios = Object.values(pki.scenarios);
  const contexts = new Map<string, SecureContext>(
    scenarios.map((s) => [s.host, createSecureContext(tlsIdentity(s))]),
  );
  const fallback = pki.scenarios[options.defaultScenario ?? 'valid-90d'];
  const pages = new Map(scenarios.map((s) => [s.host, pageHandler(s.name)]));
  const handler =
    options.handler ??
    ((req, res) => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      (pages.get(host) ?? pageHandler(fallback.name))(req, res);
    });
  const fallbackContext = contexts.get(fallback.host);
  // No top-level certificate: OpenSSL would keep its key type and ignore an SNI context with another (RSA vs EC).
  const server = createServer(
    { SNICallback: (name, callback) => callback(null, contexts.get(name.toLowerCase()) ?? fallbackContext) },
    withDate(handler, options.dateSkewMs),
  );
  const listening = await listen(server, options.address ?? '127.0.0.1');
  return {
    ...listening,
    urlFor: (name) => `https://${pki.scenarios[name].host}:${listening.port}/`,
  };
}
