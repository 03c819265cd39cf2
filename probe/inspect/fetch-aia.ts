import { request } from 'node:http';
import { isIP } from 'node:net';
import { checkAddress, type GuardPolicy } from '../guard';
import type { Resolver } from './resolve';

export interface FetchAiaOptions {
  resolver: Resolver;
  /** The same guard as the target: an AIA URL in an untrusted certificate must not reach what the target may not. */
  policy: GuardPolicy;
  timeoutMs: number;
  maxBytes: number;
}

/** Extracts the first certificate of a DER or PEM answer. PKCS#7 bundles are not read. */
function firstCertificate(body: Buffer): Uint8Array | null {
  if (body[0] === 0x30) return new Uint8Array(body);
  const pem = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(body.toString('latin1'));
  return pem ? new Uint8Array(Buffer.from(pem[1]!.replace(/\s+/g, ''), 'base64')) : null;
}

/**
 * Downloads the issuer certificate named by a certificate's AIA caIssuers URL (plain http://, as RFC 5280 has it),
 * the way browsers complete a chain a server sent incompletely. The URL is untrusted: its host is resolved and every
 * address checked by the guard, the request goes to the checked address, and time and size are bounded. Null on
 * any failure.
 */
export async function fetchAiaIssuer(url: string, options: FetchAiaOptions): Promise<Uint8Array | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' || parsed.username || parsed.password) return null;
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const started = Date.now();
  let addresses: { address: string }[];
  try {
    addresses = isIP(host)
      ? [{ address: host }]
      : await withTimeout(options.resolver(host), options.timeoutMs);
  } catch {
    return null;
  }
  const target = addresses[0];
  if (!target || addresses.some((a) => !checkAddress(a.address, options.policy).ok)) return null;
  const remaining = options.timeoutMs - (Date.now() - started);
  if (remaining <= 0) return null;

  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const req = request(
      {
        host: target.address,
        port: parsed.port || 80,
        path: `${parsed.pathname}${parsed.search}`,
        headers: { host: parsed.host, 'user-agent': 'certglance-probe' },
        timeout: remaining,
      },
      (res) => {
        if (res.statusCode !== 200) {
          res.destroy();
          return resolve(null);
        }
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            req.destroy();
            return resolve(null);
          }
          chunks.push(chunk);
        });
        res.on('end', () => resolve(firstCertificate(Buffer.concat(chunks))));
        res.on('error', () => resolve(null));
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      resolve(null);
    }, remaining);
    req.on('close', () => clearTimeout(timer));
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(null));
    req.end();
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
