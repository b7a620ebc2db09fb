import { randomUUID } from 'node:crypto';
import type { EventContract, EventEnvelope } from '@mkt/shared/contracts';

/** An envelope as a producer's outbox would publish it, for delivering events straight to a consumer in tests. */
export function eventEnvelope<P>(contract: EventContract<P>, aggregateId: string, payload: P, occurredAt = new Date()): EventEnvelope<P> {
  const id = randomUUID();
  return {
    id,
    type: contract.type,
    version: contract.version,
    occurredAt: occurredAt.toISOString(),
    producer: contract.topic.split('.')[0],
    aggregateId,
    correlationId: id,
    causationId: null,
    payload,
  };
}

/** The same, as the transport message a consumer receives. */
export function eventMessage<P>(contract: EventContract<P>, aggregateId: string, payload: P): { topic: string; key: string; value: string } {
  return { topic: contract.topic, key: aggregateId, value: JSON.stringify(eventEnvelope(contract, aggregateId, payload)) };
}
