import type { Request } from 'express';

/**
 * The caller's address for rate limits. Behind `hops` trusted proxies, each appending the address it saw to
 * X-Forwarded-For, the client is the entry `hops` from the right; anything further left is client-supplied.
 */
export function clientAddressOf(request: Request, hops: number): string {
  const peer = request.socket?.remoteAddress ?? 'unknown';
  if (hops <= 0) return peer;
  const header = request.headers['x-forwarded-for'];
  const chain = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((s) => s.trim()).filter(Boolean);
  return chain.length >= hops ? chain[chain.length - hops] : peer;
}
