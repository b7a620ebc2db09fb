import type { INestApplication } from '@nestjs/common';
import { ServiceItemPublishedV1, ServiceItemRetiredV1 } from '@mkt/registry/contracts';
import { issueTestToken } from '@mkt/shared/auth/testing';
import type { ServicePlatform } from '@mkt/shared/messaging';
import { eventMessage, FixedClock, jsonClient } from '@mkt/shared/testing';
import { startProjectsSpecApp } from './projects-spec-app';

/** The catalog read model: folded from the registry's catalog events, and what a posting is checked against. */
const secret = 'projects-catalog-spec-secret-0123456789abc';
const clock = new FixedClock(new Date('2026-03-02T01:00:00.000Z'));

const token = (role: 'OWNER' | 'SUPERVISOR' | 'AGENCY' | 'ADMIN', org: string | null = null) => issueTestToken(secret, { userId: `${role}-${org}`, role, organizationId: org });
const owner = token('OWNER', 'owner-org-1');

const item = (code: string, version: number, overrides: Partial<ServiceItemPublishedV1> = {}): ServiceItemPublishedV1 => ({
  code, categoryCode: 'EIA', categoryNameZhCN: '环境影响评价', categoryNameEn: 'Environmental impact assessment', nameZhCN: '环境影响报告书编制',
  nameEn: 'Environmental impact report', contentZhCN: '编制报告书', contentEn: 'Draft the report', legalBasis: '《环境影响评价法》', timeLimitWorkingDays: 20,
  processStepsZhCN: ['编制'], processStepsEn: ['Draft'], feeBasisZhCN: '按标准', feeBasisEn: 'By the standard', standardFeeFen: 5_000_000,
  qualificationType: 'ENVIRONMENTAL_IMPACT_ASSESSMENT', minimumLevel: 2, version, reason: 'spec', effectiveDate: '2026-03-02', catalogRevision: version, ...overrides,
});
const retirement = (code: string, version: number): ServiceItemRetiredV1 => ({ code, version, reason: '事项取消', supersededBy: null, effectiveDate: '2026-03-02', catalogRevision: 100 + version });

const posting = (overrides: Record<string, unknown> = {}) => ({
  title: '某厂区环境影响评价', serviceItemCode: 'EIA-REPORT', description: '环评报告书', budgetCapFen: 8_000_000, requiredLevel: 2, region: '330100',
  servicePeriodDays: 30, selection: { method: 'RANDOM_DRAW', winners: 1, alternates: 2, minimumCandidates: 3 }, signUp: { mode: 'ALL_ELIGIBLE' }, conflicts: [], ...overrides,
});

describe('projects service: the catalog read model', () => {
  let app: INestApplication;
  let base: string;
  let projects: ServicePlatform;
  const call = jsonClient(() => base);
  const deliver = <P>(contract: Parameters<typeof eventMessage<P>>[0], payload: P & { code: string }) => projects.inbox.deliver(eventMessage(contract, payload.code, payload));
  const itemsKnown = async () => (await call('GET', '/api/projects/catalog/items')).body as { code: string; version: number; retired: boolean; timeLimitWorkingDays: number }[];
  const known = async (code: string) => (await itemsKnown()).find((i) => i.code === code);

  beforeAll(async () => {
    ({ app, base, projects } = await startProjectsSpecApp({ secret, clock }));
  }, 60000);

  afterAll(async () => {
    await app?.close();
  });

  it('refuses a posting for an item the catalog never published, naming serviceItemCode', async () => {
    expect(await call('GET', '/api/projects/catalog/items')).toMatchObject({ status: 200, body: [] });
    expect(await call('POST', '/api/projects/projects', { token: owner, body: posting() })).toMatchObject({ status: 400, body: { code: 'PROJECTS.UNKNOWN_SERVICE_ITEM', field: 'serviceItemCode' } });
  });

  it('lists a published item without a token, and a posting keeps its name and time limit', async () => {
    await deliver(ServiceItemPublishedV1, item('EIA-REPORT', 1));
    expect(await known('EIA-REPORT')).toEqual({
      code: 'EIA-REPORT', categoryCode: 'EIA', nameZhCN: '环境影响报告书编制', nameEn: 'Environmental impact report', timeLimitWorkingDays: 20, minimumLevel: 2,
      standardFeeFen: 5_000_000, qualificationType: 'ENVIRONMENTAL_IMPACT_ASSESSMENT', version: 1, retired: false, supersededBy: null,
    });
    const draft = await call('POST', '/api/projects/projects', { token: owner, body: posting() });
    expect(draft).toMatchObject({ status: 201, body: { status: 'DRAFT' } });
    const project = (await call('GET', `/api/projects/projects/${draft.body.id}`, { token: owner })).body;
    expect(project.terms.serviceItem).toEqual({ code: 'EIA-REPORT', nameZhCN: '环境影响报告书编制', nameEn: 'Environmental impact report', timeLimitWorkingDays: 20, minimumLevel: 2, version: 1 });
  });

  it("refuses a required level weaker than the item's minimum, and an unpublished weight function", async () => {
    expect(await call('POST', '/api/projects/projects', { token: owner, body: posting({ requiredLevel: 3 }) })).toMatchObject({ status: 400, body: { code: 'PROJECTS.LEVEL_BELOW_ITEM_MINIMUM', field: 'requiredLevel' } });
    expect(await call('POST', '/api/projects/projects', { token: owner, body: posting({ requiredLevel: 1 }) })).toMatchObject({ status: 201 });
    const weighted = { method: 'CREDIT_WEIGHTED_DRAW', winners: 1, alternates: 1, minimumCandidates: 2, minimumCreditScore: 60 };
    expect(await call('POST', '/api/projects/projects', { token: owner, body: posting({ selection: { ...weighted, weightFunction: 'credit-cubed/v7' } }) })).toMatchObject({
      status: 400,
      body: { code: 'PROJECTS.UNKNOWN_WEIGHT_FUNCTION', field: 'selection.weightFunction' },
    });
    expect(await call('POST', '/api/projects/projects', { token: owner, body: posting({ selection: { ...weighted, weightFunction: 'credit-linear/v1' } }) })).toMatchObject({ status: 201 });
  });

  it('keeps the newest version: a replayed or older publication changes nothing', async () => {
    await deliver(ServiceItemPublishedV1, item('EIA-REPORT', 3, { timeLimitWorkingDays: 14 }));
    await deliver(ServiceItemPublishedV1, item('EIA-REPORT', 2, { timeLimitWorkingDays: 30 }));
    await deliver(ServiceItemPublishedV1, item('EIA-REPORT', 1));
    expect(await known('EIA-REPORT')).toMatchObject({ version: 3, timeLimitWorkingDays: 14, retired: false });
    const draft = await call('POST', '/api/projects/projects', { token: owner, body: posting() });
    const project = (await call('GET', `/api/projects/projects/${draft.body.id}`, { token: owner })).body;
    expect(project.terms.serviceItem).toMatchObject({ version: 3, timeLimitWorkingDays: 14 });
  });

  it('refuses drafting and publishing once the item is retired; an older retirement or a replayed publication does not revive or retire it', async () => {
    const drafted = await call('POST', '/api/projects/projects', { token: owner, body: posting() });
    expect(drafted.status).toBe(201);
    await deliver(ServiceItemRetiredV1, retirement('EIA-REPORT', 2));
    expect(await known('EIA-REPORT')).toMatchObject({ version: 3, retired: false });
    await deliver(ServiceItemRetiredV1, retirement('EIA-REPORT', 3));
    await deliver(ServiceItemPublishedV1, item('EIA-REPORT', 3, { timeLimitWorkingDays: 14 }));
    expect(await known('EIA-REPORT')).toMatchObject({ version: 3, retired: true });
    expect(await call('POST', '/api/projects/projects', { token: owner, body: posting() })).toMatchObject({ status: 400, body: { code: 'PROJECTS.SERVICE_ITEM_RETIRED', field: 'serviceItemCode' } });
    expect(await call('POST', `/api/projects/projects/${drafted.body.id}/publish`, { token: owner })).toMatchObject({ status: 400, body: { code: 'PROJECTS.SERVICE_ITEM_RETIRED', field: 'serviceItemCode' } });
    // A new version after the retirement is the catalog offering the item again.
    await deliver(ServiceItemPublishedV1, item('EIA-REPORT', 4, { timeLimitWorkingDays: 12 }));
    expect(await known('EIA-REPORT')).toMatchObject({ version: 4, retired: false });
    expect(await call('POST', `/api/projects/projects/${drafted.body.id}/publish`, { token: owner })).toMatchObject({ status: 200, body: { status: 'PUBLISHED' } });
    const published = (await call('GET', `/api/projects/projects/${drafted.body.id}`, { token: owner })).body;
    expect(published.terms.serviceItem).toMatchObject({ version: 4, timeLimitWorkingDays: 12 });
    const announced = (await call('GET', '/api/projects/announcements')).body.find((a: { id: string }) => a.id === drafted.body.id);
    expect(announced.serviceItem).toMatchObject({ code: 'EIA-REPORT', timeLimitWorkingDays: 12 });
  });

  it('holds a retirement that arrives before the publication it retires', async () => {
    await deliver(ServiceItemRetiredV1, retirement('SURVEY-OLD', 2));
    expect(await known('SURVEY-OLD')).toBeUndefined();
    await deliver(ServiceItemPublishedV1, item('SURVEY-OLD', 2));
    expect(await known('SURVEY-OLD')).toMatchObject({ version: 2, retired: true });
    expect(await call('POST', '/api/projects/projects', { token: owner, body: posting({ serviceItemCode: 'SURVEY-OLD' }) })).toMatchObject({ status: 400, body: { field: 'serviceItemCode' } });
  });

  it('checks an amendment that names another item', async () => {
    await deliver(ServiceItemPublishedV1, item('EIA-TABLE', 1, { minimumLevel: 3 }));
    const draft = await call('POST', '/api/projects/projects', { token: owner, body: posting() });
    await call('POST', `/api/projects/projects/${draft.body.id}/publish`, { token: owner });
    const amend = (changes: Record<string, unknown>) => call('POST', `/api/projects/projects/${draft.body.id}/amendments`, { token: owner, body: { reason: '更换事项', changes } });
    expect(await amend({ serviceItemCode: 'SURVEY-OLD' })).toMatchObject({ status: 400, body: { code: 'PROJECTS.SERVICE_ITEM_RETIRED', field: 'serviceItemCode' } });
    expect(await amend({ serviceItemCode: 'NOPE' })).toMatchObject({ status: 400, body: { code: 'PROJECTS.UNKNOWN_SERVICE_ITEM', field: 'serviceItemCode' } });
    expect(await amend({ serviceItemCode: 'EIA-TABLE' })).toMatchObject({ status: 200 });
    expect((await call('GET', `/api/projects/projects/${draft.body.id}`, { token: owner })).body.terms.serviceItem).toMatchObject({ code: 'EIA-TABLE', minimumLevel: 3 });
  });

  it('lets only owners post', async () => {
    expect(await call('POST', '/api/projects/projects', { body: posting() })).toMatchObject({ status: 401 });
    for (const role of ['AGENCY', 'SUPERVISOR', 'ADMIN'] as const) {
      expect(await call('POST', '/api/projects/projects', { token: token(role, 'org-x'), body: posting() })).toMatchObject({ status: 403 });
    }
  });
});
