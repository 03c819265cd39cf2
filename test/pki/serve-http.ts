import { createServer } from 'node:http';
import { listen, urlHost } from './listen';
import { pageHandler, withDate } from './page';
import type { ServeOptions } from './serve';

/** A running plain-HTTP test server. */
export interface HttpServer {
  address: string;
  port: number;
  /** http://<host>:<port>/ */
  url: string;
  close(): Promise<void>;
}

/** Serves plain HTTP on loopback, port 0: the "no TLS at all" case. */
export async function serveHttp(options: ServeOptions & { host?: string } = {}): Promise<HttpServer> {
  const handler = withDate(options.handler ?? pageHandler('plain http'), options.dateSkewMs);
  const listening = await listen(createServer(handler), options.address ?? '127.0.0.1');
  const host = options.host ?? urlHost(listening.address);
  return { ...listening, url: `http://${host}:${listening.port}/` };
}
