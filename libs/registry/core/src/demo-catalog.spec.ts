import { Catalog } from './catalog.entity';
import { DEMO_CATEGORIES, DEMO_SERVICE_ITEMS } from './demo-catalog';

describe('the demo catalog', () => {
  it('has the size the report describes: 16 categories and 56 items, each code once', () => {
    expect(DEMO_CATEGORIES).toHaveLength(16);
    expect(DEMO_SERVICE_ITEMS).toHaveLength(56);
    expect(new Set(DEMO_CATEGORIES.map((c) => c.code)).size).toBe(16);
    expect(new Set(DEMO_SERVICE_ITEMS.map((i) => i.code)).size).toBe(56);
  });

  it('puts every item in a known category and leaves no category empty', () => {
    const categories = new Set(DEMO_CATEGORIES.map((c) => c.code));
    expect(DEMO_SERVICE_ITEMS.filter((i) => !categories.has(i.categoryCode))).toEqual([]);
    expect([...categories].filter((c) => !DEMO_SERVICE_ITEMS.some((i) => i.categoryCode === c))).toEqual([]);
  });

  it('is bilingual throughout and passes every rule the catalog enforces', () => {
    const catalog = Catalog.empty();
    for (const category of DEMO_CATEGORIES) catalog.addCategory(category);
    for (const item of DEMO_SERVICE_ITEMS) catalog.addItem(item, 'demo', '2026-01-01');
    const texts = DEMO_SERVICE_ITEMS.flatMap((i) => [i.name, i.content, i.feeBasis, ...i.processSteps]).concat(DEMO_CATEGORIES.map((c) => c.name));
    expect(texts.filter((t) => !/[\u4e00-\u9fff]/.test(t.zhCN) || !/^[\x20-\x7e\u2019\u2013]+$/.test(t.en))).toEqual([]);
    expect(catalog.snapshot.revision).toBe(56);
  });

  it('keeps the item codes the demo agencies are qualified for, at levels they hold', () => {
    const byCode = new Map(DEMO_SERVICE_ITEMS.map((i) => [i.code, i]));
    expect(byCode.get('EIA-REPORT')?.minimumLevel).toBe(2);
    expect(byCode.get('COST-CONSULT')?.minimumLevel).toBe(2);
    expect(byCode.get('SURVEY-MAPPING')?.minimumLevel).toBe(3);
  });
});
