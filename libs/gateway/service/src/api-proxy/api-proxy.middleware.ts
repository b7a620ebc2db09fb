import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { Logger } from '@nestjs/common';
import { createProxyMiddleware, fixRequestBody, type RequestHandler } from 'http-proxy-middleware';
import { correlationMiddleware } from '@mkt/shared/http';
import { sendError } from '../error-response';
import type { ProxyMetrics } from './proxy-metrics';
import { serviceNameOf, type ServiceRoutes } from './service-routes';

export interface ApiProxyOptions {
  readonly routes: ServiceRoutes;
  /** Give up on an upstream that has not answered after this long (answered as 502). Default 30 s. */
  readonly upstreamTimeoutMs?: number;
  /**
   * Keep X-Forwarded-* headers the client sent. Off by default: the gateway is the public edge, so anything a
   * client claims there is spoofable. Turn on only behind a proxy that sets them itself.
   */
  readonly trustForwardedHeaders?: boolean;
}

type Next = (err?: unknown) => void;

const CLIENT_FORWARDED_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port'];

/**
 * Forwards `/api/<service>/...` unchanged (path, query, method, headers, body stream) to that service's base URL,
 * adding X-Forwarded-*. Unknown services get 404 and unreachable ones 502, both as `{ code, message, field }`.
 */
export function apiProxyMiddleware(options: ApiProxyOptions, metrics: ProxyMetrics | null = null) {
  const logger = new Logger('ApiProxy');
  const correlate = correlationMiddleware();
  const proxies = new Map<string, RequestHandler>();
  for (const [service, target] of Object.entries(options.routes)) {
    proxies.set(
      service,
      createProxyMiddleware<IncomingMessage, ServerResponse>({
        target,
        changeOrigin: true,
        xfwd: true,
        proxyTimeout: options.upstreamTimeoutMs ?? 30_000,
        on: {
          // Only matters when the host app parsed the body before us (the gateway app itself does not).
          proxyReq: fixRequestBody,
          error: (err, _req, res) => {
            logger.warn(`${service} at ${target}: ${describe(err)}`);
            metrics?.upstreamFailed(service, (err as NodeJS.ErrnoException).code);
            answerUpstreamUnavailable(res, service);
          },
        },
      }),
    );
  }

  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    const service = serviceNameOf(req.url ?? '/');
    // `/api/docs` is the gateway's own page over every service's document, not a service.
    if (service === 'docs') return next();
    // A Map, not the routes object, so `/api/constructor/...` cannot resolve through the prototype chain.
    const proxy = service === null ? undefined : proxies.get(service);
    if (!proxy) {
      sendError(res, 404, 'GATEWAY.UNKNOWN_SERVICE', service ? `No service named "${service}".` : 'Requests under /api must name a service: /api/<service>/...');
      return;
    }
    if (!options.trustForwardedHeaders) {
      for (const header of CLIENT_FORWARDED_HEADERS) delete req.headers[header];
    }
    if (metrics) observeForwarding(metrics, service as string, req, res);
    // The id set here (or the client's) is forwarded to the service, which logs and stamps its events with it.
    correlate(req, res, () => void proxy(req, res, next));
  };
}

/** Counted once, when the answer is complete, or as `aborted` when the connection closes before it is. */
function observeForwarding(metrics: ProxyMetrics, service: string, req: IncomingMessage, res: ServerResponse): void {
  const started = process.hrtime.bigint();
  let counted = false;
  const count = () => {
    if (counted) return;
    counted = true;
    metrics.observe(service, req.method ?? 'GET', res.writableFinished ? String(res.statusCode) : 'aborted', Number(process.hrtime.bigint() - started) / 1e9);
  };
  res.once('finish', count);
  res.once('close', count);
}

function answerUpstreamUnavailable(res: ServerResponse | Socket, service: string): void {
  // A bare socket (websocket upgrade) has no status to set, and once the upstream's status line went out,
  // cutting the response short is the only honest signal left.
  if (!('writeHead' in res) || res.headersSent) {
    res.destroy();
    return;
  }
  sendError(res, 502, 'GATEWAY.UPSTREAM_UNAVAILABLE', `The ${service} service is not reachable right now; try again shortly.`);
}

function describe(err: Error): string {
  const code = (err as NodeJS.ErrnoException).code;
  return code ? `${code} ${err.message}` : err.message;
}
