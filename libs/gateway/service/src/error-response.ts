import type { ServerResponse } from 'node:http';

/** The body every service answers an error with; the gateway speaks the same shape for its own errors. */
export interface ErrorBody {
  readonly code: string;
  readonly message: string;
  readonly field: string | null;
}

// Written on the raw response: these errors arise in middleware, outside Nest's exception filters.
export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  const body: ErrorBody = { code, message, field: null };
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
    'Cache-Control': 'no-store',
  });
  res.end(json);
}
