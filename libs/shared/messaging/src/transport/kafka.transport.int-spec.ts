import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { silentLogger } from '../messaging-logger';
import type { TransportMessage } from './event-transport';
import { KafkaTransport } from './kafka.transport';

const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');

/** A broker address nothing listens on: a port that was just free and is closed again. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return `127.0.0.1:${port}`;
}

/** Subscribes; `delivered` resolves with the first batch that arrives (wrapped, so awaiting the subscription does not wait for it). */
async function firstDelivery(kafka: KafkaTransport, group: string, topic: string): Promise<{ delivered: Promise<TransportMessage[]> }> {
  let arrived: (messages: TransportMessage[]) => void = () => undefined;
  const delivered = new Promise<TransportMessage[]>((resolve) => (arrived = resolve));
  await kafka.subscribe(group, [topic], async (messages) => arrived([...messages]));
  return { delivered };
}

describe('KafkaTransport on a real broker: topics, groups, headers and readiness', () => {
  const transports: KafkaTransport[] = [];
  const transport = (list: readonly string[], groupPrefix = '') => {
    const t = new KafkaTransport({ brokers: list, clientId: `transport-spec-${randomUUID().slice(0, 8)}`, partitions: 1, sessionTimeoutMs: 6000, groupPrefix }, silentLogger);
    transports.push(t);
    return t;
  };

  afterAll(async () => {
    await Promise.all(transports.map((t) => t.close()));
  });

  it('delivers a message’s headers to the consumer as text, so the correlation id survives the hop', async () => {
    const kafka = transport(brokers);
    const topic = `transport-spec.headers.${randomUUID()}`;
    await kafka.ensureTopics([topic]);
    const { delivered } = await firstDelivery(kafka, `transport-spec-${randomUUID()}`, topic);

    await kafka.publish([{ topic, key: 'k-1', value: '{"id":"e-1"}', headers: { 'x-correlation-id': 'corr-42' } }]);

    expect(await delivered).toEqual([{ topic, key: 'k-1', value: '{"id":"e-1"}', headers: { 'x-correlation-id': 'corr-42' } }]);
  }, 60000);

  it('creates the same missing topics from several processes at once without failing any of them', async () => {
    const topics = [`transport-spec.race.${randomUUID()}`, `transport-spec.race.${randomUUID()}`];
    const starting = Array.from({ length: 4 }, () => transport(brokers).ensureTopics(topics));

    await expect(Promise.all(starting)).resolves.toHaveLength(4);
    await expect(transport(brokers).ensureTopics(topics)).resolves.toBeUndefined();
  }, 60000);

  it('keeps the consumer groups of two deployments apart by their prefix, so each receives every event', async () => {
    const topic = `transport-spec.groups.${randomUUID()}`;
    const [first, second] = [transport(brokers, `run-${randomUUID()}-`), transport(brokers, `run-${randomUUID()}-`)];
    await first.ensureTopics([topic]);
    const deliveries = [await firstDelivery(first, 'draw', topic), await firstDelivery(second, 'draw', topic)];

    await first.publish([{ topic, key: 'k-1', value: '{"id":"e-1"}' }]);

    for (const delivered of await Promise.all(deliveries.map((d) => d.delivered))) expect(delivered.map((m) => m.value)).toEqual(['{"id":"e-1"}']);
  }, 60000);

  it('is reachable while the broker answers, and not when nothing listens at the address', async () => {
    await expect(transport(brokers).isReachable()).resolves.toBe(true);
    await expect(transport([await closedPort()]).isReachable(2000)).resolves.toBe(false);
  }, 30000);
});
