import { createServer } from 'node:https';
import { listen, urlHost } from './listen';
import { pageHandler, withDate, type Handler } from './page';
import type { Scenario } from './types';

/** A running HTTPS test server. */
export interface TestServer {
  address: string;
  port: number;
  /** https://<host>:<port>/ (the scenario's host, or the address for bare certificates). */
  url: string;
  close(): Promise<void>;
}

/** A certificate to serve without a scenario: leaf PEM, its key, and the PEM chain sent after it. */
export interface BareCertificate {
  certPem: string;
  keyPem: string;
  chainPem?: string;
}

/** Options shared by the test servers. */
export interface ServeOptions {
  /** Loopback address to listen on, default 127.0.0.1. */
  address?: string;
  /** Added to the time in the Date header of every answer. */
  dateSkewMs?: number;
  /** Replaces the default 200 HTML page. */
  handler?: Handler;
}

function isScenario(s: Scenario | BareCertificate): s is Scenario {
  return 'leaf' in s;
}

/** What node:tls needs to present a scenario: the served chain as one PEM and the leaf's key. */
export function tlsIdentity(s: Scenario | BareCertificate): { cert: string; key: string } {
  if (isScenario(s)) return { cert: s.served.map((c) => c.pem).join(''), key: s.leaf.keyPem };
  return { cert: s.certPem + (s.chainPem ?? ''), key: s.keyPem };
}

/** Serves one scenario (or bare certificate) over a real HTTPS server on loopback, port 0. */
export async function serveScenario(
  s: Scenario | BareCertificate,
  options: ServeOptions = {},
): Promise<TestServer> {
  const title = isScenario(s) ? s.name : 'certglance test';
  const handler = withDate(options.handler ?? pageHandler(title), options.dateSkewMs);
  const server = createServer(tlsIdentity(s), handler);
  const listening = await listen(server, options.address ?? '127.0.0.1');
  const host = isScenario(s) ? s.host : urlHost(listening.address);
  return { ...listening, url: `https://${host}:${listening.port}/` };
}
