import type { INestApplication } from '@nestjs/common';
import { creditCodeCheckCharacter } from '@mkt/registry/core';
import { AgencyEvaluatedV1, AwardDeclinedV1, ContractRecordedV1, ProjectAwardedV1, ServiceCompletedV1 } from '@mkt/projects/contracts';
import { AuthModule } from '@mkt/shared/auth';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { createHttpApp } from '@mkt/shared/http';
import { MessagingModule, MessagingRuntime, type ServicePlatform } from '@mkt/shared/messaging';
import type { DatabaseConfig } from '@mkt/shared/persistence';
import { createTestDatabases, eventMessage, FixedClock, jsonClient, waitFor } from '@mkt/shared/testing';
import { CatalogSeeder } from './application/catalog.seeder';
import { RegistryModule } from './registry.module';

/**
 * The credit record and sanctions against a real Postgres, in process: the projects service's outcomes become
 * credit entries and events, supervisors record misconduct and impose sanctions whose periods end by themselves
 * (across a restart, on the injected clock), and the public sees profiles and searches the directory.
 */
const secret = 'credit-spec-secret-0123456789abcdefghijklm';
// 2026-03-02 10:00 in Beijing.
const clock = new FixedClock(new Date('2026-03-02T02:00:00.000Z'));

type Role = 'OWNER' | 'SUPERVISOR' | 'AGENCY' | 'ADMIN';
const token = (role: Role, org: string | null = null) => issueTestToken(secret, { userId: `${role}-user`, role, organizationId: org });
const admin = token('ADMIN');
const supervisor = token('SUPERVISOR');

let serial = 0;
function uniqueCreditCode(): string {
  serial += 1;
  const body = `9133010${String(Date.now() % 1e6).padStart(6, '0')}${String(serial).padStart(4, '0')}`.slice(0, 17);
  return body + creditCodeCheckCharacter(body);
}

interface Running {
  readonly app: INestApplication;
  readonly registry: ServicePlatform;
  readonly call: ReturnType<typeof jsonClient>;
}

async function start(database: DatabaseConfig): Promise<Running> {
  class CreditSpecRoot {}
  const app = await createHttpApp(
    { module: CreditSpecRoot, imports: [MessagingModule.forRoot({ transport: { kind: 'in-process' }, clock }), AuthModule.forRoot({ secret }), RegistryModule.forRoot({ database })] },
    { logger: false },
  );
  await app.listen(0, '127.0.0.1');
  const base = await app.getUrl();
  return { app, registry: app.get(MessagingRuntime).platform('registry') as ServicePlatform, call: jsonClient(() => base) };
}

describe('registry service: credit record, misconduct, sanctions, public profile and search (Postgres)', () => {
  let databases: Awaited<ReturnType<typeof createTestDatabases>>;
  let database: DatabaseConfig;
  let running: Running;
  const call = (...args: Parameters<Running['call']>) => running.call(...args);

  const outbox = async (agencyId: string): Promise<{ type: string; payload: any }[]> =>
    (await running.registry.database.dataSource.query(`SELECT envelope FROM outbox WHERE aggregate_id = $1 ORDER BY seq`, [agencyId])).map((r: { envelope: string }) => {
      const e = JSON.parse(r.envelope);
      return { type: e.type, payload: e.payload };
    });
  const deliver = <P>(contract: Parameters<typeof eventMessage<P>>[0], key: string, payload: P) => running.registry.inbox.deliver(eventMessage(contract, key, payload));

  async function onboard(name: string, region: string, qualifications: { item: string; level: number; validUntil?: string }[]): Promise<string> {
    const { body, status } = await call('POST', '/api/registry/agencies', { token: admin, body: { name, creditCode: uniqueCreditCode(), region } });
    expect(status).toBe(201);
    for (const [i, q] of qualifications.entries()) {
      const granted = await call('POST', `/api/registry/agencies/${body.id}/qualifications`, {
        token: admin,
        body: { certificateNumber: `CERT-${body.id}-${i}`, serviceItemCode: q.item, level: q.level, validFrom: '2026-01-01', validUntil: q.validUntil ?? '2028-12-31' },
      });
      expect(granted.status).toBe(201);
    }
    expect((await call('POST', `/api/registry/agencies/${body.id}/status`, { token: admin, body: { status: 'ACTIVE', reason: '' } })).status).toBe(200);
    return body.id;
  }

  let firm: string; // evaluated, declined, sanctioned
  let other: string;
  let pending: string;

  beforeAll(async () => {
    databases = await createTestDatabases(['registry']);
    database = { kind: 'postgres', url: databases.urlOf('registry'), poolSize: 4 };
    running = await start(database);
    await running.app.get(CatalogSeeder).seedDemoCatalog();
    firm = await onboard('闽江环评有限公司', '350100', [{ item: 'EIA-REPORT', level: 1 }]);
    other = await onboard('钱塘测绘院', '330100', [
      { item: 'SURVEY-MAPPING', level: 3 },
      { item: 'EIA-REPORT', level: 2, validUntil: '2026-02-28' },
    ]);
    pending = (await call('POST', '/api/registry/agencies', { token: admin, body: { name: '待审机构', creditCode: uniqueCreditCode(), region: '350100' } })).body.id;
  }, 120000);

  afterAll(async () => {
    await running?.app.close();
    await databases?.drop();
  });

  const evaluation = (projectId: string, overrides: Partial<AgencyEvaluatedV1> = {}): AgencyEvaluatedV1 => ({
    projectId,
    agencyId: firm,
    ownerOrganizationId: 'owner-org-1',
    serviceItemCode: 'EIA-REPORT',
    servicePeriodDays: 45,
    contractAmountFen: 5_000_000,
    onTime: true,
    daysLate: 0,
    quality: 5,
    feeCompliant: true,
    comment: '报告扎实',
    ...overrides,
  });

  it('turns an evaluation into numbered credit entries and one AgencyCreditChanged event each, once per event', async () => {
    const message = eventMessage(AgencyEvaluatedV1, 'p-1', evaluation('p-1'));
    await expect(running.registry.inbox.deliver(message)).resolves.toBe('handled');
    await expect(running.registry.inbox.deliver(message)).resolves.toBe('duplicate');
    const credit = (await call('GET', `/api/registry/agencies/${firm}/credit`, { token: supervisor })).body;
    expect(credit).toMatchObject({ score: 85, recomputed: { consistent: true } });
    expect(credit.entries).toEqual([
      expect.objectContaining({ sequence: 1, cause: 'QUALITY_EVALUATION', projectId: 'p-1', points: 4, delta: 4, scoreAfter: 84, detail: 'quality 5/5', formulaVersion: 'credit/v1' }),
      expect.objectContaining({ sequence: 2, cause: 'ON_TIME_DELIVERY', projectId: 'p-1', points: 1, delta: 1, scoreAfter: 85 }),
    ]);
    expect(credit.entries[0].sourceId).toBe(JSON.parse(message.value).id);
    const events = (await outbox(firm)).filter((e) => e.type === 'registry.AgencyCreditChanged').map((e) => e.payload);
    expect(events).toEqual([
      { agencyId: firm, sequence: 1, cause: 'QUALITY_EVALUATION', projectId: 'p-1', points: 4, delta: 4, score: 84, formulaVersion: 'credit/v1' },
      { agencyId: firm, sequence: 2, cause: 'ON_TIME_DELIVERY', projectId: 'p-1', points: 1, delta: 1, score: 85, formulaVersion: 'credit/v1' },
    ]);
  });

  it('charges late delivery, over-charging, a declined win and a silent one', async () => {
    await expect(deliver(AgencyEvaluatedV1, 'p-2', evaluation('p-2', { onTime: false, daysLate: 3, quality: 3, feeCompliant: false }))).resolves.toBe('handled');
    await expect(deliver(AwardDeclinedV1, 'p-3', { projectId: 'p-3', round: 1, agencyId: firm, cause: 'DECLINED', reason: '人手不足' })).resolves.toBe('handled');
    await expect(deliver(AwardDeclinedV1, 'p-4', { projectId: 'p-4', round: 1, agencyId: firm, cause: 'NO_RESPONSE', reason: '' })).resolves.toBe('handled');
    const { entries, score } = (await call('GET', `/api/registry/agencies/${firm}/credit`, { token: supervisor })).body;
    expect(entries.slice(2).map((e: any) => [e.cause, e.projectId, e.delta, e.scoreAfter])).toEqual([
      ['LATE_DELIVERY', 'p-2', -5, 80],
      ['FEE_NON_COMPLIANCE', 'p-2', -8, 72],
      ['AWARD_DECLINED', 'p-3', -5, 67],
      ['AWARD_NOT_ANSWERED', 'p-4', -8, 59],
    ]);
    expect(score).toBe(59);
  });

  it('parks an outcome for a firm the registry does not know, changing nothing', async () => {
    const stranger = '00000000-0000-4000-8000-000000000099';
    await expect(deliver(AwardDeclinedV1, 'p-9', { projectId: 'p-9', round: 1, agencyId: stranger, cause: 'DECLINED', reason: '' })).resolves.toBe('parked');
    const [parked] = await running.registry.database.dataSource.query(`SELECT reason FROM parked_events WHERE event_type = 'projects.AwardDeclined'`);
    expect(parked.reason).toMatch(/no agency/);
    expect(await running.registry.database.dataSource.query(`SELECT 1 FROM credit_entry WHERE agency_id::text = $1`, [stranger])).toEqual([]);
  }, 30000);

  it('shows the full credit record to supervisors, the operator and the firm itself, and to no one else', async () => {
    const path = `/api/registry/agencies/${firm}/credit`;
    expect(await call('GET', path)).toMatchObject({ status: 401 });
    expect(await call('GET', path, { token: admin })).toMatchObject({ status: 200 });
    expect(await call('GET', path, { token: token('AGENCY', firm) })).toMatchObject({ status: 200, body: { agencyId: firm } });
    expect(await call('GET', path, { token: token('AGENCY', other) })).toMatchObject({ status: 403, body: { code: 'AUTH.NOT_YOUR_AGENCY' } });
    expect(await call('GET', path, { token: token('OWNER', 'owner-org-1') })).toMatchObject({ status: 403 });
    expect(await call('GET', '/api/registry/agencies/00000000-0000-4000-8000-000000000000/credit', { token: supervisor })).toMatchObject({ status: 404 });
  });

  it('lets only supervisors record misconduct, with a known kind and a reason, charged by the published points', async () => {
    const path = `/api/registry/agencies/${firm}/misconduct`;
    const body = { kind: 'OVERCHARGING', reason: '超标准收取编制费 2 万元', projectId: 'p-2' };
    expect(await call('POST', path, { body })).toMatchObject({ status: 401 });
    for (const denied of [admin, token('OWNER', 'owner-org-1'), token('AGENCY', firm)]) {
      expect(await call('POST', path, { token: denied, body })).toMatchObject({ status: 403 });
    }
    expect(await call('POST', path, { token: supervisor, body: { ...body, kind: 'SPEEDING' } })).toMatchObject({ status: 400, body: { field: 'kind' } });
    expect(await call('POST', path, { token: supervisor, body: { ...body, reason: '' } })).toMatchObject({ status: 400, body: { field: 'reason' } });
    expect(await call('POST', path, { token: supervisor, body: { ...body, reason: '   ' } })).toMatchObject({ status: 400, body: { code: 'REGISTRY.REASON_REQUIRED', field: 'reason' } });
    expect(await call('POST', '/api/registry/agencies/00000000-0000-4000-8000-000000000000/misconduct', { token: supervisor, body })).toMatchObject({ status: 404 });
    expect((await call('GET', `/api/registry/agencies/${firm}/credit`, { token: supervisor })).body.entries).toHaveLength(6);

    const key = { 'idempotency-key': 'misconduct-1' };
    const recorded = await call('POST', path, { token: supervisor, body, headers: key });
    expect(recorded).toMatchObject({ status: 201, body: { entries: [{ sequence: 7, cause: 'MISCONDUCT_OVERCHARGING', projectId: 'p-2', points: -10, delta: -10, scoreAfter: 49 }] } });
    expect(await call('POST', path, { token: supervisor, body, headers: key })).toMatchObject({ status: 201, body: { misconductId: recorded.body.misconductId } });
    const [row] = await running.registry.database.dataSource.query(`SELECT kind, reason, recorded_by FROM misconduct WHERE id = $1`, [recorded.body.misconductId]);
    expect(row).toEqual({ kind: 'OVERCHARGING', reason: '超标准收取编制费 2 万元', recorded_by: 'SUPERVISOR-user' });
    expect((await outbox(firm)).filter((e) => e.type === 'registry.AgencyCreditChanged').at(-1)?.payload).toMatchObject({ sequence: 7, score: 49 });
  });

  it('keeps the public track record from the projects events: wins (awarded or contracted), declined, completed, average evaluation', async () => {
    const respondBy = '2026-03-05T02:00:00.000Z';
    await deliver(ProjectAwardedV1, 'p-1', { projectId: 'p-1', round: 1, winners: [{ agencyId: firm, respondBy }] });
    await deliver(ProjectAwardedV1, 'p-2', { projectId: 'p-2', round: 1, winners: [{ agencyId: firm, respondBy }] });
    await deliver(ProjectAwardedV1, 'p-3', { projectId: 'p-3', round: 1, winners: [{ agencyId: firm, respondBy }] });
    // p-5: promoted from the alternates, so the registry learns of the win from the contract.
    await deliver(ContractRecordedV1, 'p-5', { projectId: 'p-5', agencyId: firm, amountFen: 100_000, startDate: '2026-03-03', dueDate: '2026-04-03' });
    for (const projectId of ['p-1', 'p-2']) {
      await deliver(ContractRecordedV1, projectId, { projectId, agencyId: firm, amountFen: 100_000, startDate: '2026-03-03', dueDate: '2026-04-03' });
      await deliver(ServiceCompletedV1, projectId, { projectId, agencyId: firm, completionDate: '2026-04-01', onTime: projectId === 'p-1', daysLate: projectId === 'p-1' ? 0 : 3 });
    }
    const { status, body } = await call('GET', `/api/registry/directory/${firm}`);
    expect(status).toBe(200);
    expect(body.record).toEqual({ wins: 4, declined: 2, completed: 2, evaluations: 2, averageQuality: 4 });
  });

  it('imposes a suspension only for supervisors, with a reason and an end, and says so on the bus', async () => {
    const path = `/api/registry/agencies/${other}/status`;
    const body = { status: 'SUSPENDED', reason: '无正当理由拒绝中选', until: '2026-03-09T10:00:00+08:00' };
    expect(await call('POST', path, { token: admin, body })).toMatchObject({ status: 403 });
    expect(await call('POST', path, { token: token('AGENCY', other), body })).toMatchObject({ status: 403 });
    expect(await call('POST', path, { token: supervisor, body: { ...body, until: undefined } })).toMatchObject({ status: 400, body: { code: 'REGISTRY.SANCTION_NEEDS_PERIOD', field: 'until' } });
    expect(await call('POST', path, { token: supervisor, body: { ...body, until: '2026-03-01T00:00:00+08:00' } })).toMatchObject({ status: 400, body: { field: 'until' } });
    expect(await call('POST', path, { token: supervisor, body: { ...body, until: 'next week' } })).toMatchObject({ status: 400, body: { code: 'REGISTRY.INVALID_INSTANT', field: 'until' } });
    expect(await call('POST', path, { token: supervisor, body: { ...body, reason: ' ' } })).toMatchObject({ status: 400, body: { field: 'reason' } });
    expect(await call('POST', `/api/registry/agencies/${pending}/status`, { token: supervisor, body })).toMatchObject({ status: 409, body: { code: 'REGISTRY.NOT_SANCTIONABLE' } });
    expect((await outbox(other)).map((e) => e.type)).not.toContain('registry.AgencySanctionImposed');

    const suspended = await call('POST', path, { token: supervisor, body });
    expect(suspended).toMatchObject({ status: 200, body: { status: 'SUSPENDED', sequence: 2 } });
    const events = (await outbox(other)).slice(-2);
    expect(events).toEqual([
      { type: 'registry.AgencySanctionImposed', payload: { agencyId: other, sanctionId: suspended.body.sanctionId, kind: 'SUSPENSION', reason: '无正当理由拒绝中选', startsAt: '2026-03-02T02:00:00.000Z', endsAt: '2026-03-09T02:00:00.000Z' } },
      { type: 'registry.AgencyStatusChanged', payload: { agencyId: other, from: 'ACTIVE', to: 'SUSPENDED', reason: '无正当理由拒绝中选', sequence: 2 } },
    ]);
  });

  it('schedules a blacklisting that starts later; it starts on the clock, not before', async () => {
    const path = `/api/registry/agencies/${firm}/status`;
    const body = { status: 'BLACKLISTED', reason: '提供虚假材料', from: '2026-03-04T00:00:00+08:00', until: '2026-03-06T00:00:00+08:00' };
    expect(await call('POST', path, { token: supervisor, body })).toMatchObject({ status: 200, body: { status: 'ACTIVE' } });
    clock.set(new Date('2026-03-03T15:59:59.999Z'));
    await running.registry.scheduler.runDue();
    expect((await call('GET', `/api/registry/directory/${firm}`)).body.status).toBe('ACTIVE');
    clock.set(new Date('2026-03-03T16:00:00.000Z'));
    await running.registry.scheduler.runDue();
    const profile = (await call('GET', `/api/registry/directory/${firm}`)).body;
    expect(profile).toMatchObject({ status: 'BLACKLISTED', sanctionsInForce: [{ kind: 'BLACKLIST', reason: '提供虚假材料', startsAt: '2026-03-03T16:00:00.000Z', endsAt: '2026-03-05T16:00:00.000Z' }] });
    expect((await outbox(firm)).at(-1)).toEqual({ type: 'registry.AgencyStatusChanged', payload: { agencyId: firm, from: 'ACTIVE', to: 'BLACKLISTED', reason: '提供虚假材料', sequence: 2 } });
  });

  it('ends both sanctions by themselves when their periods end, across a restart, with the next status sequence', async () => {
    await running.app.close();
    // While the service is down, both periods end; the deadlines are in its database and run when it is back.
    clock.set(new Date('2026-03-09T02:00:00.000Z'));
    running = await start(database);
    // The restarted app's own scheduler loop may claim a due deadline first (runDue then skips it): wait for its commit.
    await running.registry.scheduler.runDue();
    for (const [agencyId, from, sequence] of [[firm, 'BLACKLISTED', 3], [other, 'SUSPENDED', 3]] as const) {
      const { body } = await waitFor(() => call('GET', `/api/registry/directory/${agencyId}`), (r) => r.body.status === 'ACTIVE', { what: `${agencyId}'s sanction to end` });
      expect(body).toMatchObject({ status: 'ACTIVE', sanctionsInForce: [] });
      const changes = (await outbox(agencyId)).filter((e) => e.type === 'registry.AgencyStatusChanged').map((e) => e.payload);
      expect(changes.at(-1)).toEqual({ agencyId, from, to: 'ACTIVE', reason: 'sanction period ended', sequence });
    }
    const pendingTasks = await running.registry.database.dataSource.query(`SELECT kind FROM scheduled_task WHERE done_at IS NULL AND kind LIKE 'registry.sanction-%'`);
    expect(pendingTasks).toEqual([]);
  });

  it('lets a supervisor, not the operator, lift a sanction early with a reason; its scheduled end then changes nothing', async () => {
    const path = `/api/registry/agencies/${other}/status`;
    await call('POST', path, { token: supervisor, body: { status: 'SUSPENDED', reason: '逾期交付', until: '2026-04-01T00:00:00+08:00' } });
    expect(await call('POST', path, { token: admin, body: { status: 'ACTIVE', reason: '' } })).toMatchObject({ status: 403 });
    expect(await call('POST', path, { token: supervisor, body: { status: 'ACTIVE', reason: '' } })).toMatchObject({ status: 400, body: { field: 'reason' } });
    expect(await call('POST', path, { token: supervisor, body: { status: 'ACTIVE', reason: '异议成立，撤销处理' } })).toMatchObject({ status: 200, body: { status: 'ACTIVE', sequence: 5 } });
    expect((await outbox(other)).slice(-2).map((e) => e.type)).toEqual(['registry.AgencySanctionLifted', 'registry.AgencyStatusChanged']);
    clock.set(new Date('2026-04-02T00:00:00.000Z'));
    await running.registry.scheduler.runDue();
    expect((await outbox(other)).at(-1)?.type).toBe('registry.AgencyStatusChanged');
    expect((await outbox(other)).filter((e) => e.type === 'registry.AgencyStatusChanged')).toHaveLength(5);
    expect((await call('GET', `/api/registry/agencies/${other}`, { token: supervisor })).body).toMatchObject({ status: 'ACTIVE', statusSequence: 5 });
  });

  it('shows anyone a public profile with the record and recent credit entries, and nothing private', async () => {
    const { status, body } = await call('GET', `/api/registry/directory/${firm}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: firm, name: '闽江环评有限公司', region: '350100', status: 'ACTIVE', qualifications: [{ serviceItemCode: 'EIA-REPORT', level: 1 }] });
    expect(body.credit).toMatchObject({ score: 49, formulaVersion: 'credit/v1' });
    expect(body.credit.recentEntries[0]).toEqual({ sequence: 7, cause: 'MISCONDUCT_OVERCHARGING', projectId: 'p-2', points: -10, delta: -10, scoreAfter: 49, recordedAt: '2026-03-02T02:00:00.000Z' });
    expect(body.credit.recentEntries).toHaveLength(7);
    const text = JSON.stringify(body);
    for (const hidden of ['超标准收取', 'detail', 'sourceId', 'creditCode', '报告扎实', 'SUPERVISOR-user']) expect(text).not.toContain(hidden);
    expect(await call('GET', `/api/registry/directory/${pending}`)).toMatchObject({ status: 404 });
    expect(await call('GET', '/api/registry/directory/not-a-uuid')).toMatchObject({ status: 400 });
  });

  it('searches the directory by item, qualification type and level (valid today), region and status, with credit scores', async () => {
    const ids = async (query: string) => (await call('GET', `/api/registry/directory?${query}`)).body.map((a: { id: string }) => a.id).sort();
    expect(await ids('serviceItemCode=EIA-REPORT')).toEqual([firm]); // other's EIA qualification expired in February
    expect(await ids('qualificationType=ENVIRONMENTAL_IMPACT_ASSESSMENT&level=1')).toEqual([firm]);
    expect(await ids('qualificationType=SURVEYING_AND_MAPPING')).toEqual([other]);
    expect(await ids('qualificationType=SURVEYING_AND_MAPPING&level=2')).toEqual([]);
    expect(await ids('region=330100')).toEqual([other]);
    expect(await ids('status=SUSPENDED')).toEqual([]);
    expect(await ids('q=测绘')).toEqual([other]);
    const listed = (await call('GET', '/api/registry/directory')).body;
    expect(listed.map((a: { id: string }) => a.id)).not.toContain(pending);
    expect(listed.find((a: { id: string }) => a.id === firm)).toMatchObject({ creditScore: 49 });
    expect(listed.find((a: { id: string }) => a.id === other)).toMatchObject({ creditScore: 80 });
    expect(await call('GET', '/api/registry/directory?level=0')).toMatchObject({ status: 400, body: { field: 'level' } });
    expect(await call('GET', '/api/registry/directory?status=WITHDRAWN')).toMatchObject({ status: 400, body: { field: 'status' } });
  });

  it('serialises concurrent changes to one firm: entries numbered without gaps, the score recomputable', async () => {
    const third = await onboard('瓯江造价咨询', '330300', [{ item: 'COST-CONSULT', level: 2 }]);
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        i % 2 === 0
          ? deliver(AgencyEvaluatedV1, `c-${i}`, evaluation(`c-${i}`, { agencyId: third, quality: 4 }))
          : deliver(AwardDeclinedV1, `c-${i}`, { projectId: `c-${i}`, round: 1, agencyId: third, cause: 'DECLINED', reason: '' }),
      ),
    );
    expect(outcomes).toEqual(Array(6).fill('handled'));
    const { body } = await call('GET', `/api/registry/agencies/${third}/credit`, { token: supervisor });
    expect(body.entries.map((e: { sequence: number }) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(body).toMatchObject({ score: 80 + 3 * (2 + 1) - 3 * 5, recomputed: { consistent: true } });
    const events = (await outbox(third)).filter((e) => e.type === 'registry.AgencyCreditChanged').map((e) => e.payload.sequence);
    expect(events).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
