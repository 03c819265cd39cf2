import type { Cause } from '../../core/causes';
import { mapNodeError } from '../../core/error-map';

/** Why one address could not be inspected: a stable code, a message about the target, and the cause it means. */
export interface AddressFailure {
  code: string;
  message: string;
  cause: Cause;
}

const CONNECT_MESSAGES: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused: nothing listens on that port',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  EADDRNOTAVAIL: 'the address is not available from the probe',
};

/** A failure while opening the TCP connection: connection_failed unless the code says otherwise. */
export function connectFailure(code: string | undefined): AddressFailure {
  const mapped = code === undefined ? undefined : mapNodeError(code).causes[0];
  return {
    code: code ?? 'CONNECT_FAILED',
    message: (code !== undefined ? CONNECT_MESSAGES[code] : undefined) ?? 'the TCP connection failed',
    cause: mapped ?? 'connection_failed',
  };
}

/**
 * A failure during the TLS handshake: a reset or a close (the connection itself had opened, so these are
 * handshake_failure), a peer that does not speak TLS (ERR_SSL_WRONG_VERSION_NUMBER and similar), or no shared
 * protocol version or cipher (protocol_mismatch).
 */
export function handshakeFailure(code: string | undefined): AddressFailure {
  const mapped = code === undefined ? undefined : mapNodeError(code).causes[0];
  const cause: Cause = mapped === 'protocol_mismatch' || mapped === 'timeout' ? mapped : 'handshake_failure';
  let message = 'the server closed the connection before the TLS handshake completed';
  if (code === 'ECONNRESET') message = 'the server reset the connection during the TLS handshake';
  else if (code === 'ERR_SSL_EXCESSIVE_MESSAGE_SIZE')
    message = 'the server sent a certificate chain too large to accept';
  else if (cause === 'protocol_mismatch') message = 'the server and the probe share no TLS version or cipher';
  else if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG') {
    message = 'the server does not speak TLS on this port';
  } else if (code?.startsWith('ERR_SSL_')) message = 'the TLS handshake failed';
  return { code: code ?? 'HANDSHAKE_FAILED', message, cause };
}

/** A phase that ran out of time. */
export function timeoutFailure(phase: 'dns' | 'connect' | 'handshake', afterMs: number): AddressFailure {
  const seconds = afterMs < 1000 ? (afterMs / 1000).toFixed(1) : String(Math.round(afterMs / 1000));
  const what = {
    dns: 'the name did not resolve',
    connect: 'the TCP connection did not open',
    handshake: 'the TLS handshake did not complete',
  }[phase];
  return { code: `${phase.toUpperCase()}_TIMEOUT`, message: `${what} within ${seconds} s`, cause: 'timeout' };
}
