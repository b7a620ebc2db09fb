import { Kafka, logLevel, Partitioners, type Admin, type Consumer, type IHeaders, type LogEntry, type Producer } from 'kafkajs';
import type { MessagingLogger } from '../messaging-logger';
import type { EventTransport, MessageHandler, TransportMessage, TransportSubscription } from './event-transport';

// Messages handled in one consumer transaction: large enough to amortise commits, small enough to heartbeat often.
const CHUNK = 100;
const ENSURE_TOPICS_ATTEMPTS = 8;

export interface KafkaTransportOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly partitions?: number;
  readonly replicationFactor?: number;
  /** Consumer session timeout; short in tests so a killed member is noticed quickly. */
  readonly sessionTimeoutMs?: number;
  /** Put before every consumer group id (a deployment or test run of its own on a shared cluster). */
  readonly groupPrefix?: string;
}

/**
 * Kafka adapter on kafkajs. Producer: idempotent, acks=all, one request in flight (ordering), the
 * Java-compatible murmur2 partitioner so keys land where other Kafka clients put them. Consumers: one
 * group per service, reading a new group from the earliest offset so read models can be rebuilt.
 */
export class KafkaTransport implements EventTransport {
  readonly kind = 'kafka' as const;
  private readonly kafka: Kafka;
  private producer: Promise<Producer> | null = null;
  private probe: Promise<Admin> | null = null;
  private readonly consumers = new Set<Consumer>();

  constructor(
    private readonly options: KafkaTransportOptions,
    private readonly logger: MessagingLogger,
  ) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      connectionTimeout: 3000,
      requestTimeout: 10000,
      retry: { initialRetryTime: 200, maxRetryTime: 5000, retries: 8 },
      logLevel: logLevel.WARN,
      logCreator: () => (entry: LogEntry) => this.logKafka(entry),
    });
  }

  /**
   * Several services start together and create the same topics: a topic another process has just created can
   * be missing from the metadata for a moment (UNKNOWN_TOPIC_OR_PARTITION), so retriable errors are retried.
   */
  async ensureTopics(topics: readonly string[]): Promise<void> {
    if (topics.length === 0) return;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.createMissingTopics(topics);
      } catch (error) {
        if (!isRetriable(error) || attempt >= ENSURE_TOPICS_ATTEMPTS) throw error;
        this.logger.warn(`kafka topics not ready yet (${(error as Error).message}); retrying (${attempt}/${ENSURE_TOPICS_ATTEMPTS})`);
        await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
      }
    }
  }

  private async createMissingTopics(topics: readonly string[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((t) => !existing.has(t));
      if (missing.length > 0) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({
            topic,
            numPartitions: this.options.partitions ?? 3,
            replicationFactor: this.options.replicationFactor ?? 1,
          })),
        });
      }
      // Every topic must have its leaders before the service subscribes or publishes to it.
      await admin.fetchTopicMetadata({ topics: [...topics] });
    } finally {
      await admin.disconnect();
    }
  }

  async publish(messages: readonly TransportMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const byTopic = new Map<string, { key: string; value: string; headers?: Record<string, string> }[]>();
    for (const m of messages) {
      const list = byTopic.get(m.topic) ?? [];
      list.push({ key: m.key, value: m.value, ...(m.headers ? { headers: { ...m.headers } } : {}) });
      byTopic.set(m.topic, list);
    }
    const producer = await this.connectedProducer();
    try {
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, list]) => ({ topic, messages: list })),
      });
    } catch (error) {
      // After an outage the idempotent producer's sequence state may be stale: start a fresh one.
      // A resend can duplicate a message; consumers' inboxes absorb that.
      await this.dropProducer();
      throw error;
    }
  }

  async subscribe(group: string, topics: readonly string[], handler: MessageHandler): Promise<TransportSubscription> {
    const sessionTimeout = this.options.sessionTimeoutMs ?? 10000;
    const consumer = this.kafka.consumer({
      groupId: `${this.options.groupPrefix ?? ''}${group}`,
      sessionTimeout,
      heartbeatInterval: Math.max(500, Math.floor(sessionTimeout / 3)),
      // A consumer that loses the broker keeps restarting until it is back.
      retry: { initialRetryTime: 300, maxRetryTime: 5000, retries: 10, restartOnFailure: async () => true },
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: Math.max(1, this.options.partitions ?? 3),
      eachBatchAutoResolve: false,
      // A fetched batch is handed over in chunks; each chunk's offsets are resolved only after it is handled,
      // so a crash redelivers from the first unhandled message.
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        for (let i = 0; i < batch.messages.length && isRunning() && !isStale(); i += CHUNK) {
          const chunk = batch.messages.slice(i, i + CHUNK);
          await handler(chunk.map((m) => ({ topic: batch.topic, key: m.key?.toString() ?? '', value: m.value?.toString() ?? '', headers: textHeaders(m.headers) })), heartbeat);
          resolveOffset(chunk[chunk.length - 1].offset);
          await heartbeat();
        }
      },
    });
    this.consumers.add(consumer);
    return {
      stop: async () => {
        this.consumers.delete(consumer);
        await consumer.disconnect();
      },
    };
  }

  /**
   * Asks the cluster for its brokers on a long-lived admin connection, so a readiness probe every few seconds
   * costs one small request, not a new connection. Any failure or a slow answer means not reachable.
   */
  async isReachable(timeoutMs = 3000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const probe = (async () => {
      const admin = await this.connectedProbe();
      const cluster = await admin.describeCluster();
      return cluster.brokers.length > 0;
    })().catch(async () => {
      await this.dropProbe();
      return false;
    });
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.dropProbe();
    await Promise.all([...this.consumers].map((c) => c.disconnect().catch(() => undefined)));
    this.consumers.clear();
    await this.dropProducer();
  }

  private connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
        retry: { initialRetryTime: 100, maxRetryTime: 1000, retries: 3 },
      });
      this.producer = producer.connect().then(
        () => producer,
        (error) => {
          this.producer = null;
          throw error;
        },
      );
    }
    return this.producer;
  }

  private connectedProbe(): Promise<Admin> {
    if (!this.probe) {
      const admin = this.kafka.admin({ retry: { retries: 0 } });
      this.probe = admin.connect().then(() => admin);
    }
    return this.probe;
  }

  private async dropProbe(): Promise<void> {
    const pending = this.probe;
    this.probe = null;
    if (pending) await pending.then((a) => a.disconnect()).catch(() => undefined);
  }

  private async dropProducer(): Promise<void> {
    const pending = this.producer;
    this.producer = null;
    if (pending) await pending.then((p) => p.disconnect()).catch(() => undefined);
  }

  private logKafka({ level, log }: LogEntry): void {
    const text = `kafka ${log.message}${log.broker ? ` (${log.broker})` : ''}`;
    if (level === logLevel.ERROR) this.logger.error(text);
    else if (level === logLevel.WARN) this.logger.warn(text);
  }
}

function isRetriable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { retriable?: unknown }).retriable === true;
}

/** Kafka header values arrive as bytes (or lists of them); the platform's headers are single UTF-8 strings. */
function textHeaders(headers: IHeaders | undefined): Record<string, string> | undefined {
  if (!headers) return undefined;
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) text[name] = first.toString();
  }
  return text;
}
