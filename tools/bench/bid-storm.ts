/**
 * A bid storm: many agencies submitting sealed bids in the last seconds before a deadline, through the real
 * HTTP API of the bidding service (its own process, Postgres, validation, eligibility read, encrypted insert,
 * outbox row, relay to Kafka). Reports bids/s and client-side p50/p99 latency, then runs `pgbench` with the
 * same two inserts (bid row + outbox row) at the same concurrency on the same database, and prints the ratio.
 * Afterwards it checks that every accepted bid is revealed at the close exactly once: none lost, none doubled,
 * retried requests (same Idempotency-Key) included.
 *
 *   npm run bench:bids -- [--agencies 3000] [--concurrency 32] [--pool 32] [--replicas 1] [--retry-share 0.1] [--keys 1|0] [--pgbench-seconds 10]
 *
 * --socket DIR connects the service and pgbench alike through Postgres' Unix socket in DIR (e.g.
 * /var/run/postgresql) instead of TCP on 127.0.0.1, as a deployment on one machine would.
 * --replicas N runs N service processes on one database, the client spreading requests over them as a load
 * balancer would (how the service scales: docs/bidding.md); --pool is then the connections of each.
 *   BENCH_PROFILE=/tmp/prof npm run bench:bids   (also writes a CPU profile of the service)
 *   BENCH_NODE_ARGS='--max-semi-space-size=32' npm run bench:bids   (extra node flags for the service processes)
 *
 * Needs Postgres on 127.0.0.1:5432 (pgbench on PATH) and a broker (bash tools/kafka/kafka.sh start).
 * Prints figures; asserts nothing beyond reporting lost or duplicated bids.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { Client } from 'pg';
import { PROJECT_TOPIC } from '@mkt/projects/contracts';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { createTestDatabases, startServiceProcesses, waitFor } from '@mkt/shared/testing';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const agencies = arg('agencies', 3000);
const concurrency = arg('concurrency', 32);
const retryShare = arg('retry-share', 0.1);
// 0: send no Idempotency-Key (and retry nothing), to see what the key's two extra statements cost.
const withKeys = arg('keys', 1) === 1;
const pgbenchSeconds = arg('pgbench-seconds', 10);
const replicas = arg('replicas', 1);
const socketDir = process.argv.includes('--socket') ? process.argv[process.argv.indexOf('--socket') + 1] : null;
// As many database connections as pgbench gets clients, unless told otherwise.
const poolSize = arg('pool', concurrency);
const brokers = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092';
const secret = `bench-${randomUUID()}`;
const ITEM = 'BENCH-ITEM';
const PORT = 3297;

/**
 * The load generator shares the machine with the service and Postgres: a plain keep-alive HTTP client spends far
 * less of it per request than fetch, so the figures say more about the service.
 */
function poster(base: string, connections: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const { hostname, port } = new URL(base);
  return (path: string, headers: Record<string, string>, body: string) =>
    new Promise<{ status: number; json: Record<string, unknown> }>((resolve, reject) => {
      const req = request({ agent, hostname, port, path, method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
}

/** The same database through a Unix socket: libpq and node-postgres both read the socket folder from `host`. */
function viaSocket(tcpUrl: string, dir: string): string {
  const u = new URL(tcpUrl);
  return `postgresql://${u.username}@/${u.pathname.slice(1)}?host=${encodeURIComponent(dir)}`;
}

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far, from /proc; 0 once it is gone. */
function cpuSecondsOf(pid: number | string): number {
  try {
    // Fields after the command name (which may hold spaces) start at state; utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function commandOf(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return ''; // ended meanwhile
  }
}

/** Where the machine's CPU time goes during the storm: the service processes, this client, Postgres, all of it. */
function cpuSnapshot(servicePids: readonly number[]) {
  const postgresPids = readdirSync('/proc').filter((d) => /^\d+$/.test(d) && commandOf(d) === 'postgres');
  const [, ...jiffies] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const client = process.cpuUsage();
  return {
    service: servicePids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0),
    client: (client.user + client.system) / 1e6,
    postgres: postgresPids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0),
    machineBusy: (jiffies.reduce((a, b) => a + b, 0) - jiffies[3] - jiffies[4]) / CLOCK_TICKS_PER_SECOND,
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function requestBidding(projectId: string, deadline: string): Promise<void> {
  const kafka = new Kafka({ clientId: 'bench-bids', brokers: [brokers], logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const id = randomUUID();
  await producer.send({
    topic: PROJECT_TOPIC,
    messages: [{
      key: projectId,
      value: JSON.stringify({
        id, type: 'projects.SelectionRequested', version: 1, occurredAt: new Date().toISOString(), producer: 'projects', aggregateId: projectId, correlationId: id, causationId: null,
        payload: {
          projectId, round: 1, method: 'BIDDING', ownerOrganizationId: 'bench-owner', serviceItemCode: ITEM, requiredLevel: 2, winners: 1, alternates: 0, minimumCandidates: 1,
          conflictAgencyIds: [], signedUpAgencyIds: null, entropySource: 'witnesses', witnesses: ['OWNER'], creditThreshold: null, weightFunction: null, rulesVersion: 'rules/2026-1',
          eligibleOn: new Date().toISOString().slice(0, 10),
          bidding: { deadline, capFen: 10_000_000, quoteForm: 'AMOUNT', evaluation: { kind: 'LOWEST_PRICE' }, minimumValidBids: 1 },
        },
      }),
    }],
  });
  await producer.disconnect();
}

async function main(): Promise<void> {
  const databases = await createTestDatabases(['bidding']);
  const tcpUrl = databases.urlOf('bidding');
  const url = socketDir ? viaSocket(tcpUrl, socketDir) : tcpUrl;
  const sealKey = randomBytes(32).toString('hex');
  const services = await startServiceProcesses(
    Array.from({ length: replicas }, (_, r) => ({
      name: `bench-bidding-${r + 1}`, app: 'bidding', port: PORT + r,
      // BENCH_PROFILE=<dir> writes a V8 CPU profile of each replica for the storm.
      nodeArgs: [...(process.env['BENCH_NODE_ARGS'] ?? '').split(' ').filter(Boolean), ...(process.env['BENCH_PROFILE'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_PROFILE']}`] : [])],
      env: { EVENT_TRANSPORT: 'kafka', KAFKA_BROKERS: brokers, AUTH_TOKEN_SECRET: secret, BIDDING_DATABASE_URL: url, BIDDING_DATABASE_POOL_SIZE: String(poolSize), BIDDING_SEAL_KEY: sealKey },
    })),
  );
  const [service] = services;
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    // The read model the registry's events would build: every bench agency ACTIVE and qualified.
    const item = JSON.stringify({ q: { serviceItemCode: ITEM, level: 1, validFrom: '2020-01-01', validUntil: '2099-12-31' } });
    await db.query(
      `INSERT INTO bidder_standing (agency_id, status, status_sequence, items) SELECT 'bench-agency-' || n, 'ACTIVE', 1, $1::jsonb FROM generate_series(1, $2) AS n`,
      [item, agencies],
    );
    const projectId = `bench-${randomUUID()}`;
    // Long enough for the storm on a slow machine; the storm itself starts at once, so it runs in the round's last stretch.
    const deadline = new Date(Date.now() + 15_000 + agencies * 5).toISOString();
    await requestBidding(projectId, deadline);
    const [{ biddingId }] = await waitFor(
      () => fetch(`${service.url}/api/bidding/projects/${projectId}/biddings`).then((r) => r.json() as Promise<{ biddingId: string }[]>),
      (b) => b.length === 1,
      { what: 'the round to open', timeoutMs: 30000 },
    );

    const tokens = Array.from({ length: agencies }, (_, i) => issueTestToken(secret, { userId: `bench-user-${i + 1}`, role: 'AGENCY', organizationId: `bench-agency-${i + 1}` }));
    const latencies: number[] = [];
    const receipts = new Map<string, string>();
    let late = 0;
    let failed = 0;
    let retriesConsistent = 0;
    let retriesInconsistent = 0;
    const posts = services.map((s) => poster(s.url, concurrency));
    const path = `/api/bidding/biddings/${biddingId}/bids`;
    const submit = async (i: number) => {
      const body = JSON.stringify({ quote: { form: 'AMOUNT', amountFen: 5_000_000 + ((i * 7919) % 4_000_000) }, servicePeriodDays: 30 + (i % 60) });
      const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${tokens[i]}`, ...(withKeys ? { 'idempotency-key': `storm-${i}` } : {}) };
      const started = performance.now();
      const post = posts[i % replicas];
      const { status, json } = await post(path, headers, body);
      latencies.push(performance.now() - started);
      if (status === 201) receipts.set(`bench-agency-${i + 1}`, json['commitment'] as string);
      else if (json['code'] === 'BIDDING.DEADLINE_PASSED') late++;
      else failed++;
      if (withKeys && status === 201 && Math.random() < retryShare) {
        // A client that never saw the answer sends the same request again: the same receipt, nothing new stored.
        const again = await post(path, headers, body);
        if (again.json['commitment'] === json['commitment']) retriesConsistent++;
        else retriesInconsistent++;
      }
    };

    let next = 0;
    const cpuBefore = cpuSnapshot(services.map((s) => s.pid));
    const stormStart = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < agencies) await submit(next++);
    }));
    const seconds = (performance.now() - stormStart) / 1000;
    const cpuAfter = cpuSnapshot(services.map((s) => s.pid));
    const sorted = [...latencies].sort((a, b) => a - b);
    const bidsPerSecond = receipts.size / seconds;
    console.log(`bid storm: ${agencies} agencies, concurrency ${concurrency}, Postgres over ${socketDir ? `the Unix socket in ${socketDir}` : 'TCP'}, ${replicas} service process${replicas > 1 ? 'es' : ''}, pool ${poolSize} connections${replicas > 1 ? ' each' : ''}, ${withKeys ? `${Math.round(retryShare * 100)} % retried with the same Idempotency-Key` : 'no Idempotency-Key'}`);
    console.log(`  accepted ${receipts.size}, late ${late}, other refusals ${failed}, in ${seconds.toFixed(2)} s`);
    console.log(`  throughput ${bidsPerSecond.toFixed(0)} bids/s   latency p50 ${percentile(sorted, 50).toFixed(1)} ms   p99 ${percentile(sorted, 99).toFixed(1)} ms   max ${sorted[sorted.length - 1].toFixed(1)} ms`);
    console.log(`  retries: ${retriesConsistent} answered with the same receipt, ${retriesInconsistent} differently`);
    const perBid = (key: keyof typeof cpuAfter) => (((cpuAfter[key] - cpuBefore[key]) / receipts.size) * 1000).toFixed(2);
    console.log(
      `  CPU per accepted bid: service ${perBid('service')} ms, Postgres ${perBid('postgres')} ms, this client ${perBid('client')} ms; ` +
        `machine ${(((cpuAfter.machineBusy - cpuBefore.machineBusy) / seconds / availableParallelism()) * 100).toFixed(0)} % busy on ${availableParallelism()} cores (other work included)`,
    );

    // The close: every accepted bid revealed once, no other.
    const closed = await waitFor(
      () => fetch(`${service.url}/api/bidding/biddings/${biddingId}`).then((r) => r.json() as Promise<{ status: string; closing: { revealed: { agencyId: string; commitment: string }[] } }>),
      (b) => b.status === 'DECIDED' || b.status === 'FAILED',
      { what: 'the close', timeoutMs: Math.max(60000, Date.parse(deadline) - Date.now() + 60000), intervalMs: 500 },
    );
    const revealed: { agencyId: string; commitment: string }[] = closed.closing.revealed;
    const revealedAgencies = new Set(revealed.map((r) => r.agencyId));
    const lost = [...receipts].filter(([agencyId, commitment]) => !revealed.some((r) => r.agencyId === agencyId && r.commitment === commitment)).length;
    const duplicated = revealed.length - revealedAgencies.size;
    const extra = revealed.filter((r) => !receipts.has(r.agencyId)).length;
    const { rows: [counts] } = await db.query(
      `SELECT (SELECT count(*) FROM bid)::int AS bids, (SELECT count(*) FROM outbox WHERE event_type = 'bidding.BidSubmitted')::int AS events`,
    );
    console.log(`  at the close: ${revealed.length} revealed; lost ${lost}, duplicated ${duplicated}, unexpected ${extra}; ${counts.bids} bid rows, ${counts.events} BidSubmitted events`);

    await Promise.all(services.map((s) => s.stop()));
    // pgbench: the same two inserts in one transaction, same concurrency, same database and indexes.
    const roundId = randomUUID();
    await db.query(
      `INSERT INTO bidding_round (bidding_id, project_id, round, owner_org, service_item_code, required_level, eligible_on, rules, status, opened_at)
       SELECT $1::uuid, 'pgbench-' || $1::text, 1, owner_org, service_item_code, required_level, eligible_on, rules, 'OPEN', now() FROM bidding_round WHERE bidding_id = $2`,
      [roundId, biddingId],
    );
    const [sample] = (await db.query(`SELECT sealed, length(sealed) AS sealed_len FROM bid LIMIT 1`)).rows;
    const [envelope] = (await db.query(`SELECT length(envelope) AS len FROM outbox WHERE event_type = 'bidding.BidSubmitted' LIMIT 1`)).rows;
    const script = join(tmpdir(), `bid-storm-${roundId}.sql`);
    writeFileSync(
      script,
      [
        'BEGIN;',
        `INSERT INTO bid (bid_id, bidding_id, agency_id, commitment, sealed, status, submitted_at) VALUES (gen_random_uuid(), '${roundId}', 'pgb-' || :client_id || '-' || md5(random()::text), md5(random()::text) || md5(random()::text), repeat('s', ${sample.sealed_len}), 'LIVE', now());`,
        `INSERT INTO outbox (event_id, topic, aggregate_id, event_type, envelope) VALUES (gen_random_uuid(), 'bidding.bidding.v1', '${roundId}', 'bidding.BidSubmitted', repeat('e', ${envelope.len}));`,
        'COMMIT;',
      ].join('\n'),
    );
    const out = execFileSync('pgbench', ['-n', '-c', String(concurrency), '-j', '2', '-T', String(pgbenchSeconds), '-f', script, url], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? NaN);
    const latency = /latency average = ([\d.]+) ms/.exec(out)?.[1];
    console.log(`pgbench, same two inserts, ${concurrency} clients, ${pgbenchSeconds} s: ${tps.toFixed(0)} tps (latency average ${latency} ms)`);
    console.log(`ratio: the API takes ${((bidsPerSecond / tps) * 100).toFixed(1)} % of pgbench's rate (target ≥ 40 %); p99 ${percentile(sorted, 99).toFixed(1)} ms (target < 50 ms)`);
  } finally {
    await db.end();
    await Promise.all(services.map((s) => s.stop().catch(() => undefined)));
    await databases.drop();
  }
}

void main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
