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
