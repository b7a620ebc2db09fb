import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isSpaRoute } from './spa-route';
import { UI_NOT_BUILT_PAGE } from './ui-not-built.page';

type Next = (err?: unknown) => void;

/**
 * Answers SPA page requests with index.html, or with a "not built yet" page while it does not exist. Read per
 * request (a few hundred bytes, navigations only) so a rebuild shows up without restarting the server.
 */
export function spaFallbackMiddleware(indexFile: string) {
  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !isSpaRoute(req.url ?? '/')) {
      next();
      return;
    }
    readFile(indexFile).then(
      (html) => sendHtml(req, res, html),
      (err: NodeJS.ErrnoException) =>
        err.code === 'ENOENT' || err.code === 'ENOTDIR' ? sendHtml(req, res, Buffer.from(UI_NOT_BUILT_PAGE)) : next(err),
    );
  };
}

function sendHtml(req: IncomingMessage, res: ServerResponse, html: Buffer): void {
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': html.length,
    // index.html names the content-hashed bundles; a cached copy would keep loading the previous release.
    'Cache-Control': 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : html);
}
