import { createServer as createHttpsServer } from 'node:https';
import { createServer, type Socket } from 'node:net';
import { createApp, type AppDeps, type ProbeApp } from '../../../probe/app';
import { DEFAULT_CONFIG, type ProbeConfig } from '../../../probe/config';
import type { ResolvedAddress, Resolver } from '../../../probe/inspect/resolve';
import { listen } from '../../pki/listen';

/** A loopback probe config with the test root trusted and short, test-sized bounds. */
export function testConfig(rootPem: string, overrides: Partial<ProbeConfig> = {}): ProbeConfig {
  return {
    ...DEFAULT_CONFIG,
    port: 0,
    extraCaPems: [rootPem],
    timeouts: { deadlineMs: 3_000, connectMs: 2_000, handshakeMs: 2_000, httpMs: 1_000 },
    rateLimit: { perMinute: 0, burst: 1, maxClients: 100 },
    logLevel: 'silent',
    ...overrides,
  };
}

/** A resolver over a fixed table (name -> loopback addresses); unknown names fail as getaddrinfo does. */
export function tableResolver(table: Record<string, string | string[]>): Resolver {
  return async (host: string): Promise<ResolvedAddress[]> => {
    const entry = table[host];
    if (entry === undefined) {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    }
    return (Array.isArray(entry) ? entry : [entry]).map((address) => ({
      address,
      family: address.includes(':') ? 6 : 4,
    }));
  };
}

/** A probe app listening on 127.0.0.1, port 0. */
export interface RunningApp {
  app: ProbeApp;
  base: string;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** Starts createApp(config, deps) on loopback. Close it after the test. */
export async function startApp(config: ProbeConfig, deps: AppDeps = {}): Promise<RunningApp> {
  const app = createApp(config, { processMetrics: false, ...deps });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  const base = `http://127.0.0.1:${address.port}`;
  return {
    app,
    base,
    get: (path, headers = {}) => fetch(`${base}${path}`, { headers }),
    close: () => app.close().then(() => undefined),
  };
}

/** A raw TCP server on a loopback address that does `onConnection` with every socket: the faulty servers. */
export function rawServer(
  onConnection: (socket: Socket) => void,
  address = '127.0.0.1',
): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  return listen(server, address);
}

/** A port on 127.0.0.1 where nothing listens (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = await rawServer(() => undefined);
  await server.close();
  return server.port;
}

/**
 * A real HTTPS server for a certificate on a given loopback address and port (port 0: any), answering 200 to
 * everything. Used where two addresses must serve one name on the same port.
 */
export function serveTls(
  identity: { cert: string; key: string },
  address: string,
  port = 0,
): Promise<{ port: number; close(): Promise<void> }> {
  const server = createHttpsServer(identity, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  });
  return listen(server, address, port);
}
