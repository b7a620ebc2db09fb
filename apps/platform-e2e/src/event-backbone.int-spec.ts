import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { Client } from 'pg';
import { AGENCY_TOPIC } from '@mkt/registry/contracts';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { createTestDatabases, startServiceProcesses, waitFor, type ServiceProcess } from '@mkt/shared/testing';
import { AgencyJourney } from './agency-journey';

/**
 * Distributed mode for real: registry, draw and bidding as separate OS processes, each with its own
 * Postgres database, exchanging events through a real Kafka broker (started by tools/kafka).
 */
const kafkaScript = join(__dirname, '../../../tools/kafka/kafka.sh');
const brokers = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092';
const secret = `e2e-${randomUUID()}-${randomUUID()}`;
const ITEM = `SURVEY-${randomUUID().slice(0, 8)}`;

describe('event backbone across processes (Postgres + Kafka)', () => {
  let databases: Awaited<ReturnType<typeof createTestDatabases>>;
  let services: Record<'registry' | 'draw' | 'bidding', ServiceProcess>;
  let journey: AgencyJourney;
  let kafka: Kafka;
  const supervisor = issueTestToken(secret, { userId: 'sup-1', role: 'SUPERVISOR', organizationId: null });
  const db = (service: string) => new Client({ connectionString: databases.urlOf(service) });

  async function query<T = any>(service: string, sql: string, params: unknown[] = []): Promise<T[]> {
    const client = db(service);
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  async function poolOf(): Promise<{ pool: string[]; excluded: { agencyId: string; reason: string }[] }> {
    const res = await fetch(`${services.draw.url}/api/draw/pool-preview?serviceItemCode=${ITEM}&requiredLevel=2&on=2026-06-01`, {
      headers: { authorization: `Bearer ${supervisor}` },
    });
    return res.json();
  }

  beforeAll(async () => {
    execFileSync('bash', [kafkaScript, 'start'], { stdio: 'inherit' });
    databases = await createTestDatabases(['registry', 'draw', 'bidding']);
    const common = { EVENT_TRANSPORT: 'kafka', KAFKA_BROKERS: brokers, KAFKA_SESSION_TIMEOUT_MS: '6000', AUTH_TOKEN_SECRET: secret };
    const [registry, draw, bidding] = await startServiceProcesses([
      { name: 'e2e-registry', app: 'registry', port: 3202, env: { ...common, REGISTRY_DATABASE_URL: databases.urlOf('registry') } },
      { name: 'e2e-draw', app: 'draw', port: 3204, env: { ...common, DRAW_DATABASE_URL: databases.urlOf('draw') } },
      { name: 'e2e-bidding', app: 'bidding', port: 3205, env: { ...common, BIDDING_DATABASE_URL: databases.urlOf('bidding'), BIDDING_SEAL_KEY: 'ef'.repeat(32) } },
    ]);
    services = { registry, draw, bidding };
    journey = new AgencyJourney(registry.url, { admin: issueTestToken(secret, { userId: 'admin-1', role: 'ADMIN', organizationId: null }), supervisor });
    kafka = new Kafka({ clientId: 'e2e-probe', brokers: [brokers], logLevel: logLevel.NOTHING });
  }, 180000);

  afterAll(async () => {
    // Whatever a test did to the broker, leave it running for the suites after this one.
    execFileSync('bash', [kafkaScript, 'start'], { stdio: 'inherit' });
    await Promise.all(Object.values(services ?? {}).map((s) => s.stop()));
    await databases?.drop();
  }, 120000);

  it('folds registry events into the draw and bidding read models of other processes', async () => {
    const inPool = await journey.onboard(ITEM);
    const suspended = await journey.onboard(ITEM);
    await journey.setStatus(suspended, 'SUSPENDED', 'late delivery on a previous project');

    const preview = await waitFor(poolOf, (p) => p.pool.includes(inPool) && p.excluded.some((e) => e.agencyId === suspended), { what: 'draw read model' });
    expect(preview.excluded).toContainEqual({ agencyId: suspended, reason: 'NOT_ACTIVE' });

    const agencyToken = issueTestToken(secret, { userId: 'ag-1', role: 'AGENCY', organizationId: inPool });
    const standing = await waitFor(
      async () => (await fetch(`${services.bidding.url}/api/bidding/bidders/${inPool}/standing?serviceItemCode=${ITEM}&requiredLevel=2&on=2026-06-01`, { headers: { authorization: `Bearer ${agencyToken}` } })).json(),
      (s) => s.mayBid === true,
      { what: 'bidding read model' },
    );
    expect(standing).toEqual({ agencyId: inPool, status: 'ACTIVE', mayBid: true, refusal: null });

    // Each service keeps its own database: the draw database has no registry tables.
    const tables = await query('draw', `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(tables.map((t) => t.table_name)).not.toContain('agency');
  });

  it('applies a redelivered event once and ignores a stale one', async () => {
    const id = await journey.onboard(ITEM);
    await journey.setStatus(id, 'SUSPENDED', 'objection upheld');
    await journey.reinstate(id, 'suspension ended');
    await waitFor(poolOf, (p) => p.pool.includes(id), { what: 'agency reinstated in the draw pool' });

    // Publish every event of this agency again, straight from the registry's outbox, as a broker redelivery would.
    const rows = await query('registry', `SELECT aggregate_id, envelope FROM outbox WHERE aggregate_id = $1 ORDER BY seq`, [id]);
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic: AGENCY_TOPIC, messages: rows.map((r) => ({ key: r.aggregate_id, value: r.envelope })) });
    await producer.disconnect();
    // Only the events the read models fold count; the others (a sanction's own record) are ignored, not kept.
    const folded = ['registry.AgencyRegistered', 'registry.AgencyStatusChanged', 'registry.AgencyQualificationGranted'];
    const ids = rows.map((r) => JSON.parse(r.envelope)).filter((e) => folded.includes(e.type)).map((e) => e.id);

    // The inbox saw each event exactly once per consumer, and the SUSPENDED event replayed after the
    // reinstatement did not suspend the agency again.
    await new Promise((r) => setTimeout(r, 2000));
    for (const service of ['draw', 'bidding']) {
      const inbox = await query(service, `SELECT event_id, count(*)::int AS n FROM inbox WHERE event_id = ANY($1::uuid[]) GROUP BY event_id`, [ids]);
      expect(inbox).toHaveLength(ids.length);
      expect(inbox.every((r) => r.n === 1)).toBe(true);
    }
    expect((await poolOf()).pool).toContain(id);
  });

  it('parks an invalid event with its reason and keeps handling the events behind it', async () => {
    const badId = randomUUID();
    const bad = {
      id: badId, type: 'registry.AgencyStatusChanged', version: 1, occurredAt: new Date().toISOString(), producer: 'registry',
      aggregateId: 'x', correlationId: badId, causationId: null, payload: { agencyId: 'x', from: 'ACTIVE', to: 'ON_HOLIDAY', reason: '', sequence: 9 },
    };
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic: AGENCY_TOPIC, messages: [{ key: 'x', value: JSON.stringify(bad) }, { key: 'x', value: '{not json' }] });
    await producer.disconnect();
    const after = await journey.onboard(ITEM);

    await waitFor(poolOf, (p) => p.pool.includes(after), { what: 'events behind the invalid ones' });
    const parked = await waitFor(
      () => query('draw', `SELECT event_id, reason FROM parked_events WHERE event_id = $1`, [badId]),
      (rows) => rows.length === 1,
      { what: 'parked event' },
    );
    expect(parked[0].reason).toMatch(/payload\/to/);
    const malformed = await query('draw', `SELECT reason FROM parked_events WHERE raw = '{not json'`);
    expect(malformed[0].reason).toMatch(/malformed JSON/);
  });

  it('accepts writes while the broker is down and delivers every event once it is back', async () => {
    execFileSync('bash', [kafkaScript, 'stop'], { stdio: 'inherit' });
    const written: string[] = [];
    try {
      for (let i = 0; i < 5; i++) written.push(await journey.onboard(ITEM));
      const [{ pending }] = await query('registry', `SELECT count(*)::int AS pending FROM outbox WHERE published_at IS NULL`);
      expect(pending).toBeGreaterThanOrEqual(15);
      expect((await poolOf()).pool).not.toContain(written[0]);
    } finally {
      execFileSync('bash', [kafkaScript, 'start'], { stdio: 'inherit' });
    }

    const preview = await waitFor(poolOf, (p) => written.every((id) => p.pool.includes(id)), { timeoutMs: 90000, what: 'events written during the outage' });
    expect(preview.pool).toEqual(expect.arrayContaining(written));
    const [{ pending }] = await query('registry', `SELECT count(*)::int AS pending FROM outbox WHERE published_at IS NULL`);
    expect(pending).toBe(0);
    const events = await query('registry', `SELECT event_id FROM outbox WHERE aggregate_id = ANY($1)`, [written]);
    for (const service of ['draw', 'bidding']) {
      const handled = await waitFor(
        () => query(service, `SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS distinct_n FROM inbox WHERE event_id = ANY($1::uuid[])`, [events.map((e) => e.event_id)]),
        ([r]) => r.n === events.length,
        { what: `${service} inbox` },
      );
      expect(handled[0]).toEqual({ n: events.length, distinct_n: events.length });
    }
  });
});
