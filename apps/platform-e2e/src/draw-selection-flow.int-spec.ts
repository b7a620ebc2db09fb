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
const ITEM = `SURVEY-${randomUUID().slice(0, 6)}`;

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
      minimumCandidates: 3, conflictAgencyIds: [], signedUpAgencyIds: null, entropySource: 'witnesses', witnesses: ['OWNER', 'SUPERVISOR'], creditThreshold: null,
      rulesVersion: 'rules/2026-1', eligibleOn: '2026-03-02',
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

    // Publicity ends on the scheduler's clock: not a millisecond early, then the award.
    const endsAt = new Date(inPublicity.selection.publicityEndsAt);
    clock.set(new Date(endsAt.getTime() - 1));
    await projects.scheduler.runDue();
    expect((await projectOf(id)).status).toBe('PUBLICITY');
    clock.set(endsAt);
    await projects.scheduler.runDue();
    const awarded = await projectOf(id);
    expect(awarded.status).toBe('AWARDED');
    expect(awarded.history.map((h: { kind: string }) => h.kind)).toEqual(['drafted', 'published', 'selection-requested', 'selection-recorded', 'awarded']);
  });

  it('fails the round (流标) when the draw finds too few candidates', async () => {
    const draft = await call('POST', '/api/projects/projects', { token: owner, body: posting({ selection: { method: 'RANDOM_DRAW', winners: 1, alternates: 0, minimumCandidates: 10 } }) });
    const id = draft.body.id;
    await call('POST', `/api/projects/projects/${id}/publish`, { token: owner });
    await call('POST', `/api/projects/projects/${id}/request-selection`, { token: owner });
    const failed = await waitFor(() => projectOf(id), (p) => p.status === 'FAILED', { what: 'failed round' });
    expect(failed.failure).toMatchObject({ round: 1, reason: 'TOO_FEW_CANDIDATES' });
    // Every event of the whole flow was understood by its consumers: nothing was parked.
    for (const platform of [projects, draw]) expect(await platform.database.dataSource.query(`SELECT reason FROM parked_events`)).toEqual([]);
  });
});
