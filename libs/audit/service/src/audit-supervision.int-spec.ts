import { Module, type INestApplication } from '@nestjs/common';
import { hexToBytesOrNull, leafHashOf, ocdsSchemaValidator, verifyInclusion } from '@mkt/audit/core';
import { DrawRevealedV1 } from '@mkt/draw/contracts';
import { AuthModule } from '@mkt/shared/auth';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { createHttpApp } from '@mkt/shared/http';
import { MessagingModule, MessagingRuntime, type ServicePlatform } from '@mkt/shared/messaging';
import { FixedClock, jsonClient } from '@mkt/shared/testing';
import { AuditModule } from './audit.module';
import { BIDDING_PROJECT, DRAW_PROJECT, marketplaceHistory, message } from './testing/marketplace-history';

/**
 * Supervisors' queries over the log, in one process: selection records with proofs (JSON and CSV), who may read
 * which, and the refusals. The history is a draw project and a bidding project as their producers publish them.
 */
const secret = 'audit-supervision-spec-secret-0123456789ab';
const clock = new FixedClock(new Date('2026-03-20T08:00:00.000Z'));

@Module({
  imports: [
    MessagingModule.forRoot({ transport: { kind: 'in-process' }, clock }),
    AuthModule.forRoot({ secret }),
    AuditModule.forRoot({ database: { kind: 'pglite', dataDir: 'memory://' }, log: { origin: 'audit.test/supervision', signingKey: null, checkpointIntervalMs: 60_000 } }),
  ],
})
class SupervisionSpecRoot {}

const token = (role: 'OWNER' | 'SUPERVISOR' | 'AGENCY' | 'ADMIN', org: string | null = null) => issueTestToken(secret, { userId: `${role}-${org}`, role, organizationId: org });
const supervisor = token('SUPERVISOR');
const bytes = (hex: string) => hexToBytesOrNull(hex) as Uint8Array;

type RecordEntry = { position: number; eventId: string; type: string; payload: Record<string, unknown>; inclusionProof: string[] | null };
type ProjectRecord = { projectId: string; ownerOrganizationId: string; methods: string[]; entries: RecordEntry[] };

describe('audit supervision queries', () => {
  let app: INestApplication;
  let base: string;
  const call = jsonClient(() => base);
  const text = async (path: string, bearer: string) => {
    const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
    return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
  };

  beforeAll(async () => {
    app = await createHttpApp(SupervisionSpecRoot, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    const audit = app.get(MessagingRuntime).platform('audit') as ServicePlatform;
    await audit.inbox.deliverAll(marketplaceHistory());
    expect(await call('POST', '/api/audit/checkpoints', { token: supervisor })).toMatchObject({ status: 200 });
  }, 60000);

  afterAll(async () => {
    await app?.close();
  });

  describe('GET /api/audit/records', () => {
    it('gives a supervisor both projects in order, every entry with a valid inclusion proof against the checkpoint', async () => {
      const { status, body } = await call('GET', '/api/audit/records', { token: supervisor });
      expect(status).toBe(200);
      const records = body.records as ProjectRecord[];
      expect(records.map((r) => r.projectId)).toEqual([DRAW_PROJECT, BIDDING_PROJECT]);
      expect(records[0].entries.map((e) => e.type)).toEqual([
        'projects.ProjectPublished', 'projects.SelectionRequested', 'draw.DrawCommitted', 'draw.DrawRevealed', 'projects.SelectionRecorded',
        'projects.ProjectAwarded', 'projects.ContractRecorded', 'projects.ServiceCompleted', 'projects.AgencyEvaluated',
      ]);
      const entries = await call('GET', '/api/audit/entries?limit=1000', { token: supervisor });
      const byPosition = new Map((entries.body.entries as { position: number; event: unknown }[]).map((e) => [e.position, e.event]));
      const { size, rootHash } = body.checkpoint;
      for (const record of records) {
        const positions = record.entries.map((e) => e.position);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        for (const entry of record.entries) {
          expect(entry.inclusionProof).not.toBeNull();
          const leaf = leafHashOf(byPosition.get(entry.position));
          expect(verifyInclusion(leaf, entry.position, size, (entry.inclusionProof as string[]).map(bytes), bytes(rootHash))).toBe(true);
        }
      }
    });

    it('filters by agency, owner, item, method and period', async () => {
      const ids = async (query: string) => ((await call('GET', `/api/audit/records?${query}`, { token: supervisor })).body.records as ProjectRecord[]).map((r) => r.projectId);
      expect(await ids('agencyId=agency-4')).toEqual([DRAW_PROJECT, BIDDING_PROJECT]); // a declared conflict, then a bid
      expect(await ids('ownerOrganizationId=owner-b')).toEqual([BIDDING_PROJECT]);
      expect(await ids('serviceItemCode=EIA-REPORT')).toEqual([DRAW_PROJECT]);
      expect(await ids('method=BIDDING')).toEqual([BIDDING_PROJECT]);
      expect(await ids(`projectId=${DRAW_PROJECT}`)).toEqual([DRAW_PROJECT]);
      expect(await ids('from=2026-03-01T00:00:00%2B08:00&to=2026-04-01T00:00:00%2B08:00')).toEqual([BIDDING_PROJECT]);
    });

    it('exports the same query as CSV, one row per entry, with its position and proof', async () => {
      const csv = await text('/api/audit/records?format=csv&method=RANDOM_DRAW', supervisor);
      expect(csv.status).toBe(200);
      expect(csv.type).toMatch(/^text\/csv/);
      const lines = csv.body.trimEnd().split('\r\n');
      expect(lines[0]).toBe('projectId,title,ownerOrganizationId,serviceItemCode,methods,position,eventId,type,aggregateId,occurredAt,checkpointSize,inclusionProof,payload');
      expect(lines).toHaveLength(1 + 9);
      expect(lines[1]).toContain(`${DRAW_PROJECT},环评报告编制,owner-a,EIA-REPORT,RANDOM_DRAW,`);
      expect(lines[3]).toMatch(/,draw\.DrawCommitted,draw-1,2026-01-20T02:01:00\.000Z,\d+,[0-9a-f]{64}( [0-9a-f]{64})*,"\{""algorithm""/);
    });

    it("lets an owner read its own projects' records and refuses another owner's", async () => {
      const own = await call('GET', '/api/audit/records', { token: token('OWNER', 'owner-a') });
      expect((own.body.records as ProjectRecord[]).map((r) => r.projectId)).toEqual([DRAW_PROJECT]);
      expect(await call('GET', '/api/audit/records?ownerOrganizationId=owner-b', { token: token('OWNER', 'owner-a') })).toMatchObject({
        status: 403, body: { code: 'AUDIT.NOT_YOUR_RECORDS' },
      });
      expect(await call('GET', `/api/audit/records?projectId=${BIDDING_PROJECT}`, { token: token('OWNER', 'owner-a') })).toMatchObject({ status: 200, body: { records: [] } });
    });

    it("shows an agency the entries about itself, never others' declines or the owner's conflict list", async () => {
      const mine = await call('GET', '/api/audit/records', { token: token('AGENCY', 'agency-1') });
      const entries = (mine.body.records as ProjectRecord[]).flatMap((r) => r.entries);
      expect(entries.map((e) => e.type)).not.toContain('projects.SelectionRequested');
      expect(entries.map((e) => e.type)).not.toContain('projects.AwardDeclined');
      expect(entries.filter((e) => e.type === 'bidding.BidSubmitted').map((e) => e.payload['agencyId'])).toEqual(['agency-1']);
      expect(await call('GET', '/api/audit/records?agencyId=agency-2', { token: token('AGENCY', 'agency-1') })).toMatchObject({ status: 403 });
    });

    it('refuses anonymous callers, admins and bad input with the field named', async () => {
      expect(await call('GET', '/api/audit/records')).toMatchObject({ status: 401 });
      expect(await call('GET', '/api/audit/records', { token: token('ADMIN') })).toMatchObject({ status: 403 });
      expect(await call('GET', '/api/audit/records', { token: token('OWNER', null) })).toMatchObject({ status: 403, body: { code: 'AUDIT.NO_ORGANIZATION' } });
      expect(await call('GET', '/api/audit/records?method=LOTTERY', { token: supervisor })).toMatchObject({ status: 400, body: { field: 'method' } });
      expect(await call('GET', '/api/audit/records?from=yesterday', { token: supervisor })).toMatchObject({ status: 400, body: { field: 'from' } });
      expect(await call('GET', '/api/audit/records?from=2026-03-01T00:00:00Z&to=2026-02-01T00:00:00Z', { token: supervisor })).toMatchObject({ status: 400, body: { field: 'to' } });
    });
  });

  describe('GET /api/audit/statistics', () => {
    it('is public and states the report\'s figures as the log measures them', async () => {
      const { status, body } = await call('GET', '/api/audit/statistics');
      expect(status).toBe(200);
      expect(body.agencies.registered).toBe(4);
      expect(body.projects).toEqual({ published: 2, underFreeChoiceThreshold: 2, thresholdFen: 10_000_000 });
      expect(body.catalog).toMatchObject({
        items: 2,
        retiredItems: 1,
        categories: [
          { categoryCode: 'ENV', items: 1, agencies: 3 },
          { categoryCode: 'GEO', items: 1, agencies: 4 },
        ],
      });
      expect(body.selectionsByMonth).toEqual([
        { month: '2026-01', draws: 1, failedDraws: 0, biddingRounds: 0, failedBiddingRounds: 0, directSelections: 0 },
        { month: '2026-02', draws: 0, failedDraws: 0, biddingRounds: 1, failedBiddingRounds: 0, directSelections: 0 },
      ]);
      // Winning bid 800,000 under the cap of 1,000,000 (the item has no standard fee): 20 %.
      expect(body.fees.winningBids).toMatchObject({ count: 1, meanReduction: expect.closeTo(0.2, 12), againstCap: { count: 1 } });
      // Contracts: 4,000,000 under the standard fee of 5,000,000 (20 %), 900,000 under the cap of 1,000,000 (10 %).
      expect(body.fees.contracts).toEqual({ count: 2, meanReduction: expect.closeTo(0.15, 12) });
      // 10 of 20 and 10 of 15 working days.
      expect(body.deliveryTime).toMatchObject({ completed: 2, meanShareOfTimeLimit: expect.closeTo((0.5 + 10 / 15) / 2, 12), withinTimeLimit: 2, reported: 0.3 });
      expect(JSON.stringify(body)).not.toMatch(/agency-\d/);
    });

    it('follows the log: a new draw shows in the next answer', async () => {
      const before = (await call('GET', '/api/audit/statistics')).body;
      const audit = app.get(MessagingRuntime).platform('audit') as ServicePlatform;
      await audit.inbox.deliverAll([
        message(DrawRevealedV1, 'draw-9', {
          drawId: 'draw-9', projectId: 'p-elsewhere', round: 1, poolSize: 2, secret: 'd'.repeat(64), seed: 'e'.repeat(64), winners: ['agency-1'], alternates: [],
          entropySource: 'witnesses', witnessValues: [], drandRound: null, drandSignature: null, drandRandomness: null, purpose: 'SELECTION', tieBreak: null,
        }, '2026-03-05T02:00:00.000Z'),
      ]);
      const after = (await call('GET', '/api/audit/statistics')).body;
      expect(after.computedFrom.logSize).toBe(before.computedFrom.logSize + 1);
      expect(after.selectionsByMonth.at(-1)).toEqual({ month: '2026-03', draws: 1, failedDraws: 0, biddingRounds: 0, failedBiddingRounds: 0, directSelections: 0 });
    });
  });

  describe('GET /api/audit/projects/:id/ocds', () => {
    const validOcds = ocdsSchemaValidator();

    it('gives a supervisor the draw project as OCDS 1.1 releases that pass the schema, naming the draw', async () => {
      const { status, body } = await call('GET', `/api/audit/projects/${DRAW_PROJECT}/ocds`, { token: supervisor });
      expect(status).toBe(200);
      expect(validOcds(body)).toEqual({ ok: true, errors: [] });
      expect(body.releases.map((r: { tag: string[] }) => r.tag[0])).toEqual(['tender', 'tenderUpdate', 'award', 'awardUpdate', 'contract', 'contractTermination']);
      const last = body.releases.at(-1);
      expect(last.ocid).toBe(`ocds-mkt000-${DRAW_PROJECT}`);
      expect(last.tender.procurementMethodDetails).toMatch(/^网上随机抽取 .*; draw draw-1, algorithm draw\/v1, pool of 3, commitment c{64}$/);
      expect(last.awards).toEqual([expect.objectContaining({ status: 'active', suppliers: [{ id: 'agency-2', name: '机构2' }] })]);
      expect(last.contracts).toEqual([expect.objectContaining({ status: 'terminated', value: { amount: 40_000, currency: 'CNY' } })]);
    });

    it("gives the bidding project's owner its releases: tenderers, a declined award and the successor's contract", async () => {
      const { status, body } = await call('GET', `/api/audit/projects/${BIDDING_PROJECT}/ocds`, { token: token('OWNER', 'owner-b') });
      expect(status).toBe(200);
      expect(validOcds(body).ok).toBe(true);
      const last = body.releases.at(-1);
      expect(last.tender).toMatchObject({ procurementMethodDetails: expect.stringMatching(/^网上竞价/), numberOfTenderers: 3, awardCriteria: 'priceOnly' });
      expect(last.awards.map((a: { suppliers: { id: string }[]; status: string }) => [a.suppliers[0].id, a.status])).toEqual([['agency-3', 'cancelled'], ['agency-4', 'active']]);
      expect(last.contracts[0]).toMatchObject({ awardID: `${BIDDING_PROJECT}-r1-agency-4`, value: { amount: 9000, currency: 'CNY' } });
    });

    it("refuses another owner, agencies and anonymous callers, and says when the log never saw the project", async () => {
      expect(await call('GET', `/api/audit/projects/${BIDDING_PROJECT}/ocds`, { token: token('OWNER', 'owner-a') })).toMatchObject({ status: 403, body: { code: 'AUDIT.NOT_YOUR_PROJECT' } });
      expect(await call('GET', `/api/audit/projects/${BIDDING_PROJECT}/ocds`, { token: token('AGENCY', 'agency-4') })).toMatchObject({ status: 403 });
      expect(await call('GET', `/api/audit/projects/${BIDDING_PROJECT}/ocds`)).toMatchObject({ status: 401 });
      expect(await call('GET', '/api/audit/projects/nobody/ocds', { token: supervisor })).toMatchObject({ status: 404, body: { code: 'AUDIT.PROJECT_NOT_PUBLISHED' } });
    });
  });
});
