import { randomUUID } from 'node:crypto';
import { defineEvent, type EventEnvelope } from '@mkt/shared/contracts';
import { ServiceDatabase } from '@mkt/shared/persistence';
import { FixedClock } from '@mkt/shared/testing';
import { silentLogger } from './messaging-logger';
import { PLATFORM_MIGRATIONS } from './nest/service-platform.module';
import { ServicePlatform } from './service-platform';
import type { EventTransport, TransportMessage } from './transport/event-transport';
import { InProcessTransport } from './transport/in-process.transport';

interface ThingCountedV1 {
  readonly thingId: string;
  readonly amount: number;
}
const ThingCountedV1 = defineEvent<ThingCountedV1>({
  type: 'producer.ThingCounted',
  version: 1,
  topic: 'producer.thing.v1',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['thingId', 'amount'],
    properties: { thingId: { type: 'string', minLength: 1 }, amount: { type: 'integer' } },
  },
});

/** An in-process transport that can be switched off, as a broker outage would. */
class SwitchableTransport extends InProcessTransport {
  down = false;
  override async publish(messages: readonly TransportMessage[]): Promise<void> {
    if (this.down) throw new Error('broker unavailable');
    return super.publish(messages);
  }
}

async function openDatabase(service: string): Promise<ServiceDatabase> {
  return ServiceDatabase.open({
    service,
    config: { kind: 'pglite', dataDir: 'memory://' },
    entities: [],
    migrations: [...PLATFORM_MIGRATIONS],
  });
}

function platform(service: string, database: ServiceDatabase, transport: EventTransport): ServicePlatform {
  return new ServicePlatform(
    { service, produces: [ThingCountedV1.topic], relay: { pollIntervalMs: 60000 }, inbox: { maxAttempts: 3, retryDelayMs: 1 } },
    database,
    transport,
    new FixedClock(),
    silentLogger,
  );
}

describe('event backbone on one process (outbox → relay → transport → inbox)', () => {
  let producerDb: ServiceDatabase;
  let consumerDb: ServiceDatabase;
  let transport: SwitchableTransport;
  let producer: ServicePlatform;
  let consumer: ServicePlatform;
  let handled: EventEnvelope<ThingCountedV1>[];
  let failNextHandles: number;

  beforeAll(async () => {
    [producerDb, consumerDb] = await Promise.all([openDatabase('producer'), openDatabase('consumer')]);
    await consumerDb.dataSource.query(`CREATE TABLE tally (thing_id text PRIMARY KEY, total int NOT NULL)`);
  }, 60000);

  afterAll(async () => {
    await Promise.all([producerDb?.close(), consumerDb?.close()]);
  });

  beforeEach(async () => {
    for (const db of [producerDb, consumerDb]) await db.dataSource.query(`TRUNCATE outbox, inbox, parked_events, idempotent_requests`);
    await consumerDb.dataSource.query(`TRUNCATE tally`);
    transport = new SwitchableTransport();
    producer = platform('producer', producerDb, transport);
    consumer = platform('consumer', consumerDb, transport);
    handled = [];
    failNextHandles = 0;
    consumer.subscriptions.on(ThingCountedV1, async (event, tx) => {
      if (failNextHandles > 0) {
        failNextHandles--;
        throw new Error('tally table is locked');
      }
      handled.push(event);
      await tx.manager.query(
        `INSERT INTO tally VALUES ($1, $2) ON CONFLICT (thing_id) DO UPDATE SET total = tally.total + EXCLUDED.total`,
        [event.payload.thingId, event.payload.amount],
      );
    });
    await consumer.startConsuming();
  });

  const count = (thingId: string, amount: number) =>
    producer.unitOfWork.run(async (tx) => tx.publish(ThingCountedV1, thingId, { thingId, amount }));
  const tally = async (thingId: string): Promise<number | null> =>
    (await consumerDb.dataSource.query(`SELECT total FROM tally WHERE thing_id = $1`, [thingId]))[0]?.total ?? null;
  const unpublished = async (): Promise<number> =>
    (await producerDb.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`))[0].n;
  const parked = async () => consumerDb.dataSource.query(`SELECT event_id, reason, attempts FROM parked_events ORDER BY id`);

  it('commits the state change and its event together, or neither', async () => {
    await producerDb.dataSource.query(`CREATE TABLE IF NOT EXISTS thing (id text PRIMARY KEY)`);
    await expect(
      producer.unitOfWork.run(async (tx) => {
        await tx.manager.query(`INSERT INTO thing VALUES ('a')`);
        tx.publish(ThingCountedV1, 'a', { thingId: 'a', amount: 1 });
        throw new Error('rule broken after the write');
      }),
    ).rejects.toThrow('rule broken');
    const [{ things }] = await producerDb.dataSource.query(`SELECT count(*)::int AS things FROM thing`);
    expect(things).toBe(0);
    expect(await unpublished()).toBe(0);
  });

  it('refuses to record an event whose payload breaks its own contract', async () => {
    await expect(
      producer.unitOfWork.run(async (tx) => tx.publish(ThingCountedV1, 'a', { thingId: 'a', amount: 1.5 })),
    ).rejects.toThrow(/payload\/amount/);
    expect(await unpublished()).toBe(0);
  });

  it('stamps the envelope with producer, clock time and causation', async () => {
    const event = await count('a', 1);
    expect(event).toMatchObject({ type: 'producer.ThingCounted', version: 1, producer: 'producer', aggregateId: 'a', causationId: null });
    expect(event.correlationId).toBe(event.id);
    expect(event.occurredAt).toBe('2026-01-05T08:00:00.000Z');
  });

  it('delivers committed events in commit order and marks them published', async () => {
    for (let i = 1; i <= 5; i++) await count('a', i);
    expect(await producer.relay.drain()).toBe(5);
    expect(handled.map((e) => e.payload.amount)).toEqual([1, 2, 3, 4, 5]);
    expect(await tally('a')).toBe(15);
    expect(await unpublished()).toBe(0);
  });

  it('keeps events while the transport is down and delivers each exactly once when it is back', async () => {
    transport.down = true;
    await count('a', 1);
    await count('b', 2);
    await expect(producer.relay.drain()).rejects.toThrow('broker unavailable');
    expect(await unpublished()).toBe(2);
    transport.down = false;
    expect(await producer.relay.drain()).toBe(2);
    expect([await tally('a'), await tally('b')]).toEqual([1, 2]);
  });

  it('applies a redelivered event once', async () => {
    const event = await count('a', 3);
    const message = { topic: ThingCountedV1.topic, key: 'a', value: JSON.stringify(event) };
    await expect(consumer.inbox.deliver(message)).resolves.toBe('handled');
    await expect(consumer.inbox.deliver(message)).resolves.toBe('duplicate');
    expect(await tally('a')).toBe(3);
  });

  it('parks an event that breaks its contract, with the reason, and handles the next one', async () => {
    const bad = { ...(await count('a', 1)), id: randomUUID(), payload: { thingId: 'a', amount: 'ten' } };
    await expect(consumer.inbox.deliver({ topic: ThingCountedV1.topic, key: 'a', value: JSON.stringify(bad) })).resolves.toBe('parked');
    await expect(consumer.inbox.deliver({ topic: ThingCountedV1.topic, key: 'a', value: 'not json' })).resolves.toBe('parked');
    await producer.relay.drain();
    expect(await tally('a')).toBe(1);
    const rows = await parked();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ event_id: bad.id, attempts: 0 });
    expect(rows[0].reason).toContain('payload/amount');
    expect(rows[1].reason).toContain('malformed JSON');
  });

  it('retries a failing handler and succeeds without double effects', async () => {
    failNextHandles = 2;
    await count('a', 4);
    await producer.relay.drain();
    expect(await tally('a')).toBe(4);
    expect(await parked()).toHaveLength(0);
  });

  it('parks an event whose handler keeps failing, and carries on with what follows', async () => {
    failNextHandles = 3;
    const stuck = await count('a', 4);
    await count('b', 5);
    await producer.relay.drain();
    expect(await tally('a')).toBeNull();
    expect(await tally('b')).toBe(5);
    const [row] = await parked();
    expect(row).toMatchObject({ event_id: stuck.id, attempts: 3 });
    expect(row.reason).toContain('tally table is locked');
  });

  it('keeps the subscription alive between the retries of a failing handler', async () => {
    const stuck = await count('a', 4);
    failNextHandles = 3;
    let keptAlive = 0;

    const outcomes = await consumer.inbox.deliverAll([{ topic: ThingCountedV1.topic, key: stuck.aggregateId, value: JSON.stringify(stuck) }], async () => void keptAlive++);

    expect(outcomes).toEqual(['parked']);
    // Three attempts, two waits between them: the broker hears from the consumer after each wait.
    expect(keptAlive).toBe(2);
  });

  it('handles a run of messages in one transaction, and falls back to one by one when one of them fails', async () => {
    const events = [await count('a', 1), await count('b', 2), await count('c', 3)];
    const asMessage = (e: EventEnvelope) => ({ topic: ThingCountedV1.topic, key: e.aggregateId, value: JSON.stringify(e) });
    failNextHandles = 0;
    await expect(consumer.inbox.deliverAll(events.slice(0, 2).map(asMessage))).resolves.toEqual(['handled', 'handled']);
    // The first fails inside the joint transaction (rolling back the whole run), then keeps failing alone
    // and is parked, while the one behind it is handled on its own.
    const fourth = await count('d', 4);
    failNextHandles = 1 + 3;
    const outcomes = await consumer.inbox.deliverAll([events[2], fourth].map(asMessage));
    expect(outcomes).toEqual(['parked', 'handled']);
    expect([await tally('a'), await tally('b'), await tally('c'), await tally('d')]).toEqual([1, 2, null, 4]);
    // Redelivered once the fault is gone, the parked event is handled; the others stay done.
    await expect(consumer.inbox.deliverAll(events.map(asMessage))).resolves.toEqual(['duplicate', 'duplicate', 'handled']);
    expect(await tally('c')).toBe(3);
  });

  it('hands every event on a topic to a catch-all consumer, typed or not, once each', async () => {
    const everything: string[] = [];
    const recorder = platform('recorder', consumerDb, transport);
    recorder.subscriptions.onEveryEvent([ThingCountedV1.topic], async (event) => void everything.push(`${event.type}@${event.version}`));
    const unknown = { ...(await count('a', 1)), id: randomUUID(), type: 'producer.ThingRenamed', version: 2, payload: { anything: true } };
    const message = { topic: ThingCountedV1.topic, key: 'a', value: JSON.stringify(unknown) };
    await expect(recorder.inbox.deliver(message)).resolves.toBe('handled');
    await expect(recorder.inbox.deliver(message)).resolves.toBe('duplicate');
    await expect(recorder.inbox.deliver({ ...message, topic: 'other.topic.v1' })).resolves.toBe('ignored');
    expect(everything).toEqual(['producer.ThingRenamed@2']);
  });

  it('runs a command with a repeated Idempotency-Key once and answers the repeat with the first result', async () => {
    const key = { scope: 'count:user-1', key: 'k-1', fingerprint: 'f' };
    const first = await producer.unitOfWork.run(async (tx) => tx.publish(ThingCountedV1, 'a', { thingId: 'a', amount: 1 }).id, { idempotency: key });
    const again = await Promise.all([1, 2, 3].map(() =>
      producer.unitOfWork.run(async (tx) => tx.publish(ThingCountedV1, 'a', { thingId: 'a', amount: 1 }).id, { idempotency: key }),
    ));
    expect(again).toEqual([first, first, first]);
    expect(await unpublished()).toBe(1);
  });

  it('refuses an Idempotency-Key reused for a different request', async () => {
    await producer.unitOfWork.run(async () => 'x', { idempotency: { scope: 's', key: 'k-2', fingerprint: 'one' } });
    await expect(producer.unitOfWork.run(async () => 'y', { idempotency: { scope: 's', key: 'k-2', fingerprint: 'two' } })).rejects.toMatchObject({
      code: 'REQUEST.IDEMPOTENCY_KEY_REUSED',
      field: 'Idempotency-Key',
    });
  });

  it('publishes promptly after commit when the relay runs, without waiting for the poll', async () => {
    producer.startRelaying();
    try {
      await count('a', 9);
      const started = Date.now();
      while ((await tally('a')) !== 9) {
        if (Date.now() - started > 5000) throw new Error('event not delivered within 5 s');
        await new Promise((r) => setTimeout(r, 10));
      }
    } finally {
      await producer.relay.stop();
    }
  });
});
