import type { EventEnvelope } from '@mkt/shared/contracts';

/** An outbox row as written in the producer's transaction. */
export interface OutboxRow {
  readonly eventId: string;
  readonly topic: string;
  readonly aggregateId: string;
  readonly eventType: string;
  /** Exact JSON text published later; never re-serialised on the way out. */
  readonly envelope: string;
}

export function outboxRowOf(topic: string, envelope: EventEnvelope): OutboxRow {
  return {
    eventId: envelope.id,
    topic,
    aggregateId: envelope.aggregateId,
    eventType: envelope.type,
    envelope: JSON.stringify(envelope),
  };
}
