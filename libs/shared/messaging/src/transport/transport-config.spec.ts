import { transportConfigFromEnv } from './transport-config';

describe('transportConfigFromEnv', () => {
  it('runs in-process unless Kafka is asked for', () => {
    expect(transportConfigFromEnv('draw', {})).toEqual({ kind: 'in-process' });
  });

  it('reads the Kafka settings, with the service name as client id and no group prefix by default', () => {
    expect(transportConfigFromEnv('draw', { EVENT_TRANSPORT: 'kafka', KAFKA_BROKERS: 'k1:9092, k2:9092' })).toEqual({
      kind: 'kafka',
      brokers: ['k1:9092', 'k2:9092'],
      clientId: 'draw',
      partitions: 3,
      replicationFactor: 1,
      sessionTimeoutMs: 10000,
      groupPrefix: '',
    });
  });

  it('puts a deployment’s group prefix in front of every consumer group', () => {
    expect(transportConfigFromEnv('draw', { EVENT_TRANSPORT: 'kafka', KAFKA_GROUP_PREFIX: 'staging-' })).toMatchObject({ groupPrefix: 'staging-' });
  });

  it('refuses an unknown transport by name', () => {
    expect(() => transportConfigFromEnv('draw', { EVENT_TRANSPORT: 'rabbit' })).toThrow(/EVENT_TRANSPORT must be "kafka" or "in-process", not "rabbit"/);
  });
});
