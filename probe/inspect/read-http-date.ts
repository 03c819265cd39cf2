import type { TLSSocket } from 'node:tls';

/** What the HTTP answer over the inspected connection said about time. */
export interface HttpDateReading {
  /** The Date header, verbatim (trimmed); null when the answer had none. */
  dateHeader: string | null;
  /** Probe clock (ms) when the request was written. */
  requestStartMs: number;
  /** Probe clock (ms) when the first byte of the answer arrived. */
  responseStartMs: number;
}

export interface ReadHttpDateOptions {
  /** Host header value. */
  authority: string;
  timeoutMs: number;
  maxHeaderBytes: number;
  /** The probe's wall clock. */
  now: () => number;
}

/** The value of the first Date header in a raw header block; null without one. */
export function findDateHeader(head: string): string | null {
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === 'date')
      return line.slice(colon + 1).trim();
  }
  return null;
}

/**
 * Sends `HEAD /` over the open TLS connection and reads the answer's headers, at most `maxHeaderBytes`, for at
 * most `timeoutMs`. Resolves null when the server does not answer HTTP in time (a TLS service that is not HTTPS).
 * Never throws; leaves the socket for the caller to destroy.
 */
export function readHttpDate(
  socket: TLSSocket,
  options: ReadHttpDateOptions,
): Promise<HttpDateReading | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let responseStartMs: number | null = null;
    let done = false;
    const finish = (complete: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.off('data', onData);
      socket.pause();
      if (responseStartMs === null) return resolve(null);
      const head = Buffer.concat(chunks).toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      const block = end >= 0 ? head.slice(0, end) : head;
      if (!/^HTTP\/\d(?:\.\d)? \d{3}/.test(block) || (!complete && end < 0 && !block.includes('\r\n'))) {
        return resolve(null);
      }
      resolve({ dateHeader: findDateHeader(block), requestStartMs, responseStartMs });
    };
    const onData = (chunk: Buffer) => {
      responseStartMs ??= options.now();
      const room = options.maxHeaderBytes - received;
      chunks.push(chunk.subarray(0, Math.max(0, room)));
      received += Math.min(chunk.length, room);
      if (received >= options.maxHeaderBytes || Buffer.concat(chunks).includes('\r\n\r\n')) finish(true);
    };
    const timer = setTimeout(() => finish(false), Math.max(0, options.timeoutMs));
    socket.on('data', onData);
    socket.once('end', () => finish(true));
    socket.once('close', () => finish(true));
    socket.once('error', () => finish(true));
    const requestStartMs = options.now();
    socket.write(
      `HEAD / HTTP/1.1\r\nHost: ${options.authority}\r\nUser-Agent: certglance-probe\r\nAccept: */*\r\nConnection: close\r\n\r\n`,
    );
  });
}
