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

describe('KafkaTransport on a real broker: headers and readiness', () => {
  const transports: KafkaTransport[] = [];
  const transport = (list: readonly string[]) => {
    const t = new KafkaTransport({ brokers: list, clientId: `transport-spec-${randomUUID().slice(0, 8)}`, partitions: 1, sessionTimeoutMs: 6000 }, silentLogger);
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
    const received: TransportMessage[] = [];
    let arrived: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (arrived = resolve));
    await kafka.subscribe(`transport-spec-${randomUUID()}`, [topic], async (messages) => {
      received.push(...messages);
      arrived();
    });

    await kafka.publish([{ topic, key: 'k-1', value: '{"id":"e-1"}', headers: { 'x-correlation-id': 'corr-42' } }]);
    await done;

    expect(received).toEqual([{ topic, key: 'k-1', value: '{"id":"e-1"}', headers: { 'x-correlation-id': 'corr-42' } }]);
  }, 60000);

  it('is reachable while the broker answers, and not when nothing listens at the address', async () => {
    await expect(transport(brokers).isReachable()).resolves.toBe(true);
    await expect(transport([await closedPort()]).isReachable(2000)).resolves.toBe(false);
  }, 30000);
});
