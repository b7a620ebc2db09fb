import type { MessagingLogger } from '../messaging-logger';
import type { EventTransport } from './event-transport';
import { InProcessTransport } from './in-process.transport';
import { KafkaTransport } from './kafka.transport';

export type TransportConfig =
  | { readonly kind: 'in-process' }
  | {
      readonly kind: 'kafka';
      readonly brokers: readonly string[];
      readonly clientId: string;
      readonly partitions: number;
      /** Copies of each topic the marketplace creates: 1 on a single broker, 3 on a production cluster. */
      readonly replicationFactor: number;
      readonly sessionTimeoutMs: number;
      /** Put before each service's consumer group id, so two deployments sharing a cluster never split a group. */
      readonly groupPrefix: string;
    };

/**
 * `EVENT_TRANSPORT=kafka|in-process` (default in-process), `KAFKA_BROKERS`, `KAFKA_TOPIC_PARTITIONS`,
 * `KAFKA_TOPIC_REPLICATION_FACTOR` (default 1), `KAFKA_SESSION_TIMEOUT_MS`, `KAFKA_GROUP_PREFIX` (default none).
 */
export function transportConfigFromEnv(clientId: string, env: NodeJS.ProcessEnv = process.env): TransportConfig {
  const kind = env['EVENT_TRANSPORT'] ?? 'in-process';
  if (kind === 'in-process') return { kind };
  if (kind !== 'kafka') throw new Error(`EVENT_TRANSPORT must be "kafka" or "in-process", not "${kind}"`);
  return {
    kind,
    brokers: (env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',').map((b) => b.trim()).filter(Boolean),
    clientId: env['KAFKA_CLIENT_ID'] ?? clientId,
    partitions: Number(env['KAFKA_TOPIC_PARTITIONS'] ?? 3),
    replicationFactor: Number(env['KAFKA_TOPIC_REPLICATION_FACTOR'] ?? 1),
    sessionTimeoutMs: Number(env['KAFKA_SESSION_TIMEOUT_MS'] ?? 10000),
    groupPrefix: env['KAFKA_GROUP_PREFIX'] ?? '',
  };
}

export function createTransport(config: TransportConfig, logger: MessagingLogger): EventTransport {
  return config.kind === 'kafka' ? new KafkaTransport(config, logger) : new InProcessTransport();
}
