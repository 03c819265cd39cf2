import type { DetailedPeerCertificate, TLSSocket } from 'node:tls';

/** The certificates a server presented, as DER, leaf first. */
export interface PeerChain {
  ders: Uint8Array[];
  /** Node's SHA-256 fingerprint of each, uppercase colon hex. */
  fingerprints: string[];
  /** The walk stopped at the length cap or at a certificate over the size cap. */
  truncated: boolean;
}

/**
 * Walks Node's chain (getPeerCertificate(true)) through issuerCertificate until a fingerprint repeats (a self-issued
 * root points to itself), at most `maxLength` certificates, none larger than `maxCertBytes`. Node orders the chain
 * by issuer from what the server sent and ends it with the trusted root it found, when it found one.
 *
 * `built` is the chain Node already built during the handshake, when it did (see connectTls); without it, it is
 * asked for here.
 */
export function peerChain(
  socket: TLSSocket,
  built: DetailedPeerCertificate | null,
  maxLength: number,
  maxCertBytes: number,
): PeerChain {
  const leaf = built ?? socket.getPeerCertificate(true);
  const ders: Uint8Array[] = [];
  const fingerprints: string[] = [];
  const seen = new Set<string>();
  let cert: DetailedPeerCertificate | undefined = leaf?.raw ? leaf : undefined;
  while (cert?.raw && !seen.has(cert.fingerprint256)) {
    if (ders.length >= maxLength || cert.raw.length > maxCertBytes)
      return { ders, fingerprints, truncated: true };
    seen.add(cert.fingerprint256);
    ders.push(new Uint8Array(cert.raw));
    fingerprints.push(cert.fingerprint256);
    cert = cert.issuerCertificate;
  }
  return { ders, fingerprints, truncated: false };
}
