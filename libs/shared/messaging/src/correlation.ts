import { AsyncLocalStorage } from 'node:async_hooks';

/** The HTTP header, and the Kafka message header, that carries the correlation id between processes. */
export const CORRELATION_HEADER = 'x-correlation-id';

const CORRELATION_ID_FORMAT = /^[A-Za-z0-9._:-]{1,100}$/;

const context = new AsyncLocalStorage<{ readonly correlationId: string }>();

/**
 * Runs `work` with `correlationId` as the id of everything it sets off: units of work started inside stamp it
 * on their events, and log lines written inside carry it. Async continuations inherit it (AsyncLocalStorage).
 */
export function withCorrelationId<T>(correlationId: string, work: () => T): T {
  return context.run({ correlationId }, work);
}

/** The correlation id of the request or event being handled, if any. */
export function currentCorrelationId(): string | undefined {
  return context.getStore()?.correlationId;
}

/** A client's id is echoed into logs and headers: accept only short, plain tokens (UUIDs, trace ids). */
export function isAcceptableCorrelationId(value: unknown): value is string {
  return typeof value === 'string' && CORRELATION_ID_FORMAT.test(value);
}
