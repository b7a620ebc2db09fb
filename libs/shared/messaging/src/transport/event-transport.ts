/** A message as it travels: topic, key (the aggregate id) and the envelope's JSON text. */
export interface TransportMessage {
  readonly topic: string;
  readonly key: string;
  readonly value: string;
  /** Transport headers: the correlation id travels here so a consumer can log under it before parsing. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Receives messages of one partition in order, possibly several at once; resolving acknowledges them all.
 * Rejecting acknowledges none of them, and the transport redelivers.
 */
/** Tells the broker the consumer still works on a slow run (Kafka: a heartbeat). */
export type KeepAlive = () => Promise<void>;

export type MessageHandler = (messages: readonly TransportMessage[], keepAlive?: KeepAlive) => Promise<void>;

export interface TransportSubscription {
  stop(): Promise<void>;
}

/**
 * The broker port. Both adapters give at-least-once delivery in per-key order; duplicates are
 * absorbed by the consumer's inbox, never by the transport.
 */
export interface EventTransport {
  readonly kind: 'kafka' | 'in-process';
  /** Creates topics that do not exist yet; subscribing to a missing topic fails on Kafka. */
  ensureTopics(topics: readonly string[]): Promise<void>;
  /** Resolves once every message is durably accepted (Kafka: acks=all; in-process: handled by every subscriber). */
  publish(messages: readonly TransportMessage[]): Promise<void>;
  /** One subscription per consumer group (= service); the handler resolving acknowledges the message. */
  subscribe(group: string, topics: readonly string[], handler: MessageHandler): Promise<TransportSubscription>;
  /** Readiness: whether the broker answers now (Kafka: a metadata request within a few seconds). */
  isReachable(): Promise<boolean>;
  close(): Promise<void>;
}

export const EVENT_TRANSPORT = Symbol('EventTransport');
