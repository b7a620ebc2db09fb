import { randomUUID } from 'node:crypto';
import { Module, type INestApplication } from '@nestjs/common';
import { DrawModule } from '@mkt/draw/service';
import { ProjectsModule } from '@mkt/projects/service';
import { SelectionRequestedV1 } from '@mkt/projects/contracts';
import { RegistryModule } from '@mkt/registry/service';
import { AuthModule } from '@mkt/shared/auth';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { createHttpApp } from '@mkt/shared/http';
import { MessagingModule, MessagingRuntime, type ServicePlatform } from '@mkt/shared/messaging';
import { eventMessage, FixedClock, waitFor, jsonClient } from '@mkt/shared/testing';
import { verifyDraw } from '@mkt/draw/core';
import { AgencyJourney } from './agency-journey';

/**
 * A project selects its agency by draw, across three services on the in-process bus: the owner posts and
 * publishes, the draw service freezes the pool from registry events and commits, witnesses enter values,
 * the draw reveals itself, and the project enters publicity with the winner, then is awarded when it ends.
 */
const secret = 'selection-flow-spec-secret-0123456789abcdef';
const clock = new FixedClock(new Date('2026-03-02T01:00:00.000Z'));
const pg = { kind: 'pglite', dataDir: 'memory://' } as const;

@Module({
  imports: [
    MessagingModule.forRoot({ transport: { kind: 'in-process' }, clock }),
    AuthModule.forRoot({ secret }),
    RegistryModule.forRoot({ database: pg }),
    ProjectsModule.forRoot({ database: pg }),
    DrawModule.forRoot({ database: pg }),
  ],
})
class SelectionFlowRoot {}

const token = (role: 'OWNER' | 'SUPERVISOR' | 'AGENCY' | 'ADMIN', org: string | null = null) => issueTestToken(secret, { userId: `${role}-${org}`, role, organizationId: org });
const owner = token('OWNER', 'owner-org-1');
const ITEM = `SURVEY-${randomUUID().slice(0, 6)}`.toUpperCase();

describe('selection by draw, end to end in one process', () => {
  let app: INestApplication;
  let base: string;
  let projects: ServicePlatform;
  let draw: ServicePlatform;
  let agencies: string[];

  const call = jsonClient(() => base);

  const posting = (overrides: Record<string, unknown> = {}) => ({
    title: '某道路改建工程地形测绘', serviceItemCode: ITEM, description: '1:500 地形图测绘', budgetCapFen: 8_000_000, requiredLevel: 2,
    region: '330100', servicePeriodDays: 30, selection: { method: 'RANDOM_DRAW', winners: 1, alternates: 2, minimumCandidates: 3 },
    signUp: { mode: 'ALL_ELIGIBLE' }, conflicts: [], ...overrides,
  });

  const projectOf = async (id: string) => (await call('GET', `/api/projects/projects/${id}`, { token: owner })).body;

  beforeAll(async () => {
    app = await createHttpApp(SelectionFlowRoot, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    const runtime = app.get(MessagingRuntime);
    projects = runtime.platform('projects') as ServicePlatform;
    draw = runtime.platform('draw') as ServicePlatform;
    const journey = new AgencyJourney(base, { admin: token('ADMIN'), supervisor: token('SUPERVISOR') });
    await journey.offerItem(ITEM, base);
    agencies = [];
    for (let i = 0; i < 5; i++) agencies.push(await journey.onboard(ITEM));
  }, 120000);

  afterAll(async () => {
    await app?.close();
  });

  it('refuses postings from anyone but an owner, and names the field a posting gets wrong', async () => {
    expect(await call('POST', '/api/projects/projects', { token: token('AGENCY', agencies[0]), body: posting() })).toMatchObject({ status: 403 });
    expect(await call('POST', '/api/projects/projects', { body: posting() })).toMatchObject({ status: 401 });
    expect(await call('POST', '/api/projects/projects', { token: owner, body: posting({ budgetCapFen: -1 }) })).toMatchObject({ status: 400, body: { field: 'budgetCapFen' } });
    expect(await call('POST', '/api/projects/projects', { token: owner, body: posting({ selection: { method: 'RANDOM_DRAW', winners: 0, alternates: 0, minimumCandidates: 1 } }) })).toMatchObject({
      status: 400,
      body: { code: 'PROJECTS.INVALID_SELECTION', field: 'selection.winners' },
    });
  });

  it('posts, publishes and hands selection to the draw, which commits before any entropy', async () => {
    const draft = await call('POST', '/api/projects/projects', { token: owner, body: posting({ conflicts: [{ agencyId: agencies[4], reason: '同一集团下属单位' }] }) });
    expect(draft).toMatchObject({ status: 201, body: { status: 'DRAFT' } });
    const id = draft.body.id;
    expect(await call('POST', `/api/projects/projects/${id}/publish`, { token: token('OWNER', 'someone-else') })).toMatchObject({ status: 403 });
    expect(await call('POST', `/api/projects/projects/${id}/publish`, { token: owner })).toMatchObject({ status: 200, body: { status: 'PUBLISHED', round: 1 } });
    expect(await call('GET', `/api/projects/projects/${id}`, { token: token('OWNER', 'someone-else') })).toMatchObject({ status: 403 });
    expect((await call('GET', '/api/projects/announcements')).body.some((a: { id: string }) => a.id === id)).toBe(true);
    expect(await call('POST', `/api/projects/projects/${id}/request-selection`, { token: owner })).toMatchObject({ status: 200, body: { status: 'SELECTING' } });

    const [committed] = await waitFor(() => call('GET', `/api/draw/projects/${id}/draws`).then((r) => r.body), (d) => d.length === 1, { what: 'draw commitment' });
    expect(committed.status).toBe('COMMITTED');
    expect(committed.commitment.pool).toHaveLength(4);
    expect(committed.commitment.exclusions).toEqual([{ agencyId: agencies[4], reason: 'CONFLICT_DECLARED' }]);

    // A second request for the same round, as a redelivery or a replay would bring, makes no second draw.
    await draw.inbox.deliver(eventMessage(SelectionRequestedV1, id, {
      projectId: id, round: 1, method: 'RANDOM_DRAW', ownerOrganizationId: 'owner-org-1', serviceItemCode: ITEM, requiredLevel: 2, winners: 1, alternates: 2,
      minimumCandidates: 3, conflictAgencyIds: [], signedUpAgencyIds: null, entropySource: 'witnesses', witnesses: ['OWNER', 'SUPERVISOR'], creditThreshold: null, weightFunction: null,
      rulesVersion: 'rules/2026-1', eligibleOn: '2026-03-02', bidding: null,
    }));
    expect((await call('GET', `/api/draw/projects/${id}/draws`)).body).toHaveLength(1);

    // Witnesses enter values; the last one reveals; the project learns its winner and enters publicity.
    await call('POST', `/api/draw/draws/${committed.drawId}/witness-values`, { token: owner, body: { value: '20260302' } });
    const revealed = await call('POST', `/api/draw/draws/${committed.drawId}/witness-values`, { token: token('SUPERVISOR'), body: { value: '监督' } });
    expect(revealed.body.revealed).toBe(true);
    const inPublicity = await waitFor(() => projectOf(id), (p) => p.status === 'PUBLICITY', { what: 'project in publicity' });
    expect(inPublicity.selection.winners.map((w: { agencyId: string }) => w.agencyId)).toEqual(revealed.body.winners);
    const record = (await call('GET', `/api/draw/draws/${committed.drawId}`)).body.record;
    expect(verifyDraw(record).ok).toBe(true);
    expect(inPublicity.selection.succession.map((c: { agencyId: string }) => c.agencyId)).toEqual(record.alternates);

    // An agency objects during publicity; a supervisor dismisses it with reasons; publicity then ends as planned.
    const objector = agencies.find((a) => !revealed.body.winners.includes(a) && a !== agencies[4]) as string;
    expect(await call('POST', `/api/projects/projects/${id}/objections`, { token: owner, body: { grounds: 'x' } })).toMatchObject({ status: 403 });
    const filed = await call('POST', `/api/projects/projects/${id}/objections`, { token: token('AGENCY', objector), body: { grounds: '抽取前未公示排除理由' } });
    expect(filed).toMatchObject({ status: 201 });
    const ruling = `/api/projects/projects/${id}/objections/${filed.body.objectionId}/ruling`;
    expect(await call('POST', ruling, { token: owner, body: { verdict: 'DISMISSED', reason: 'x' } })).toMatchObject({ status: 403 });
    expect(await call('POST', ruling, { token: token('SUPERVISOR'), body: { verdict: 'MAYBE', reason: 'x' } })).toMatchObject({ status: 400, body: { field: 'verdict' } });
    expect(await call('POST', ruling, { token: token('SUPERVISOR'), body: { verdict: 'DISMISSED', reason: '排除理由已在承诺记录中公开' } })).toMatchObject({ status: 200, body: { status: 'PUBLICITY' } });

    // Publicity ends on the scheduler's clock: not a millisecond early, then the award.
    const endsAt = new Date(inPublicity.selection.publicityEndsAt);
    clock.set(new Date(endsAt.getTime() - 1));
    await projects.scheduler.runDue();
    expect((await projectOf(id)).status).toBe('PUBLICITY');
    clock.set(endsAt);
    await projects.scheduler.runDue();
    const awarded = await projectOf(id);
    expect(awarded.status).toBe('AWARDED');
    expect(awarded.history.map((h: { kind: string }) => h.kind)).toEqual(['drafted', 'published', 'selection-requested', 'selection-recorded', 'objection-filed', 'objection-dismissed', 'awarded']);

    // The winner accepts; the owner records contract, completion and evaluation; the evaluation goes out for credit.
    const winner = revealed.body.winners[0];
    expect(await call('POST', `/api/projects/projects/${id}/award/accept`, { token: token('AGENCY', objector) })).toMatchObject({ status: 403 });
    expect(await call('POST', `/api/projects/projects/${id}/award/accept`, { token: token('AGENCY', winner) })).toMatchObject({ status: 200 });
    expect(await call('POST', `/api/projects/projects/${id}/contract`, { token: owner, body: { agencyId: winner, amountFen: 9_000_000, startDate: '2026-03-10' } })).toMatchObject({ status: 400, body: { field: 'amountFen' } });
    expect(await call('POST', `/api/projects/projects/${id}/contract`, { token: owner, body: { agencyId: winner, amountFen: 7_500_000, startDate: '2026-03-05' } })).toMatchObject({ status: 200, body: { status: 'CONTRACTED' } });
    clock.set(new Date('2026-04-10T02:00:00.000Z'));
    expect(await call('POST', `/api/projects/projects/${id}/completion`, { token: owner, body: { agencyId: winner, completionDate: '2026-04-03' } })).toMatchObject({ status: 200, body: { status: 'COMPLETED' } });
    expect(await call('POST', `/api/projects/projects/${id}/evaluation`, { token: owner, body: { agencyId: winner, quality: 6, feeCompliant: true } })).toMatchObject({ status: 400, body: { field: 'quality' } });
    expect(await call('POST', `/api/projects/projects/${id}/evaluation`, { token: owner, body: { agencyId: winner, quality: 4, feeCompliant: true, comment: '按期交付' } })).toMatchObject({ status: 200, body: { status: 'EVALUATED' } });
    const [evaluation] = await projects.database.dataSource.query(`SELECT envelope FROM outbox WHERE event_type = 'projects.AgencyEvaluated'`);
    // 30 days from 2026-03-05 (start day not counted) is due 2026-04-04: completed on 04-03, on time.
    expect(JSON.parse(evaluation.envelope).payload).toMatchObject({ projectId: id, agencyId: winner, onTime: true, daysLate: 0, quality: 4, feeCompliant: true, contractAmountFen: 7_500_000 });
  });

  it('amends a sign-up window only forward, records it, and lets the owner cancel', async () => {
    const opensAt = clock.now().toISOString();
    const closesAt = new Date(clock.now().getTime() + 4 * 86_400_000).toISOString();
    const draft = await call('POST', '/api/projects/projects', { token: owner, body: posting({ title: '某学校规划设计', signUp: { mode: 'WINDOW', opensAt, closesAt } }) });
    const id = draft.body.id;
    await call('POST', `/api/projects/projects/${id}/publish`, { token: owner });
    const earlier = new Date(clock.now().getTime() + 3.5 * 86_400_000).toISOString();
    expect(await call('POST', `/api/projects/projects/${id}/amendments`, { token: owner, body: { reason: '补充资料', changes: { signUp: { mode: 'WINDOW', opensAt, closesAt: earlier } } } })).toMatchObject({ status: 400 });
    const later = new Date(clock.now().getTime() + 6 * 86_400_000).toISOString();
    expect(await call('POST', `/api/projects/projects/${id}/amendments`, { token: token('OWNER', 'someone-else'), body: { reason: 'x', changes: { description: 'x' } } })).toMatchObject({ status: 403 });
    expect(await call('POST', `/api/projects/projects/${id}/amendments`, { token: owner, body: { reason: '补充资料', changes: { description: '补充地勘资料', signUp: { mode: 'WINDOW', opensAt, closesAt: later } } } })).toMatchObject({ status: 200, body: { status: 'PUBLISHED' } });
    expect(await call('POST', `/api/projects/projects/${id}/cancel`, { token: owner, body: {} })).toMatchObject({ status: 400, body: { field: 'reason' } });
    expect(await call('POST', `/api/projects/projects/${id}/cancel`, { token: owner, body: { reason: '项目暂缓' } })).toMatchObject({ status: 200, body: { status: 'CANCELLED' } });
    const history = (await projectOf(id)).history.map((h: { kind: string }) => h.kind);
    expect(history).toEqual(['drafted', 'published', 'amended', 'cancelled']);
  });

  it('promotes the first alternate when the winner declines, and reports the decline for the credit record', async () => {
    const draft = await call('POST', '/api/projects/projects', { token: owner, body: posting({ title: '某桥梁检测' }) });
    const id = draft.body.id;
    await call('POST', `/api/projects/projects/${id}/publish`, { token: owner });
    await call('POST', `/api/projects/projects/${id}/request-selection`, { token: owner });
    const [d] = await waitFor(() => call('GET', `/api/draw/projects/${id}/draws`).then((r) => r.body), (x) => x.length === 1, { what: 'commitment' });
    await call('POST', `/api/draw/draws/${d.drawId}/witness-values`, { token: owner, body: { value: '1' } });
    await call('POST', `/api/draw/draws/${d.drawId}/witness-values`, { token: token('SUPERVISOR'), body: { value: '2' } });
    const inPublicity = await waitFor(() => projectOf(id), (p) => p.status === 'PUBLICITY', { what: 'publicity' });
    const [winner] = inPublicity.selection.winners.map((w: { agencyId: string }) => w.agencyId);
    const [firstAlternate] = inPublicity.selection.succession.map((c: { agencyId: string }) => c.agencyId);
    clock.set(new Date(inPublicity.selection.publicityEndsAt));
    await projects.scheduler.runDue();
    expect((await projectOf(id)).status).toBe('AWARDED');

    expect(await call('POST', `/api/projects/projects/${id}/award/decline`, { token: token('AGENCY', winner), body: { reason: '人员不足' } })).toMatchObject({ status: 200, body: { status: 'AWARDED' } });
    const after = await projectOf(id);
    expect(after.seats.map((seat: { agencyId: string }) => seat.agencyId)).toEqual([firstAlternate]);
    const declines = await projects.database.dataSource.query(`SELECT envelope FROM outbox WHERE event_type = 'projects.AwardDeclined'`);
    expect(declines.map((r: { envelope: string }) => JSON.parse(r.envelope).payload)).toContainEqual({ projectId: id, round: 1, agencyId: winner, cause: 'DECLINED', reason: '人员不足' });
  });

  it('fails the round (流标) when the draw finds too few candidates', async () => {
    const draft = await call('POST', '/api/projects/projects', { token: owner, body: posting({ selection: { method: 'RANDOM_DRAW', winners: 1, alternates: 0, minimumCandidates: 10 } }) });
    const id = draft.body.id;
    await call('POST', `/api/projects/projects/${id}/publish`, { token: owner });
    await call('POST', `/api/projects/projects/${id}/request-selection`, { token: owner });
    const failed = await waitFor(() => projectOf(id), (p) => p.status === 'FAILED', { what: 'failed round' });
    expect(failed.failure).toMatchObject({ round: 1, reason: 'TOO_FEW_CANDIDATES' });
    // The owner reposts the failed round as a direct selection (allowed under the threshold, with a justification).
    expect(await call('POST', `/api/projects/projects/${id}/repost`, { token: owner, body: { reason: '候选不足', changes: { selection: { method: 'DIRECT_SELECTION', justification: '' } } } })).toMatchObject({
      status: 400,
      body: { field: 'selection.justification' },
    });
    const reposted = await call('POST', `/api/projects/projects/${id}/repost`, { token: owner, body: { reason: '候选不足', changes: { selection: { method: 'DIRECT_SELECTION', justification: '金额较小，按规定直接选取' } } } });
    expect(reposted).toMatchObject({ status: 200, body: { status: 'PUBLISHED', round: 2 } });
    await call('POST', `/api/projects/projects/${id}/request-selection`, { token: owner });
    expect(await call('POST', `/api/projects/projects/${id}/direct-selection`, { token: owner, body: { agencyId: agencies[0] } })).toMatchObject({ status: 200, body: { status: 'PUBLICITY', round: 2 } });

    // Every event of the whole flow was understood by its consumers: nothing was parked.
    for (const platform of [projects, draw]) expect(await platform.database.dataSource.query(`SELECT reason FROM parked_events`)).toEqual([]);
  });
});
