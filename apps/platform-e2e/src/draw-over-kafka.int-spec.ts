import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { Client } from 'pg';
import { drawRecordsOf, loggedEventsIn } from '@mkt/audit/core';
import { drandRoundTime, QUICKNET, verifyDraw, type DrawRecord } from '@mkt/draw/core';
import { RECORDED_QUICKNET_BEACON as BEACON } from '@mkt/draw/core/testing';
import { PROJECT_TOPIC } from '@mkt/projects/contracts';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { createTestDatabases, jsonClient, startServiceProcesses, waitFor, type CallOptions, type ServiceProcess } from '@mkt/shared/testing';
import { AgencyJourney } from './agency-journey';

/**
 * A project's draw in distributed mode: registry, projects and draw as separate processes with their own
 * Postgres databases, events on the real Kafka broker. Request → commitment → witness entropy → reveal →
 * the project receives its winner; a second request for the same round makes no second draw.
 */
const kafkaScript = join(__dirname, '../../../tools/kafka/kafka.sh');
const brokers = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092';
const secret = `kafka-draw-${randomUUID()}-${randomUUID()}`;
const ITEM = `EIA-${randomUUID().slice(0, 8)}`.toUpperCase();
const token = (role: 'OWNER' | 'SUPERVISOR' | 'AGENCY' | 'ADMIN', org: string | null = null) => issueTestToken(secret, { userId: `${role}-${org}`, role, organizationId: org });
const owner = token('OWNER', 'owner-org-k');

/**
 * A drand relay on this machine (no internet in tests): the recorded quicknet round, 425 Too Early for any other.
 * No other round can be served, since nobody here can sign one; so the draw's clock is placed where a commitment
 * fixes the recorded round (`DrawClock`).
 */
async function startRelay(): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === `/${QUICKNET.chainHash}/public/${BEACON.round}`) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(BEACON));
    else res.writeHead(425, { 'content-type': 'application/json' }).end('{"error":"too early"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}

/**
 * The draw process's clock (MKT_CLOCK_OFFSET_FILE): the system clock plus an offset the process re-reads at most
 * every 100 ms. `hold` keeps it near one instant by rewriting the offset as real time passes; `runFrom` lets it run
 * on from an instant; `reset` gives back the system clock.
 */
class DrawClock {
  readonly dir = mkdtempSync(join(tmpdir(), 'draw-clock-'));
  readonly file = join(this.dir, 'offset.json');
  private holding: NodeJS.Timeout | null = null;

  constructor() {
    this.write(0);
  }

  /** Resolves once the process can no longer see an offset from before the hold. */
  async hold(at: number): Promise<void> {
    this.stop();
    this.write(at - Date.now());
    this.holding = setInterval(() => this.write(at - Date.now()), 20);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  runFrom(at: number): void {
    this.stop();
    this.write(at - Date.now());
  }

  reset(): void {
    this.stop();
    this.write(0);
  }

  dispose(): void {
    this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private stop(): void {
    if (this.holding) clearInterval(this.holding);
    this.holding = null;
  }

  // Written aside and renamed, so the process never reads half a file.
  private write(offsetMs: number): void {
    writeFileSync(`${this.file}.tmp`, JSON.stringify({ offsetMs }));
    renameSync(`${this.file}.tmp`, this.file);
  }
}

describe('selection by draw across processes (Postgres + Kafka)', () => {
  let databases: Awaited<ReturnType<typeof createTestDatabases>>;
  let services: Record<'registry' | 'projects' | 'draw' | 'audit', ServiceProcess>;
  let relay: Awaited<ReturnType<typeof startRelay>>;
  const drawClock = new DrawClock();

  const call = (service: ServiceProcess, method: string, path: string, options: CallOptions = {}) => jsonClient(() => service.url)(method, path, options);

  beforeAll(async () => {
    execFileSync('bash', [kafkaScript, 'start'], { stdio: 'inherit' });
    databases = await createTestDatabases(['registry', 'projects', 'draw', 'audit']);
    relay = await startRelay();
    const common = { EVENT_TRANSPORT: 'kafka', KAFKA_BROKERS: brokers, KAFKA_SESSION_TIMEOUT_MS: '6000', AUTH_TOKEN_SECRET: secret };
    const [registry, projects, draw, audit] = await startServiceProcesses([
      { name: 'kafka-draw-registry', app: 'registry', port: 3212, env: { ...common, REGISTRY_DATABASE_URL: databases.urlOf('registry') } },
      { name: 'kafka-draw-projects', app: 'projects', port: 3213, env: { ...common, PROJECTS_DATABASE_URL: databases.urlOf('projects') } },
      { name: 'kafka-draw-draw', app: 'draw', port: 3214, env: { ...common, DRAW_DATABASE_URL: databases.urlOf('draw'), DRAW_DRAND_URLS: relay.url, DRAW_DRAND_TIMEOUT_MS: '2000', MKT_CLOCK_OFFSET_FILE: drawClock.file } },
      { name: 'kafka-draw-audit', app: 'audit', port: 3216, env: { ...common, AUDIT_DATABASE_URL: databases.urlOf('audit') } },
    ]);
    services = { registry, projects, draw, audit };
  }, 180000);

  afterAll(async () => {
    await Promise.all(Object.values(services ?? {}).map((s) => s.stop()));
    await relay?.close();
    drawClock.dispose();
    await databases?.drop();
  }, 120000);

  it('draws the winner a project receives, once per round', async () => {
    const journey = new AgencyJourney(services.registry.url, { admin: token('ADMIN'), supervisor: token('SUPERVISOR') });
    await journey.offerItem(ITEM, services.projects.url);
    const agencies = [];
    for (let i = 0; i < 4; i++) agencies.push(await journey.onboard(ITEM));

    const draft = await call(services.projects, 'POST', '/api/projects/projects', {
      token: owner,
      body: {
        title: '某厂区环境影响评价', serviceItemCode: ITEM, description: '环评报告书', budgetCapFen: 9_000_000, requiredLevel: 2, region: '330100',
        servicePeriodDays: 45, selection: { method: 'RANDOM_DRAW', winners: 1, alternates: 2, minimumCandidates: 3 }, signUp: { mode: 'ALL_ELIGIBLE' },
      },
    });
    expect(draft.status).toBe(201);
    const id = draft.body.id;
    expect((await call(services.projects, 'POST', `/api/projects/projects/${id}/publish`, { token: owner })).status).toBe(200);
    // The draw pool is frozen from the draw service's own read model: wait until it knows all four firms.
    await waitFor(
      () => call(services.draw, 'GET', `/api/draw/pool-preview?serviceItemCode=${ITEM}&requiredLevel=2&on=2026-06-01`, { token: owner }).then((r) => r.body.pool),
      (pool) => pool?.length === 4,
      { what: 'draw read model' },
    );
    expect((await call(services.projects, 'POST', `/api/projects/projects/${id}/request-selection`, { token: owner })).body.status).toBe('SELECTING');

    const [committed] = await waitFor(() => call(services.draw, 'GET', `/api/draw/projects/${id}/draws`).then((r) => r.body), (d) => d?.length === 1, { what: 'commitment', timeoutMs: 30000 });
    expect([...committed.commitment.pool].sort()).toEqual([...agencies].sort());

    // A duplicate request for the same round, straight onto the topic: no second draw.
    const [requested] = (await call(services.projects, 'GET', `/api/projects/projects/${id}`, { token: owner })).body.history.filter((h: { kind: string }) => h.kind === 'selection-requested');
    expect(requested).toBeDefined();
    const kafka = new Kafka({ clientId: 'e2e-dup', brokers: [brokers], logLevel: logLevel.NOTHING });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const dupId = randomUUID();
    await producer.send({
      topic: PROJECT_TOPIC,
      messages: [{
        key: id,
        value: JSON.stringify({
          id: dupId, type: 'projects.SelectionRequested', version: 1, occurredAt: new Date().toISOString(), producer: 'projects', aggregateId: id, correlationId: dupId, causationId: null,
          payload: {
            projectId: id, round: 1, method: 'RANDOM_DRAW', ownerOrganizationId: 'owner-org-k', serviceItemCode: ITEM, requiredLevel: 2, winners: 1, alternates: 2, minimumCandidates: 3,
            conflictAgencyIds: [], signedUpAgencyIds: null, entropySource: 'witnesses', witnesses: ['OWNER', 'SUPERVISOR'], creditThreshold: null, weightFunction: null, rulesVersion: 'rules/2026-1', eligibleOn: '2026-06-01',
            bidding: null,
          },
        }),
      }],
    });
    await producer.disconnect();

    await call(services.draw, 'POST', `/api/draw/draws/${committed.drawId}/witness-values`, { token: owner, body: { value: 'east wind' } });
    const revealed = await call(services.draw, 'POST', `/api/draw/draws/${committed.drawId}/witness-values`, { token: token('SUPERVISOR'), body: { value: '2718' } });
    expect(revealed).toMatchObject({ status: 200, body: { revealed: true } });

    const project = await waitFor(() => call(services.projects, 'GET', `/api/projects/projects/${id}`, { token: owner }).then((r) => r.body), (p) => p.status === 'PUBLICITY', { what: 'project receives the winner', timeoutMs: 30000 });
    expect(project.selection.winners.map((w: { agencyId: string }) => w.agencyId)).toEqual(revealed.body.winners);
    const record = (await call(services.draw, 'GET', `/api/draw/draws/${committed.drawId}`)).body.record;
    expect(verifyDraw(record).ok).toBe(true);
    // The duplicate was consumed (it is in the draw service's inbox) and still made no second draw.
    const drawDb = new Client({ connectionString: databases.urlOf('draw') });
    await drawDb.connect();
    try {
      await waitFor(async () => (await drawDb.query(`SELECT 1 FROM inbox WHERE event_id = $1`, [dupId])).rowCount, (n) => n === 1, { what: 'duplicate consumed' });
    } finally {
      await drawDb.end();
    }
    expect((await call(services.draw, 'GET', `/api/draw/projects/${id}/draws`)).body).toHaveLength(1);

    // The audit log, in its own process and database, recorded the commitment before any entropy, and the
    // whole story of the project verifies against a signed checkpoint.
    await call(services.audit, 'POST', '/api/audit/checkpoints', { token: token('SUPERVISOR') });
    const story = await waitFor(
      () => call(services.audit, 'GET', `/api/audit/projects/${id}/record`, { token: token('SUPERVISOR') }).then((r) => r.body),
      // The draw's events and the project's reach the audit service on different topics, in no fixed order between them.
      (b) => ['projects.SelectionRecorded', 'draw.DrawRevealed'].every((type) => JSON.stringify(b ?? {}).includes(type)),
      { what: 'the project story in the audit log', timeoutMs: 30000 },
    );
    const types: string[] = JSON.stringify(story).match(/"type":"[a-z]+\.[A-Za-z]+"/g) ?? [];
    const firstOf = (type: string) => types.indexOf(`"type":"${type}"`);
    expect(firstOf('draw.DrawCommitted')).toBeGreaterThanOrEqual(0);
    expect(firstOf('draw.DrawCommitted')).toBeLessThan(firstOf('draw.EntropyContributed'));
    expect(firstOf('draw.EntropyContributed')).toBeLessThan(firstOf('draw.DrawRevealed'));
    // Anyone holding these entries re-checks the draw from them alone: the record rebuilt from the commitment, entropy
    // and reveal entries is the draw service's own, and it verifies.
    const audited = drawRecordsOf(loggedEventsIn(story) ?? []).find((d) => d.drawId === committed.drawId);
    expect(audited?.problems).toEqual([]);
    expect(audited?.record).toEqual(record);
    expect(verifyDraw(audited?.record as DrawRecord).ok).toBe(true);
  });

  it("names an observer when posting, and the observer's value is the one that reveals the draw", async () => {
    const ownerOrg = 'owner-org-observed';
    const observedOwner = token('OWNER', ownerOrg);
    const notary = { userId: randomUUID(), label: '公证员 张敏' };
    // A notary's account: any role will do; the draw service lets the named account id into its own slot only.
    const notaryToken = issueTestToken(secret, { userId: notary.userId, role: 'ADMIN', organizationId: null });
    await waitFor(
      () => call(services.draw, 'GET', `/api/draw/pool-preview?serviceItemCode=${ITEM}&requiredLevel=2&on=2026-06-01`, { token: observedOwner }).then((r) => r.body.pool),
      (pool) => pool?.length >= 3,
      { what: 'draw read model' },
    );
    const draft = await call(services.projects, 'POST', '/api/projects/projects', {
      token: observedOwner,
      body: {
        title: '公证摇号的环境影响评价', serviceItemCode: ITEM, description: '环评报告书', budgetCapFen: 9_000_000, requiredLevel: 2, region: '330100', servicePeriodDays: 45,
        selection: { method: 'RANDOM_DRAW', winners: 1, alternates: 1, minimumCandidates: 3, observers: [notary] }, signUp: { mode: 'ALL_ELIGIBLE' },
      },
    });
    expect(draft.status).toBe(201);
    const id = draft.body.id;
    expect((await call(services.projects, 'POST', `/api/projects/projects/${id}/publish`, { token: observedOwner })).status).toBe(200);
    expect((await call(services.projects, 'POST', `/api/projects/projects/${id}/request-selection`, { token: observedOwner })).body.status).toBe('SELECTING');

    const [committed] = await waitFor(() => call(services.draw, 'GET', `/api/draw/projects/${id}/draws`).then((r) => r.body), (d) => d?.length === 1, { what: 'commitment', timeoutMs: 30000 });
    expect(committed.commitment.entropyPlan).toEqual({ source: 'witnesses', witnesses: ['OWNER', 'SUPERVISOR', `OBSERVER:${notary.userId}`], observers: [notary] });
    expect((await call(services.draw, 'GET', '/api/draw/observed-draws', { token: notaryToken })).body).toEqual([expect.objectContaining({ drawId: committed.drawId, awaitingValue: true })]);

    const path = `/api/draw/draws/${committed.drawId}/witness-values`;
    expect(await call(services.draw, 'POST', path, { token: observedOwner, body: { value: 'plum rain' } })).toMatchObject({ status: 200, body: { revealed: false } });
    expect(await call(services.draw, 'POST', path, { token: token('SUPERVISOR'), body: { value: '1618' } })).toMatchObject({ status: 200, body: { revealed: false } });
    const revealed = await call(services.draw, 'POST', path, { token: notaryToken, body: { value: '公证 2026-117' } });
    expect(revealed).toMatchObject({ status: 200, body: { revealed: true } });

    const project = await waitFor(() => call(services.projects, 'GET', `/api/projects/projects/${id}`, { token: observedOwner }).then((r) => r.body), (p) => p.status === 'PUBLICITY', { what: 'project receives the winner', timeoutMs: 30000 });
    expect(project.selection.winners.map((w: { agencyId: string }) => w.agencyId)).toEqual(revealed.body.winners);
    const record = (await call(services.draw, 'GET', `/api/draw/draws/${committed.drawId}`)).body.record;
    expect(record.entropy.values.at(-1)).toEqual({ witness: `OBSERVER:${notary.userId}`, value: '公证 2026-117' });
    expect(verifyDraw(record).ok).toBe(true);
  });

  it('draws on the drand beacon when the owner posts with drand: the draw service fetches the planned round from a relay and the project receives its winner', async () => {
    const drandOwner = token('OWNER', 'owner-org-drand');
    await waitFor(
      () => call(services.draw, 'GET', `/api/draw/pool-preview?serviceItemCode=${ITEM}&requiredLevel=2&on=2026-06-01`, { token: drandOwner }).then((r) => r.body.pool),
      (pool) => pool?.length >= 3,
      { what: 'draw read model' },
    );
    const selection = { method: 'RANDOM_DRAW', winners: 1, alternates: 1, minimumCandidates: 3, entropySource: 'drand' };
    const draft = await call(services.projects, 'POST', '/api/projects/projects', {
      token: drandOwner,
      body: { title: '公共随机数摇号的环境影响评价', serviceItemCode: ITEM, description: '环评报告书', budgetCapFen: 9_000_000, requiredLevel: 2, region: '330100', servicePeriodDays: 45, selection, signUp: { mode: 'ALL_ELIGIBLE' } },
    });
    expect(draft.status).toBe(201);
    const id = draft.body.id;
    expect((await call(services.projects, 'POST', `/api/projects/projects/${id}/publish`, { token: drandOwner })).status).toBe(200);
    const announced = (await call(services.projects, 'GET', '/api/projects/announcements')).body.find((a: { id: string }) => a.id === id);
    expect(announced).toMatchObject({ method: 'RANDOM_DRAW', entropySource: 'drand' });

    // The commitment fixes the round current 30 s after it: committing 28.5 s before the recorded round is out, in
    // the middle of the 3 s that fix that round, leaves room for the clock's own jitter.
    const roundOut = drandRoundTime(BEACON.round);
    try {
      await drawClock.hold(roundOut - 28_500);
      expect((await call(services.projects, 'POST', `/api/projects/projects/${id}/request-selection`, { token: drandOwner })).body.status).toBe('SELECTING');
      const [committed] = await waitFor(() => call(services.draw, 'GET', `/api/draw/projects/${id}/draws`).then((r) => r.body), (d) => d?.length === 1, { what: 'commitment', timeoutMs: 30000 });
      expect(committed.commitment.entropyPlan).toEqual({ source: 'drand', chainHash: QUICKNET.chainHash, round: BEACON.round });
      expect(relay.requests).toEqual([]);

      // The round comes out; the draw service's own fetch (1 s after) reveals, with nobody carrying anything in.
      drawClock.runFrom(roundOut);
      const project = await waitFor(
        () => call(services.projects, 'GET', `/api/projects/projects/${id}`, { token: drandOwner }).then((r) => r.body),
        (p) => p.status === 'PUBLICITY',
        { what: 'project receives the winner', timeoutMs: 30000 },
      );
      expect(relay.requests).toContain(`/${QUICKNET.chainHash}/public/${BEACON.round}`);
      const { body } = await call(services.draw, 'GET', `/api/draw/draws/${committed.drawId}`);
      expect(body.record.entropy).toEqual({ source: 'drand', chainHash: QUICKNET.chainHash, round: BEACON.round, signature: BEACON.signature, randomness: BEACON.randomness });
      expect(verifyDraw(body.record)).toMatchObject({ ok: true });
      expect(project.selection.winners.map((w: { agencyId: string }) => w.agencyId)).toEqual(body.record.winners);
    } finally {
      drawClock.reset();
    }
  });

  it('re-verifies a credit-weighted draw (信用择优) from the audit log alone: its weights, their hash and rule are in the commitment entry', async () => {
    const creditOwnerOrg = 'owner-org-credit';
    const creditOwner = token('OWNER', creditOwnerOrg);
    const supervisor = token('SUPERVISOR');
    const { body: preview } = await call(services.draw, 'GET', `/api/draw/pool-preview?serviceItemCode=${ITEM}&requiredLevel=2&on=2026-06-01`, { token: creditOwner });
    const [low, fair, ...rest] = [...(preview.pool as string[])].sort();
    expect(rest.length).toBeGreaterThanOrEqual(2);
    // Findings a supervisor records lower two firms' credit from the start value 80: one to 60, below the threshold
    // of 65, and one to 70, which the published function weighs 71 against the others' 81.
    for (const [agencyId, kind] of [[low, 'FALSE_MATERIALS'], [fair, 'OVERCHARGING']]) {
      expect((await call(services.registry, 'POST', `/api/registry/agencies/${agencyId}/misconduct`, { token: supervisor, body: { kind, reason: '端到端测试' } })).status).toBe(201);
    }
    const drawDb = new Client({ connectionString: databases.urlOf('draw') });
    await drawDb.connect();
    try {
      await waitFor(
        async () => (await drawDb.query(`SELECT agency_id, credit_score FROM agency_view WHERE agency_id = ANY($1) ORDER BY agency_id`, [[low, fair]])).rows,
        (rows) => rows.length === 2 && rows.every((r: { agency_id: string; credit_score: number | null }) => r.credit_score === (r.agency_id === low ? 60 : 70)),
        { what: 'the draw service to fold the credit changes', timeoutMs: 30000 },
      );
    } finally {
      await drawDb.end();
    }

    const selection = { method: 'CREDIT_WEIGHTED_DRAW', winners: 1, alternates: 1, minimumCandidates: 2, minimumCreditScore: 65, weightFunction: 'credit-linear/v1' };
    const draft = await call(services.projects, 'POST', '/api/projects/projects', {
      token: creditOwner,
      body: { title: '信用择优的环境影响评价', serviceItemCode: ITEM, description: '环评报告书', budgetCapFen: 9_000_000, requiredLevel: 2, region: '330100', servicePeriodDays: 45, selection, signUp: { mode: 'ALL_ELIGIBLE' } },
    });
    expect(draft.status).toBe(201);
    const id = draft.body.id;
    expect((await call(services.projects, 'POST', `/api/projects/projects/${id}/publish`, { token: creditOwner })).status).toBe(200);
    expect((await call(services.projects, 'POST', `/api/projects/projects/${id}/request-selection`, { token: creditOwner })).body.status).toBe('SELECTING');
    const [committed] = await waitFor(() => call(services.draw, 'GET', `/api/draw/projects/${id}/draws`).then((r) => r.body), (d) => d?.length === 1, { what: 'commitment', timeoutMs: 30000 });
    expect(committed.commitment).toMatchObject({ weightFunction: 'credit-linear/v1', creditThreshold: 65 });
    expect(committed.commitment.exclusions).toContainEqual({ agencyId: low, reason: 'CREDIT_BELOW_THRESHOLD' });
    expect(committed.commitment.weights).toEqual(committed.commitment.pool.map((agencyId: string) => ({ id: agencyId, weight: agencyId === fair ? 71 : 81 })));

    const path = `/api/draw/draws/${committed.drawId}/witness-values`;
    await call(services.draw, 'POST', path, { token: creditOwner, body: { value: '谷雨' } });
    expect(await call(services.draw, 'POST', path, { token: supervisor, body: { value: '31415' } })).toMatchObject({ status: 200, body: { revealed: true } });
    await waitFor(() => call(services.projects, 'GET', `/api/projects/projects/${id}`, { token: creditOwner }).then((r) => r.body), (p) => p.status === 'PUBLICITY', { what: 'project receives the winner', timeoutMs: 30000 });
    const record = (await call(services.draw, 'GET', `/api/draw/draws/${committed.drawId}`)).body.record;

    expect((await call(services.audit, 'POST', '/api/audit/checkpoints', { token: supervisor })).status).toBe(200);
    const story = await waitFor(
      () => call(services.audit, 'GET', `/api/audit/projects/${id}/record`, { token: supervisor }).then((r) => r.body),
      (b) => JSON.stringify(b ?? {}).includes('draw.DrawRevealed'),
      { what: 'the reveal in the audit log', timeoutMs: 30000 },
    );
    const audited = drawRecordsOf(loggedEventsIn(story) ?? []).find((d) => d.drawId === committed.drawId);
    expect(audited?.problems).toEqual([]);
    expect(audited?.record).toEqual(record);
    expect(audited?.record).toMatchObject({ weights: committed.commitment.weights, weightsHash: committed.commitment.weightsHash, weightFunction: 'credit-linear/v1', creditThreshold: 65 });
    expect(verifyDraw(audited?.record as DrawRecord).ok).toBe(true);
    // The fairness report takes its chances from those weights rather than leaving the draw out.
    const fairness = await waitFor(() => call(services.audit, 'GET', '/api/audit/fairness', { token: supervisor }).then((r) => r.body), (b) => b?.weightedDraws === 1, { what: 'the weighted draw in the fairness report', timeoutMs: 30000 });
    expect(fairness).toMatchObject({ weightedDraws: 1, weightedDrawsLeftOut: 0 });

    // The CLI does the same from the project's record as the audit service answered it, and names a changed weight.
    const dir = mkdtempSync(join(tmpdir(), 'audit-record-'));
    try {
      const verifyFrom = (document: unknown) => {
        writeFileSync(join(dir, 'record.json'), JSON.stringify(document));
        return spawnSync(process.execPath, ['-r', '@swc-node/register', 'tools/verify-draw/verify-draw.ts', '--audit', join(dir, 'record.json'), '--draw', committed.drawId], {
          cwd: join(__dirname, '../../..'), env: { ...process.env, NODE_OPTIONS: '' }, encoding: 'utf8',
        });
      };
      const out = verifyFrom(story);
      expect(out.status).toBe(0);
      expect(out.stdout).toContain(`draw ${committed.drawId} verifies from the audit log`);
      const tampered = JSON.parse(JSON.stringify(story), (key, value) => (key === 'weight' && value === 71 ? 101 : value));
      expect(verifyFrom(tampered)).toMatchObject({ status: 1, stdout: expect.stringContaining('does NOT verify: pool-hash fails') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
