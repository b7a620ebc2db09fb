import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CORRELATION_HEADER, isAcceptableCorrelationId, withCorrelationId } from '@mkt/shared/messaging';

/**
 * Gives each request a correlation id: the caller's `X-Correlation-Id` when it is a plain token, else a new
 * UUID. The id is set on the request (so a proxy forwards it), echoed in the response, and everything the
 * request does runs inside it: units of work stamp it on their events, log lines carry it.
 */
export function correlationMiddleware() {
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    const offered = req.headers[CORRELATION_HEADER];
    const correlationId = isAcceptableCorrelationId(offered) ? offered : randomUUID();
    req.headers[CORRELATION_HEADER] = correlationId;
    res.setHeader('X-Correlation-Id', correlationId);
    withCorrelationId(correlationId, () => next());
  };
}
