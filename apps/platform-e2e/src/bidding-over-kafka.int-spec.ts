import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { bidCommitment } from '@mkt/bidding/core';
import { verifyDraw } from '@mkt/draw/core';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { createTestDatabases, jsonClient, startServiceProcesses, waitFor, type CallOptions, type ServiceProcess } from '@mkt/shared/testing';
import { AgencyJourney } from './agency-journey';

/**
 * A bidding project in distributed mode: registry, projects, draw and bidding as separate processes with their
 * own Postgres databases, events on the real Kafka broker. Posting → bidding opens → sealed bids from several
 * firms → the close at the deadline reveals them → an exact tie at the cut is ordered by a witnessed draw → the
 * project receives the ranked bids and enters publicity with the winner the draw gave.
 */
const kafkaScript = join(__dirname, '../../../tools/kafka/kafka.sh');
const brokers = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092';
const secret = `kafka-bidding-${randomUUID()}-${randomUUID()}`;
const ITEM = `COST-${randomUUID().slice(0, 8)}`.toUpperCase();
const token = (role: 'OWNER' | 'SUPERVISOR' | 'AGENCY' | 'ADMIN', org: string | null = null) => issueTestToken(secret, { userId: `${role}-${org}`, role, organizationId: org });
const owner = token('OWNER', 'owner-org-b');
const supervisor = token('SUPERVISOR');

describe('selection by sealed bidding across processes (Postgres + Kafka)', () => {
  let databases: Awaited<ReturnType<typeof createTestDatabases>>;
  let services: Record<'registry' | 'projects' | 'draw' | 'bidding', ServiceProcess>;

  const call = (service: ServiceProcess, method: string, path: string, options: CallOptions = {}) => jsonClient(() => service.url)(method, path, options);

  beforeAll(async () => {
    execFileSync('bash', [kafkaScript, 'start'], { stdio: 'inherit' });
    databases = await createTestDatabases(['registry', 'projects', 'draw', 'bidding']);
    const common = { EVENT_TRANSPORT: 'kafka', KAFKA_BROKERS: brokers, KAFKA_SESSION_TIMEOUT_MS: '6000', AUTH_TOKEN_SECRET: secret };
    const [registry, projects, draw, bidding] = await startServiceProcesses([
      { name: 'kafka-bid-registry', app: 'registry', port: 3222, env: { ...common, REGISTRY_DATABASE_URL: databases.urlOf('registry') } },
      { name: 'kafka-bid-projects', app: 'projects', port: 3223, env: { ...common, PROJECTS_DATABASE_URL: databases.urlOf('projects') } },
      { name: 'kafka-bid-draw', app: 'draw', port: 3224, env: { ...common, DRAW_DATABASE_URL: databases.urlOf('draw') } },
      {
        name: 'kafka-bid-bidding', app: 'bidding', port: 3225,
        env: { ...common, BIDDING_DATABASE_URL: databases.urlOf('bidding'), BIDDING_SEAL_KEY: randomBytes(32).toString('hex') },
      },
    ]);
    services = { registry, projects, draw, bidding };
  }, 180000);

  afterAll(async () => {
    await Promise.all(Object.values(services ?? {}).map((s) => s.stop()));
    await databases?.drop();
  }, 120000);

  it('opens, takes sealed bids, closes at the deadline, breaks the tie by a draw, and hands the winner to the project', async () => {
    const journey = new AgencyJourney(services.registry.url, { admin: token('ADMIN'), supervisor });
    await journey.offerItem(ITEM, services.projects.url);
    const agencies: string[] = [];
    for (let i = 0; i < 3; i++) agencies.push(await journey.onboard(ITEM));
    // Bidding admits only firms its own read model knows as ACTIVE and qualified.
    for (const agencyId of agencies) {
      await waitFor(
        () => call(services.bidding, 'GET', `/api/bidding/bidders/${agencyId}/standing?serviceItemCode=${ITEM}&requiredLevel=2&on=2026-06-01`, { token: supervisor }).then((r) => r.body?.mayBid),
        (mayBid) => mayBid === true,
        { what: `bidding read model of ${agencyId}` },
      );
    }

    const deadline = new Date(Date.now() + 25_000).toISOString();
    const draft = await call(services.projects, 'POST', '/api/projects/projects', {
      token: owner,
      body: {
        title: '某片区工程造价咨询', serviceItemCode: ITEM, description: '全过程造价咨询', budgetCapFen: 5_000_000, requiredLevel: 2, region: '330100', servicePeriodDays: 60,
        selection: { method: 'BIDDING', winners: 1, minimumValidBids: 3, evaluation: { rule: 'LOWEST_PRICE' }, quoteForm: 'AMOUNT', bidDeadline: deadline },
        signUp: { mode: 'ALL_ELIGIBLE' },
      },
    });
    expect(draft.status).toBe(201);
    const id = draft.body.id;
    expect((await call(services.projects, 'POST', `/api/projects/projects/${id}/publish`, { token: owner })).status).toBe(200);
    expect((await call(services.projects, 'POST', `/api/projects/projects/${id}/request-selection`, { token: owner })).body.status).toBe('SELECTING');

    const [opened] = await waitFor(() => call(services.bidding, 'GET', `/api/bidding/projects/${id}/biddings`).then((r) => r.body), (b) => b?.length === 1, { what: 'bidding opens', timeoutMs: 20000 });
    expect(opened).toMatchObject({ status: 'OPEN', rules: { deadline, capFen: 5_000_000, quoteForm: 'AMOUNT', winners: 1, minimumValidBids: 3 } });

    // Two firms tie exactly at the lowest price; the third is dearer.
    const prices = [4_100_000, 4_100_000, 4_350_000];
    const receipts = [];
    for (const [i, agencyId] of agencies.entries()) {
      const res = await call(services.bidding, 'POST', `/api/bidding/biddings/${opened.biddingId}/bids`, {
        token: token('AGENCY', agencyId), body: { quote: { form: 'AMOUNT', amountFen: prices[i] }, servicePeriodDays: 50 }, headers: { 'Idempotency-Key': `bid-${agencyId}` },
      });
      expect(res.status).toBe(201);
      receipts.push(res.body);
    }
    const sealed = (await call(services.bidding, 'GET', `/api/bidding/biddings/${opened.biddingId}`, { token: owner })).body;
    expect(sealed.sealedCommitments).toEqual(receipts.map((r) => r.commitment).sort());
    expect(JSON.stringify(sealed)).not.toMatch(/4100000|4350000/);

    // The close runs from the bidding service's own scheduler at the deadline; the tie goes to the draw service.
    const tieBreak = await waitFor(
      () => call(services.draw, 'GET', `/api/draw/projects/${id}/draws`).then((r) => r.body?.find((d: { purpose: string }) => d.purpose === 'TIE_BREAK')),
      (d) => d !== undefined,
      { what: 'the tie-break commitment', timeoutMs: 60000, intervalMs: 500 },
    );
    const closed = (await call(services.bidding, 'GET', `/api/bidding/biddings/${opened.biddingId}`)).body;
    expect(closed.status).toBe('TIE_BREAK');
    expect(Date.parse(closed.closedAt)).toBeGreaterThanOrEqual(Date.parse(deadline));
    for (const r of closed.closing.revealed) {
      expect(bidCommitment({ biddingId: opened.biddingId, agencyId: r.agencyId, quote: r.quote, servicePeriodDays: r.servicePeriodDays, note: r.note }, r.salt)).toBe(r.commitment);
    }
    expect([...tieBreak.commitment.pool].sort()).toEqual([agencies[0], agencies[1]].sort());
    expect(tieBreak).toMatchObject({ tieBreak: { biddingId: opened.biddingId, position: 1 }, commitment: { k: 1, m: 1, rulesVersion: 'tie-break/1' } });

    // Witnessed like any draw: the owner and a supervisor enter values; the last one reveals.
    await call(services.draw, 'POST', `/api/draw/draws/${tieBreak.drawId}/witness-values`, { token: owner, body: { value: '春分' } });
    const revealed = await call(services.draw, 'POST', `/api/draw/draws/${tieBreak.drawId}/witness-values`, { token: supervisor, body: { value: '31415' } });
    expect(revealed).toMatchObject({ status: 200, body: { revealed: true } });
    const drawRecord = (await call(services.draw, 'GET', `/api/draw/draws/${tieBreak.drawId}`)).body.record;
    expect(verifyDraw(drawRecord).ok).toBe(true);
    const order = [...drawRecord.winners, ...drawRecord.alternates];

    const project = await waitFor(
      () => call(services.projects, 'GET', `/api/projects/projects/${id}`, { token: owner }).then((r) => r.body),
      (p) => p.status === 'PUBLICITY',
      { what: 'project receives the bidding result', timeoutMs: 30000 },
    );
    expect(project.selection.winners).toEqual([{ agencyId: order[0], quote: { form: 'AMOUNT', amountFen: 4_100_000 } }]);
    expect(project.selection.succession.map((c: { agencyId: string }) => c.agencyId)).toEqual([order[1], agencies[2]]);
    const decided = (await call(services.bidding, 'GET', `/api/bidding/biddings/${opened.biddingId}`)).body;
    expect(decided).toMatchObject({ status: 'DECIDED', tieBreakDrawIds: [tieBreak.drawId] });
    // The tie-break is no selection win for the rotation rules, and no second selection draw was made.
    expect((await call(services.draw, 'GET', `/api/draw/projects/${id}/draws`)).body.map((d: { purpose: string }) => d.purpose)).toEqual(['TIE_BREAK']);
  });
});
