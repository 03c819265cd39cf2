/**
 * The reference for the probe benchmark: the least a Node service can do for one target. An HTTP endpoint
 * (node:http, no framework) that opens TLS to ?host=&port= with the same trust store as the probe, verified,
 * sends HEAD / the moment the handshake completes, and answers a few bytes of JSON once the response starts. No
 * certificate is parsed and no report is built: its latency is the floor that Node 20's TLS stack sets.
 * Run: node --import tsx test/bench/tls-head-service.ts PORT CA_FILE
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect as tcpConnect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { buildSecureContext } from '../../probe/inspect/secure-context';

const [listenPort, caFile] = process.argv.slice(2);
if (!listenPort || !caFile) throw new Error('usage: tls-head-service.ts PORT CA_FILE');
const secureContext = buildSecureContext([readFileSync(caFile, 'utf8')]);

createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/healthz') return void response.end('ok');
  const host = url.searchParams.get('host') ?? '';
  // One answer per request, whichever of data, error or close comes first.
  const answer = (status: string) => {
    if (response.headersSent) return;
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ summary: { status } }));
  };
  const port = Number(url.searchParams.get('port'));
  if (!Number.isInteger(port) || port < 1 || port > 65_535) return answer('error');
  const tcp = tcpConnect({ host, port, noDelay: true });
  tcp.on('error', () => answer('error'));
  tcp.once('connect', () => {
    const socket = tlsConnect({ socket: tcp, host, secureContext, rejectUnauthorized: false });
    socket.on('error', () => answer('error'));
    socket.once('close', () => answer('error'));
    socket.prependOnceListener('secure', () => {
      socket.write(`HEAD / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    });
    socket.once('data', () => {
      const trusted = socket.authorized;
      socket.destroy();
      answer(trusted ? 'ok' : 'error');
    });
  });
}).listen(Number(listenPort), '127.0.0.1');
