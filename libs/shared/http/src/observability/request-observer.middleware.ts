import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { HttpMetrics } from './http-metrics';

/**
 * Counts and times every request by its route pattern (`/api/registry/agencies/:id`, never the raw path, so
 * the label set stays bounded) and writes one access-log line with the request's correlation id.
 */
export function requestObserverMiddleware(metrics: HttpMetrics, log: Logger | null) {
  return (req: Request, res: Response, next: () => void): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routePatternOf(req);
      metrics.observe(req.method, route, res.statusCode, seconds);
      log?.info(
        { correlationId: res.getHeader('X-Correlation-Id'), method: req.method, path: req.originalUrl.split('?', 1)[0], route, status: res.statusCode, durationMs: Math.round(seconds * 1000) },
        'request',
      );
    });
    next();
  };
}

function routePatternOf(req: Request): string {
  const route = (req as Request & { route?: { path?: unknown } }).route;
  // No matched route: a 404, or a file of the web UI. One label for all of them.
  return typeof route?.path === 'string' ? `${req.baseUrl}${route.path}` : 'unmatched';
}
