/**
 * The one shape every integration event travels in, on Kafka and on the in-process bus alike.
 * `payload` is the producer's versioned contract; everything else is routing and tracing metadata.
 */
export interface EventEnvelope<P = unknown> {
  readonly id: string;
  /** `<service>.<EventName>`, e.g. `registry.AgencyStatusChanged`. */
  readonly type: string;
  readonly version: number;
  /** ISO-8601 UTC timestamp of the state change that produced the event. */
  readonly occurredAt: string;
  readonly producer: string;
  /** Kafka key: per-aggregate order is kept by keying on it. */
  readonly aggregateId: string;
  readonly correlationId: string;
  /** Id of the event or request that caused this one; null for a user request without one. */
  readonly causationId: string | null;
  readonly payload: P;
}
