import { refusalOf } from '@mkt/shared/kernel/testing';
import { Catalog, type ServiceItemStandard } from './catalog.entity';

const DAY = '2026-03-01';
const standard = (code: string, overrides: Partial<ServiceItemStandard> = {}): ServiceItemStandard => ({
  code,
  categoryCode: 'EIA',
  name: { zhCN: '环境影响报告书编制', en: 'Environmental impact report' },
  content: { zhCN: '编制环境影响报告书', en: 'Prepare the environmental impact report' },
  legalBasis: '《中华人民共和国环境影响评价法》',
  timeLimitWorkingDays: 30,
  processSteps: [{ zhCN: '现场踏勘', en: 'Site survey' }],
  feeBasis: { zhCN: '按省环评收费标准计费', en: 'By the provincial EIA fee standard' },
  standardFeeFen: 8_000_000,
  qualificationType: 'EIA_ENGINEER',
  minimumLevel: 2,
  ...overrides,
});

function catalog(): Catalog {
  const c = Catalog.empty();
  c.addCategory({ code: 'EIA', name: { zhCN: '环境影响评价', en: 'Environmental impact assessment' } });
  c.addItem(standard('EIA-REPORT'), 'published', DAY);
  c.addItem(standard('EIA-TABLE'), 'published', DAY);
  c.addItem(standard('EIA-REGISTER'), 'published', DAY);
  return c;
}

describe('Catalog', () => {
  it('publishes an item as ACTIVE version 1 and numbers the change', () => {
    const c = Catalog.empty();
    c.addCategory({ code: 'EIA', name: { zhCN: '环境影响评价', en: 'EIA' } });
    expect(c.addItem(standard('EIA-REPORT'), '', DAY)).toEqual({ kind: 'ADDED', itemCodes: ['EIA-REPORT'], survivingCode: null, reason: 'published', effectiveDate: DAY, version: 1 });
    expect(c.item('EIA-REPORT')).toMatchObject({ status: 'ACTIVE', version: 1, supersededBy: null });
  });

  it('refuses a duplicate code, an unknown category and an incomplete standard, naming the field', () => {
    const c = catalog();
    expect(refusalOf(() => c.addItem(standard('EIA-REPORT'), '', DAY))).toBe('REGISTRY.ITEM_EXISTS@code');
    expect(refusalOf(() => c.addItem(standard('X-1', { categoryCode: 'NOPE' }), '', DAY))).toBe('REGISTRY.UNKNOWN_CATEGORY@categoryCode');
    expect(refusalOf(() => c.addItem(standard('bad code'), '', DAY))).toBe('REGISTRY.INVALID_ITEM_CODE@code');
    expect(refusalOf(() => c.addItem(standard('X-2', { name: { zhCN: '名称', en: ' ' } }), '', DAY))).toBe('REGISTRY.TEXT_REQUIRED@name.en');
    expect(refusalOf(() => c.addItem(standard('X-3', { timeLimitWorkingDays: 0 }), '', DAY))).toBe('REGISTRY.INVALID_TIME_LIMIT@timeLimitWorkingDays');
    expect(refusalOf(() => c.addItem(standard('X-4', { processSteps: [] }), '', DAY))).toBe('REGISTRY.PROCESS_REQUIRED@processSteps');
    expect(refusalOf(() => c.addItem(standard('X-5', { processSteps: [{ zhCN: '', en: 'x' }] }), '', DAY))).toBe('REGISTRY.TEXT_REQUIRED@processSteps.0.zhCN');
    expect(refusalOf(() => c.addItem(standard('X-6', { standardFeeFen: -1 }), '', DAY))).toBe('REGISTRY.INVALID_FEE@standardFeeFen');
    expect(refusalOf(() => c.addItem(standard('X-7', { minimumLevel: 10 }), '', DAY))).toBe('REGISTRY.INVALID_LEVEL@minimumLevel');
    expect(refusalOf(() => c.addItem(standard('X-8'), '', '1 March'))).toBe('REGISTRY.INVALID_EFFECTIVE_DATE@effectiveDate');
  });

  it('changes a standard as a new version, keeping the code and recording the reason', () => {
    const c = catalog();
    const { code: _code, ...rest } = standard('EIA-REPORT', { timeLimitWorkingDays: 21 });
    expect(c.changeItem('EIA-REPORT', rest, ' time limit cut by 30 % ', DAY)).toEqual({
      kind: 'CHANGED', itemCodes: ['EIA-REPORT'], survivingCode: null, reason: 'time limit cut by 30 %', effectiveDate: DAY, version: 4,
    });
    expect(c.item('EIA-REPORT')).toMatchObject({ version: 2, timeLimitWorkingDays: 21, status: 'ACTIVE' });
  });

  it('refuses a change without a reason, to an unknown or retired item', () => {
    const c = catalog();
    const { code: _code, ...rest } = standard('EIA-REPORT');
    expect(refusalOf(() => c.changeItem('EIA-REPORT', rest, '  ', DAY))).toBe('REGISTRY.REASON_REQUIRED@reason');
    expect(refusalOf(() => c.changeItem('NOPE', rest, 'why', DAY))).toBe('REGISTRY.ITEM_NOT_FOUND@null');
    c.retireItem('EIA-TABLE', 'merged into the report', DAY);
    expect(refusalOf(() => c.changeItem('EIA-TABLE', rest, 'why', DAY))).toBe('REGISTRY.ITEM_RETIRED@code');
  });

  it('retires an item with its reason, once', () => {
    const c = catalog();
    expect(c.retireItem('EIA-REGISTER', 'no longer an approval precondition', DAY)).toMatchObject({ kind: 'RETIRED', itemCodes: ['EIA-REGISTER'], version: 4 });
    expect(c.item('EIA-REGISTER')).toMatchObject({ status: 'RETIRED', retiredReason: 'no longer an approval precondition', version: 1 });
    expect(refusalOf(() => c.retireItem('EIA-REGISTER', 'again', DAY))).toBe('REGISTRY.ITEM_ALREADY_RETIRED@code');
    expect(refusalOf(() => c.retireItem('EIA-REPORT', '', DAY))).toBe('REGISTRY.REASON_REQUIRED@reason');
  });

  it('merges items: each merged one retires and points to the survivor', () => {
    const c = catalog();
    expect(c.mergeItems(['EIA-TABLE', 'EIA-REGISTER'], 'EIA-REPORT', 'catalog adjusted 48 → 46', DAY)).toEqual({
      kind: 'MERGED', itemCodes: ['EIA-TABLE', 'EIA-REGISTER'], survivingCode: 'EIA-REPORT', reason: 'catalog adjusted 48 → 46', effectiveDate: DAY, version: 4,
    });
    expect(c.item('EIA-TABLE')).toMatchObject({ status: 'RETIRED', supersededBy: 'EIA-REPORT' });
    expect(c.item('EIA-REGISTER')).toMatchObject({ status: 'RETIRED', supersededBy: 'EIA-REPORT' });
    expect(c.item('EIA-REPORT')).toMatchObject({ status: 'ACTIVE', version: 1 });
  });

  it('refuses a merge into itself, into a retired item, of a retired item, or of nothing, changing nothing', () => {
    const c = catalog();
    expect(refusalOf(() => c.mergeItems([], 'EIA-REPORT', 'r', DAY))).toBe('REGISTRY.NOTHING_TO_MERGE@mergedCodes');
    expect(refusalOf(() => c.mergeItems(['EIA-TABLE', 'EIA-TABLE'], 'EIA-REPORT', 'r', DAY))).toBe('REGISTRY.DUPLICATE_ITEM@mergedCodes');
    expect(refusalOf(() => c.mergeItems(['EIA-REPORT'], 'EIA-REPORT', 'r', DAY))).toBe('REGISTRY.MERGE_INTO_ITSELF@survivingCode');
    c.retireItem('EIA-REGISTER', 'r', DAY);
    expect(refusalOf(() => c.mergeItems(['EIA-TABLE'], 'EIA-REGISTER', 'r', DAY))).toBe('REGISTRY.ITEM_ALREADY_RETIRED@survivingCode');
    expect(refusalOf(() => c.mergeItems(['EIA-TABLE', 'EIA-REGISTER'], 'EIA-REPORT', 'r', DAY))).toBe('REGISTRY.ITEM_ALREADY_RETIRED@mergedCodes');
    expect(c.item('EIA-TABLE').status).toBe('ACTIVE');
    expect(c.snapshot.revision).toBe(4);
  });
});
