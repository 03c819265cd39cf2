import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request handler, as node:http and node:https call it. */
export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Answers every request 200 with a small HTML page naming `title`. */
export function pageHandler(title: string): Handler {
  const body = `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>certglance test server</p></body></html>`;
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body);
  };
}

/** Wraps a handler so every answer carries a Date header off by `skewMs` (none: the true time). */
export function withDate(handler: Handler, skewMs: number | undefined): Handler {
  return (req, res) => {
    if (skewMs !== undefined) res.setHeader('date', new Date(Date.now() + skewMs).toUTCString());
    handler(req, res);
  };
}

/**
 * For a server that answers several names on one port (servePkiBySni): `/framed` on any of them is a page embedding
 * an iframe of each of `frameHosts` on the same port; every other path is a small page naming the host asked for.
 */
export function framingHandler(frameHosts: readonly string[]): Handler {
  return (req, res) => {
    const [host = '', port = ''] = (req.headers.host ?? '').split(':');
    const body =
      req.url === '/framed'
        ? `<!doctype html><title>framed</title><h1>${host}</h1>` +
          frameHosts.map((h) => `<iframe src="https://${h}:${port}/"></iframe>`).join('')
        : `<!doctype html><title>${host}</title><p>${host}</p>`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body);
  };
}
