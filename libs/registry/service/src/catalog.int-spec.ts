import { Module, type INestApplication } from '@nestjs/common';
import { AuthModule } from '@mkt/shared/auth';
import { issueTestToken } from '@mkt/shared/auth/testing';
import { createHttpApp } from '@mkt/shared/http';
import { MessagingModule, MessagingRuntime, type ServicePlatform } from '@mkt/shared/messaging';
import { FixedClock, jsonClient } from '@mkt/shared/testing';
import { CatalogSeeder } from './application/catalog.seeder';
import { RegistryModule } from './registry.module';

/** The service catalog over HTTP: public reads, operator-only changes, versions and history, the demo seed, the outbox. */
const secret = 'catalog-spec-secret-0123456789abcdefghijkl';
// 2026-03-01 20:00 UTC is already 2 March in Beijing.
const clock = new FixedClock(new Date('2026-03-01T20:00:00Z'));
const TODAY = '2026-03-02';

const token = (role: 'OWNER' | 'SUPERVISOR' | 'AGENCY' | 'ADMIN', org: string | null = null) => issueTestToken(secret, { userId: `${role}-user`, role, organizationId: org });
const admin = token('ADMIN');

@Module({
  imports: [
    MessagingModule.forRoot({ transport: { kind: 'in-process' }, clock }),
    AuthModule.forRoot({ secret }),
    RegistryModule.forRoot({ database: { kind: 'pglite', dataDir: 'memory://' } }),
  ],
})
class CatalogSpecRoot {}

const standard = {
  categoryCode: 'EIA',
  name: { zhCN: '辐射环境影响评价', en: 'Radiation environmental impact assessment' },
  content: { zhCN: '评价核技术利用项目的辐射环境影响', en: 'Radiation impact of nuclear technology applications' },
  legalBasis: '《中华人民共和国放射性污染防治法》',
  timeLimitWorkingDays: 30,
  processSteps: [{ zhCN: '现场监测', en: 'On-site monitoring' }, { zhCN: '编制报告', en: 'Draft the report' }],
  feeBasis: { zhCN: '按省环评收费标准计费', en: 'By the provincial EIA fee standard' },
  standardFeeFen: 5_000_000,
  qualificationType: 'ENVIRONMENTAL_IMPACT_ASSESSMENT',
  minimumLevel: 2,
};

describe('registry service: the service catalog', () => {
  let app: INestApplication;
  let base: string;
  let registry: ServicePlatform;
  const call = jsonClient(() => base);

  const outbox = async (): Promise<{ event_type: string; aggregate_id: string }[]> =>
    registry.database.dataSource.query(`SELECT event_type, aggregate_id FROM outbox ORDER BY seq`);

  beforeAll(async () => {
    app = await createHttpApp(CatalogSpecRoot, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    registry = app.get(MessagingRuntime).platform('registry') as ServicePlatform;
  }, 60000);

  afterAll(async () => {
    await app?.close();
  });

  it('seeds the demo catalog once: 16 categories, 56 items, one publication event each', async () => {
    const seeder = app.get(CatalogSeeder);
    await expect(seeder.seedDemoCatalog()).resolves.toEqual({ categories: 16, items: 56 });
    await expect(seeder.seedDemoCatalog()).resolves.toEqual({ categories: 0, items: 0 });
    const events = await outbox();
    expect(events).toHaveLength(56);
    expect(new Set(events.map((e) => e.event_type))).toEqual(new Set(['registry.ServiceItemPublished']));
    expect((await call('GET', '/api/registry/catalog/changes')).body).toHaveLength(56);
  });

  it('shows the catalog and each published standard without a token', async () => {
    const { status, body } = await call('GET', '/api/registry/catalog');
    expect(status).toBe(200);
    expect(body.revision).toBe(56);
    expect(body.categories).toHaveLength(16);
    expect(body.categories.flatMap((c: { items: unknown[] }) => c.items)).toHaveLength(56);
    const item = await call('GET', '/api/registry/catalog/items/EIA-REPORT');
    expect(item).toMatchObject({ status: 200, body: { code: 'EIA-REPORT', categoryCode: 'EIA', status: 'ACTIVE', version: 1, minimumLevel: 2, versions: [{ version: 1, effectiveDate: TODAY }] } });
    expect(item.body.name.zhCN).toBe('环境影响报告书编制');
    expect(item.body.processSteps.length).toBeGreaterThan(0);
    expect(await call('GET', '/api/registry/catalog/items/NO-SUCH-ITEM')).toMatchObject({ status: 404, body: { code: 'REGISTRY.ITEM_NOT_FOUND' } });
  });

  it('lets only the operator change the catalog', async () => {
    const body = { ...standard, code: 'EIA-RADIATION' };
    expect(await call('POST', '/api/registry/catalog/items', { body })).toMatchObject({ status: 401 });
    for (const role of ['OWNER', 'AGENCY', 'SUPERVISOR'] as const) {
      expect(await call('POST', '/api/registry/catalog/items', { token: token(role, 'org-1'), body })).toMatchObject({ status: 403 });
      expect(await call('PUT', '/api/registry/catalog/items/EIA-REPORT', { token: token(role, 'org-1'), body: { ...standard, reason: 'x' } })).toMatchObject({ status: 403 });
      expect(await call('POST', '/api/registry/catalog/items/EIA-TABLE/retire', { token: token(role, 'org-1'), body: { reason: 'x' } })).toMatchObject({ status: 403 });
      expect(await call('POST', '/api/registry/catalog/merge', { token: token(role, 'org-1'), body: { mergedCodes: ['EIA-TABLE'], survivingCode: 'EIA-REPORT', reason: 'x' } })).toMatchObject({ status: 403 });
    }
    expect(await call('GET', '/api/registry/catalog/items/EIA-RADIATION')).toMatchObject({ status: 404 });
  });

  it('publishes a new item, and refuses bad input naming the field', async () => {
    const added = await call('POST', '/api/registry/catalog/items', { token: admin, body: { ...standard, code: 'EIA-RADIATION', reason: 'new approval item' } });
    expect(added).toMatchObject({ status: 201, body: { kind: 'ADDED', itemCodes: ['EIA-RADIATION'], version: 57, effectiveDate: TODAY } });
    expect(await call('POST', '/api/registry/catalog/items', { token: admin, body: { ...standard, code: 'EIA-RADIATION' } })).toMatchObject({ status: 409, body: { code: 'REGISTRY.ITEM_EXISTS', field: 'code' } });
    expect(await call('POST', '/api/registry/catalog/items', { token: admin, body: { ...standard, code: 'eia radiation' } })).toMatchObject({ status: 400, body: { field: 'code' } });
    expect(await call('POST', '/api/registry/catalog/items', { token: admin, body: { ...standard, code: 'X-1', timeLimitWorkingDays: 0 } })).toMatchObject({ status: 400, body: { field: 'timeLimitWorkingDays' } });
    expect(await call('POST', '/api/registry/catalog/items', { token: admin, body: { ...standard, code: 'X-1', name: { zhCN: '名称' } } })).toMatchObject({ status: 400, body: { field: 'name.en' } });
    expect(await call('POST', '/api/registry/catalog/items', { token: admin, body: { ...standard, code: 'X-1', processSteps: [{ zhCN: '', en: 'x' }] } })).toMatchObject({ status: 400, body: { field: 'processSteps.0.zhCN' } });
    expect(await call('POST', '/api/registry/catalog/items', { token: admin, body: { ...standard, code: 'X-1', categoryCode: 'NOPE' } })).toMatchObject({ status: 400, body: { code: 'REGISTRY.UNKNOWN_CATEGORY', field: 'categoryCode' } });
  });

  it('changes a standard as a new version with its reason in the history', async () => {
    const reason = '办理时限压缩30% / time limit cut by 30 %';
    const changed = await call('PUT', '/api/registry/catalog/items/EIA-RADIATION', { token: admin, body: { ...standard, timeLimitWorkingDays: 21, reason } });
    expect(changed).toMatchObject({ status: 200, body: { kind: 'CHANGED', itemCodes: ['EIA-RADIATION'], reason, version: 58 } });
    const item = await call('GET', '/api/registry/catalog/items/EIA-RADIATION');
    expect(item.body).toMatchObject({ version: 2, timeLimitWorkingDays: 21, versions: [{ version: 1 }, { version: 2, catalogRevision: 58 }] });
    expect(await call('PUT', '/api/registry/catalog/items/EIA-RADIATION', { token: admin, body: { ...standard } })).toMatchObject({ status: 400, body: { field: 'reason' } });
    const changes = (await call('GET', '/api/registry/catalog/changes')).body;
    expect(changes.at(-1)).toMatchObject({ kind: 'CHANGED', itemCodes: ['EIA-RADIATION'], reason, effectiveDate: TODAY, version: 58 });
  });

  it('retires an item once: a second retirement is a 409 with the code', async () => {
    const path = '/api/registry/catalog/items/EIA-RADIATION/retire';
    expect(await call('POST', path, { token: admin, body: {} })).toMatchObject({ status: 400, body: { field: 'reason' } });
    expect(await call('POST', path, { token: admin, body: { reason: '取消审批前置', effectiveDate: '2026-04-01' } })).toMatchObject({ status: 200, body: { kind: 'RETIRED', effectiveDate: '2026-04-01' } });
    expect(await call('POST', path, { token: admin, body: { reason: 'again' } })).toMatchObject({ status: 409, body: { code: 'REGISTRY.ITEM_ALREADY_RETIRED', field: 'code' } });
    expect((await call('GET', '/api/registry/catalog/items/EIA-RADIATION')).body).toMatchObject({ status: 'RETIRED', retiredReason: '取消审批前置' });
    const active = (await call('GET', '/api/registry/catalog')).body.categories.flatMap((c: { items: { code: string }[] }) => c.items.map((i) => i.code));
    expect(active).not.toContain('EIA-RADIATION');
  });

  it('merges items into a survivor, and the catalog shrinks accordingly', async () => {
    const merged = await call('POST', '/api/registry/catalog/merge', {
      token: admin,
      body: { mergedCodes: ['EIA-TABLE', 'EIA-EMERGENCY-PLAN'], survivingCode: 'EIA-REPORT', reason: '目录调整 48 → 46' },
    });
    expect(merged).toMatchObject({ status: 200, body: { kind: 'MERGED', itemCodes: ['EIA-TABLE', 'EIA-EMERGENCY-PLAN'], survivingCode: 'EIA-REPORT' } });
    expect((await call('GET', '/api/registry/catalog/items/EIA-TABLE')).body).toMatchObject({ status: 'RETIRED', supersededBy: 'EIA-REPORT' });
    const { body } = await call('GET', '/api/registry/catalog');
    expect(body.categories.flatMap((c: { items: unknown[] }) => c.items)).toHaveLength(54);
    expect(await call('POST', '/api/registry/catalog/merge', { token: admin, body: { mergedCodes: ['EIA-TABLE'], survivingCode: 'EIA-REPORT', reason: 'x' } })).toMatchObject({
      status: 409,
      body: { code: 'REGISTRY.ITEM_ALREADY_RETIRED', field: 'mergedCodes' },
    });
  });

  it('records every change in the outbox, with retirements on the catalog topic', async () => {
    const events = (await outbox()).slice(56);
    expect(events).toEqual([
      { event_type: 'registry.ServiceItemPublished', aggregate_id: 'EIA-RADIATION' },
      { event_type: 'registry.ServiceItemPublished', aggregate_id: 'EIA-RADIATION' },
      { event_type: 'registry.ServiceItemRetired', aggregate_id: 'EIA-RADIATION' },
      { event_type: 'registry.ServiceItemRetired', aggregate_id: 'EIA-TABLE' },
      { event_type: 'registry.ServiceItemRetired', aggregate_id: 'EIA-EMERGENCY-PLAN' },
    ]);
    const [row] = await registry.database.dataSource.query(`SELECT topic FROM outbox WHERE event_type = 'registry.ServiceItemRetired' LIMIT 1`);
    expect(row.topic).toBe('registry.catalog.v1');
  });
});
