import { connect, type PeerCertificate, type SecureContext } from 'node:tls';

/** What Node's TLS stack concluded about one handshake. */
export interface HandshakeResult {
  authorized: boolean;
  authorizationError: string | null;
  /** DER of each certificate of the chain Node reports, leaf first (with the trusted root when it verified one). */
  chain: Buffer[];
}

function peerChain(leaf: PeerCertificate & { issuerCertificate?: PeerCertificate }): Buffer[] {
  const chain: Buffer[] = [];
  const seen = new Set<string>();
  let cert: (PeerCertificate & { issuerCertificate?: PeerCertificate }) | undefined = leaf;
  while (cert?.raw && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    chain.push(cert.raw);
    cert = cert.issuerCertificate;
  }
  return chain;
}

/** One TLS handshake with a loopback server, never rejecting: the verdict is returned as data. */
export function handshake(options: {
  address: string;
  port: number;
  servername?: string;
  secureContext: SecureContext;
}): Promise<HandshakeResult> {
  return new Promise((resolve, reject) => {
    const socket = connect({
      host: options.address,
      port: options.port,
      servername: options.servername,
      secureContext: options.secureContext,
      rejectUnauthorized: false,
    });
    socket.setTimeout(5000, () => socket.destroy(new Error('handshake timed out')));
    socket.once('error', reject);
    socket.once('secureConnect', () => {
      const error = socket.authorizationError as unknown as Error | string | null;
      const result: HandshakeResult = {
        authorized: socket.authorized,
        authorizationError:
          error === null
            ? null
            : typeof error === 'string'
              ? error
              : ((error as Error & { code?: string }).code ?? error.message),
        chain: peerChain(socket.getPeerCertificate(true)),
      };
      socket.end();
      resolve(result);
    });
  });
}
