/**
 * Events/s and commit-to-handled latency through the real backbone: producer transaction with outbox row
 * (Postgres) → relay → Kafka → consumer inbox transaction (another Postgres database, another OS process,
 * as the services run in distributed mode). Timestamps are wall-clock (performance.timeOrigin + now()),
 * comparable across the two processes on one machine.
 *
 *   npm run bench:events -- [--rate 1000] [--seconds 10] [--max 20000]
 *
 * Needs Postgres on 127.0.0.1:5432 and a broker (bash tools/kafka/kafka.sh start). Prints figures; asserts nothing.
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { defineEvent } from '@mkt/shared/contracts';
import { KafkaTransport, ServicePlatform, silentLogger, systemClock, CreateMessagingTables1764374400000 } from '@mkt/shared/messaging';
import { ServiceDatabase } from '@mkt/shared/persistence';
import { createTestDatabases } from '@mkt/shared/testing';
import { Client } from 'pg';

interface TickV1 {
  readonly n: number;
}
const topic = process.env['BENCH_TOPIC'] ?? `bench.tick-${randomUUID().slice(0, 8)}.v1`;
const TickV1 = defineEvent<TickV1>({
  type: 'bench.Tick',
  version: 1,
  topic,
  schema: { type: 'object', additionalProperties: false, required: ['n'], properties: { n: { type: 'integer' } } },
});

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const wallClock = () => performance.timeOrigin + performance.now();
const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');

/** The consuming service: its own process and database; reports when each event's effect committed. */
async function runConsumer(databaseUrl: string): Promise<void> {
  const db = await ServiceDatabase.open({ service: 'bench-consumer', config: { kind: 'postgres', url: databaseUrl, poolSize: 5 }, entities: [], migrations: [CreateMessagingTables1764374400000] });
  await db.dataSource.query(`CREATE TABLE IF NOT EXISTS ticks (n int PRIMARY KEY)`);
  const transport = new KafkaTransport({ brokers, clientId: 'bench-consumer', partitions: 3, sessionTimeoutMs: 6000 }, silentLogger);
  const consumer = new ServicePlatform({ service: `bench-consumer-${randomUUID().slice(0, 6)}`, produces: [] }, db, transport, systemClock, silentLogger);
  consumer.subscriptions.on(TickV1, async (event, tx) => {
    await tx.manager.query(`INSERT INTO ticks (n) VALUES ($1)`, [event.payload.n]);
  });
  let report: [number, number][] = [];
  setInterval(() => {
    if (report.length === 0) return;
    process.send?.(report);
    report = [];
  }, 5).unref();
  await transport.subscribe(consumer.service, [topic], async (messages) => {
    const outcomes = await consumer.inbox.deliverAll(messages);
    const now = wallClock();
    for (const [i, message] of messages.entries()) {
      if (outcomes[i] === 'handled') report.push([(JSON.parse(message.value).payload as TickV1).n, now]);
    }
  });
  process.on('message', async () => {
    await transport.close();
    await db.close();
    process.exit(0);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const rate = arg('rate', 1000);
  const seconds = arg('seconds', 10);
  const burst = arg('max', 20000);
  const dbs = await createTestDatabases(['producer', 'consumer']);
  const producerDb = await ServiceDatabase.open({
    service: 'bench-producer',
    config: { kind: 'postgres', url: dbs.urlOf('producer'), poolSize: 20 },
    entities: [],
    migrations: [CreateMessagingTables1764374400000],
  });
  const producerTransport = new KafkaTransport({ brokers, clientId: 'bench-producer', partitions: 3 }, silentLogger);
  const producer = new ServicePlatform({ service: 'bench-producer', produces: [topic] }, producerDb, producerTransport, systemClock, silentLogger);
  await producerTransport.ensureTopics([topic]);

  const committedAt = new Map<number, number>();
  const latencies: number[] = [];
  let handled = 0;
  let onHandled: () => void = () => undefined;
  const child = fork(__filename, ['--consumer', dbs.urlOf('consumer')], {
    execArgv: ['-r', '@swc-node/register'],
    env: { ...process.env, BENCH_TOPIC: topic, NODE_OPTIONS: '' },
  });
  child.on('message', (report: [number, number][]) => {
    for (const [n, at] of report) {
      const start = committedAt.get(n);
      if (start !== undefined) latencies.push(at - start);
      handled++;
    }
    onHandled();
  });
  producer.startRelaying();

  const produce = async (n: number) => {
    await producer.unitOfWork.run(async (tx) => void tx.publish(TickV1, `agg-${n % 64}`, { n }));
    committedAt.set(n, wallClock());
  };
  const allHandled = (count: number) =>
    new Promise<void>((resolve) => {
      onHandled = () => handled >= count && resolve();
      onHandled();
    });

  // Warm-up: group join, producer connect, JIT; two seconds at the paced rate.
  await Promise.all(Array.from({ length: 200 }, (_, i) => produce(1_000_000 + i)));
  await allHandled(200);
  for (let i = 0; i < 20; i++) {
    await Promise.all(Array.from({ length: rate / 10 }, (_, j) => produce(1_100_000 + i * 1000 + j)));
    await new Promise((r) => setTimeout(r, 100));
  }
  await allHandled(200 + 2 * rate);
  handled = 0;
  latencies.length = 0;

  // 1. Paced: `rate` events/s for `seconds`, each event its own transaction.
  const total = rate * seconds;
  const tickMs = 10;
  const perTick = rate / (1000 / tickMs);
  const pacedStart = performance.now();
  let next = 0;
  const inflight: Promise<void>[] = [];
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.round(((performance.now() - pacedStart) / 1000) * rate));
      while (next < due) inflight.push(produce(next++));
      if (next >= total) {
        clearInterval(timer);
        resolve();
      }
    }, tickMs);
  });
  await Promise.all(inflight);
  const producedIn = (performance.now() - pacedStart) / 1000;
  await allHandled(total);
  const pacedElapsed = (performance.now() - pacedStart) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  const stored = await countStored(dbs.urlOf('consumer'), total);
  console.log(`paced: ${total} events offered at ${rate}/s (${perTick} per ${tickMs} ms) — produced in ${producedIn.toFixed(1)} s, all handled after ${pacedElapsed.toFixed(1)} s`);
  console.log(`  commit→handled latency ms: p50 ${percentile(sorted, 50).toFixed(1)}  p90 ${percentile(sorted, 90).toFixed(1)}  p99 ${percentile(sorted, 99).toFixed(1)}  max ${sorted[sorted.length - 1].toFixed(1)}`);
  console.log(`  delivered ${handled}/${total}, stored ${stored}/${total}, lost ${total - stored}`);

  // 2. Burst: `max` events committed as fast as 20 connections allow; throughput end to end.
  handled = 0;
  latencies.length = 0;
  const burstStart = performance.now();
  const base = 2_000_000;
  for (let i = 0; i < burst; i += 500) await Promise.all(Array.from({ length: Math.min(500, burst - i) }, (_, j) => produce(base + i + j)));
  const committedSecs = (performance.now() - burstStart) / 1000;
  await allHandled(burst);
  const burstSecs = (performance.now() - burstStart) / 1000;
  console.log(`burst: ${burst} events committed in ${committedSecs.toFixed(1)} s (${Math.round(burst / committedSecs)}/s), handled end to end in ${burstSecs.toFixed(1)} s (${Math.round(burst / burstSecs)} events/s)`);

  await producer.stop();
  await producerTransport.close();
  await producerDb.close();
  child.send('stop');
  await new Promise((resolve) => child.once('exit', resolve));
  await dbs.drop();
}

async function countStored(url: string, below: number): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(`SELECT count(*)::int AS n FROM ticks WHERE n < $1`, [below])).rows[0].n;
  } finally {
    await client.end();
  }
}

const consumerAt = process.argv.indexOf('--consumer');
(consumerAt >= 0 ? runConsumer(process.argv[consumerAt + 1]) : main()).then(
  () => (consumerAt >= 0 ? undefined : process.exit(0)),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
