import type { Server } from 'node:net';
import type { Socket } from 'node:net';

/** A server listening on loopback, with a close() that also ends open connections. */
export interface Listening {
  address: string;
  port: number;
  close(): Promise<void>;
}

/** Loopback only: 127.0.0.0/8 or ::1. */
export function assertLoopback(address: string): void {
  if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address) && address !== '::1') {
    throw new Error(`test servers listen on loopback only, not ${address}`);
  }
}

/** Formats an address for a URL authority ([::1] for IPv6). */
export function urlHost(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

/** Starts `server` on `address` (port 0: any), and tracks its sockets so close() never waits on keep-alive. */
export async function listen(server: Server, address: string, port = 0): Promise<Listening> {
  assertLoopback(address);
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = server.address();
  if (bound === null || typeof bound === 'string') throw new Error('server has no TCP address');
  return {
    address,
    port: bound.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      }),
  };
}
