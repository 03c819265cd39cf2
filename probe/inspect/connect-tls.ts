import { connect as tcpConnect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import {
  connect as tlsConnect,
  type ConnectionOptions,
  type DetailedPeerCertificate,
  type SecureContext,
  type TLSSocket,
  type TLSSocketOptions,
} from 'node:tls';
import { connectFailure, handshakeFailure, timeoutFailure, type AddressFailure } from './failure';

/** A completed TLS handshake, still open for the HTTP Date request. The caller destroys the socket. */
export interface TlsSession {
  socket: TLSSocket;
  connectMs: number;
  handshakeMs: number;
  /** The server stapled an OCSP response. */
  ocspStapled: boolean;
  /** The chain Node built during the handshake, when it built one (only for a chain it verified). */
  peerChain: DetailedPeerCertificate | null;
}

export type ConnectResult =
  | { ok: true; session: TlsSession }
  | { ok: false; failure: AddressFailure; connectMs: number | null; handshakeMs: number | null };

export interface ConnectOptions {
  /** The checked IP address: connecting to it needs no lookup, so DNS cannot change it afterwards. */
  ip: string;
  port: number;
  /** SNI; undefined for IP targets. */
  servername: string | undefined;
  secureContext: SecureContext;
  connectTimeoutMs: number;
  handshakeTimeoutMs: number;
  /** performance.now() value past which nothing waits any more. */
  deadlineAt: number;
  /**
   * Called once, as soon as the handshake completes and before Node builds the peer chain object, with the socket
   * ready for application data: a request written here is on its way while the chain is built and judged.
   * Called at secureConnect instead if Node does not announce the completion earlier.
   */
  onHandshakeDone?: (socket: TLSSocket) => void;
}

function budget(ms: number, deadlineAt: number): number {
  return Math.max(0, Math.min(ms, deadlineAt - performance.now()));
}

function elapsed(since: number): number {
  return Math.round((performance.now() - since) * 10) / 10;
}

/**
 * Opens TCP to one address, then TLS over it without rejecting anything (the caller judges the certificate),
 * asking for a stapled OCSP response. Connect and handshake each have a timeout, both cut by the deadline.
 * Never throws; never leaves a socket open on failure.
 */
export function connectTls(options: ConnectOptions): Promise<ConnectResult> {
  return new Promise((resolve) => {
    const start = performance.now();
    const tcp: Socket = tcpConnect({ host: options.ip, port: options.port, noDelay: true });
    let tls: TLSSocket | undefined;
    let settled = false;
    let connectMs: number | null = null;
    let connectedAt = 0;
    let ocspStapled = false;
    let peerChain: DetailedPeerCertificate | null = null;
    tcp.on('error', () => undefined);

    const fail = (failure: AddressFailure) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      tls?.destroy();
      tcp.destroy();
      resolve({
        ok: false,
        failure,
        connectMs,
        handshakeMs: connectMs === null ? null : elapsed(connectedAt),
      });
    };

    const connectBudget = budget(options.connectTimeoutMs, options.deadlineAt);
    let timer = setTimeout(() => fail(timeoutFailure('connect', connectBudget)), connectBudget);
    tcp.once('error', (error: NodeJS.ErrnoException) => fail(connectFailure(error.code)));

    tcp.once('connect', () => {
      if (settled) return;
      clearTimeout(timer);
      connectedAt = performance.now();
      connectMs = elapsed(start);
      tcp.removeAllListeners('error');
      tcp.on('error', () => undefined);
      // tls.connect passes requestOCSP on to the TLSSocket; @types/node only lists it on TLSSocketOptions.
      const tlsOptions: ConnectionOptions & TLSSocketOptions = {
        socket: tcp,
        // Node checks the name against servername, else host: an IP target is checked against its IP SANs.
        host: options.ip,
        servername: options.servername,
        rejectUnauthorized: false,
        requestOCSP: true,
        secureContext: options.secureContext,
        ALPNProtocols: ['http/1.1'],
        // After a chain verifies, Node builds it (getPeerCertificate(true)) to check the name: keep it rather than
        // build it twice. The probe judges the name itself (verify.ts), so this check passes everything.
        checkServerIdentity: (_host, cert) => {
          peerChain = cert as DetailedPeerCertificate;
          return undefined;
        },
      };
      const socket = tlsConnect(tlsOptions);
      tls = socket;
      const handshakeBudget = budget(options.handshakeTimeoutMs, options.deadlineAt);
      timer = setTimeout(() => fail(timeoutFailure('handshake', handshakeBudget)), handshakeBudget);
      let handshakeDone = false;
      const announce = () => {
        if (handshakeDone || settled) return;
        handshakeDone = true;
        options.onHandshakeDone?.(socket);
      };
      // Node emits 'secure' when the handshake completes, then runs its own verification listener, which builds the
      // legacy peer chain (a third of a millisecond for a short chain): being first lets a request overlap that.
      socket.prependOnceListener('secure', announce);
      socket.on('OCSPResponse', (response: Buffer | null) => {
        ocspStapled = response !== null && response.length > 0;
      });
      const onError = (error: NodeJS.ErrnoException) => fail(handshakeFailure(error.code));
      const onClose = () => fail(handshakeFailure(undefined));
      socket.on('error', onError);
      socket.once('close', onClose);
      socket.once('secureConnect', () => {
        announce();
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        // Only this function's own listeners: the caller's (onHandshakeDone) stay.
        socket.off('close', onClose);
        socket.off('error', onError);
        socket.on('error', () => undefined);
        resolve({
          ok: true,
          session: {
            socket,
            connectMs: connectMs ?? 0,
            handshakeMs: elapsed(connectedAt),
            ocspStapled,
            peerChain,
          },
        });
      });
    });
  });
}
