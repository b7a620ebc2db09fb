import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ServiceDatabase } from '@mkt/shared/persistence';
import { createTestDatabases, waitFor } from '@mkt/shared/testing';
import { silentLogger } from '../messaging-logger';
import { PLATFORM_MIGRATIONS } from '../nest/service-platform.module';
import { InProcessTransport } from '../transport/in-process.transport';
import type { TransportMessage } from '../transport/event-transport';
import { OutboxRelay, RELAY_LOCK_KEY } from './outbox-relay';

const TOPIC = 'relay-spec.thing.v1';

/** Two replicas' relays on one Postgres database, the way a scaled-out service runs them. */
describe('OutboxRelay replicas on one database (Postgres)', () => {
  let databases: Awaited<ReturnType<typeof createTestDatabases>>;
  let database: ServiceDatabase;
  const relays: OutboxRelay[] = [];

  beforeAll(async () => {
    databases = await createTestDatabases(['relays']);
    database = await ServiceDatabase.open({ service: 'relays', config: { kind: 'postgres', url: databases.urlOf('relays'), poolSize: 4 }, entities: [], migrations: [...PLATFORM_MIGRATIONS] });
  }, 60000);

  afterAll(async () => {
    await Promise.all(relays.map((r) => r.stop()));
    await database?.close();
    await databases?.drop();
  });

  const published: TransportMessage[] = [];
  const transport = new InProcessTransport();
  transport.publish = async (messages) => void published.push(...messages);

  function relay(): OutboxRelay {
    // The poll is an hour away: whatever is published here was woken for, not polled.
    const r = new OutboxRelay(database, transport, silentLogger, { pollIntervalMs: 3_600_000, lingerMs: 0, busyRetryMs: 25 });
    relays.push(r);
    r.start();
    return r;
  }

  async function commitEvent(): Promise<string> {
    const id = randomUUID();
    await database.dataSource.query(`INSERT INTO outbox (event_id, topic, aggregate_id, event_type, envelope) VALUES ($1, $2, 'thing-1', 'relay-spec.Thing', $3)`, [id, TOPIC, JSON.stringify({ id })]);
    return id;
  }

  it('no longer notifies at commit: the trigger is gone, so inserting commits do not queue behind one another', async () => {
    const triggers = await database.dataSource.query(`SELECT tgname FROM pg_trigger WHERE tgrelid = 'outbox'::regclass AND NOT tgisinternal`);
    expect(triggers).toEqual([]);
  });

  it('publishes an event whose wake came while another replica held the relay lock, once that lock is free', async () => {
    const [, second] = [relay(), relay()];
    await waitFor(async () => published.length, (n) => n === 0, { what: 'relays to settle' });
    // Another replica mid-batch: its transaction holds the relay lock.
    const other = new Client({ connectionString: databases.urlOf('relays') });
    await other.connect();
    await other.query('BEGIN');
    await other.query('SELECT pg_advisory_xact_lock($1)', [RELAY_LOCK_KEY]);

    const id = await commitEvent();
    second.wake();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(published).toEqual([]);

    await other.query('COMMIT');
    await other.end();
    // No further wake and no poll: the relay that found the lock busy tries again by itself.
    const out = await waitFor(async () => published.map((m) => JSON.parse(m.value).id), (ids) => ids.length > 0, { what: 'the event behind the busy lock', timeoutMs: 5000 });
    expect(out).toEqual([id]);
    const [{ pending }] = await database.dataSource.query(`SELECT count(*)::int AS pending FROM outbox WHERE published_at IS NULL`);
    expect(pending).toBe(0);
  });
});
