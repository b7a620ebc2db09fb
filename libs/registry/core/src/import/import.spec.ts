import { refusalOf } from '@mkt/shared/kernel/testing';
import { Catalog } from '../catalog.entity';
import type { ItemRequirement } from '../certificate.value-object';
import { DEMO_CATEGORIES, DEMO_SERVICE_ITEMS } from '../demo-catalog';
import { creditCodeCheckCharacter } from '../unified-social-credit-code.value-object';
import { planAgencyImport, AGENCY_IMPORT_COLUMNS } from './agency-import';
import { applyCatalogImport, CATALOG_IMPORT_COLUMNS } from './catalog-import';
import { parseCsv } from './csv';

const code = (n: number) => {
  const body = `91330100MA2${String(n).padStart(6, '0')}`;
  return body + creditCodeCheckCharacter(body);
};
const NOW = new Date('2026-03-02T02:00:00.000Z');

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF and a byte order mark', () => {
    expect(parseCsv('\ufeffa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\nlast,,\n')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['last', '', ''],
    ]);
  });

  it('refuses a quote that is never closed, naming the file', () => {
    expect(refusalOf(() => parseCsv('a,b\n"open,1\n'))).toBe('REGISTRY.IMPORT_MALFORMED_CSV@file');
  });
});

describe('planAgencyImport', () => {
  const requirements = new Map<string, ItemRequirement>([
    ['EIA-REPORT', { code: 'EIA-REPORT', active: true, qualificationType: 'ENVIRONMENTAL_IMPACT_ASSESSMENT', minimumLevel: 2 }],
    ['SURVEY-MAPPING', { code: 'SURVEY-MAPPING', active: true, qualificationType: 'SURVEYING_AND_MAPPING', minimumLevel: 2 }],
  ]);
  const header = AGENCY_IMPORT_COLUMNS.map((c) => c.name);
  const row = (n: number, over: Record<string, string> = {}) => {
    const values: Record<string, string> = {
      name: `测试机构${n}`, creditCode: code(n), region: '330100', legalRepresentative: '张三', contactName: '李四', contactPhone: '13800000000', contactEmail: '',
      qualificationType: 'ENVIRONMENTAL_IMPACT_ASSESSMENT', level: '2', certificateNumber: `HP-${n}`, issuer: '生态环境厅', validFrom: '2026-01-01', validUntil: '2028-12-31', serviceItems: 'EIA-REPORT',
      ...over,
    };
    return header.map((h) => values[h]);
  };
  const context = { requirements, registeredCreditCodes: new Set([code(99)]), now: NOW };

  it('groups the rows of one firm: several certificates, the union of their items', () => {
    const plan = planAgencyImport(
      [header, row(1), row(1, { qualificationType: 'SURVEYING_AND_MAPPING', level: '1', certificateNumber: 'CH-1', serviceItems: 'SURVEY-MAPPING' }), row(2)],
      context,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.firms).toHaveLength(2);
    expect(plan.firms[0]).toMatchObject({ rows: [2, 3], creditCode: code(1), serviceItems: ['EIA-REPORT', 'SURVEY-MAPPING'], contacts: [{ name: '李四', phone: '13800000000', email: null }] });
    expect(plan.firms[0].certificates.map((c) => c.certificateNumber)).toEqual(['HP-1', 'CH-1']);
  });

  it('reports every bad row with its column and imports nothing', () => {
    const plan = planAgencyImport(
      [
        header,
        row(1),
        row(2, { creditCode: '91330100MA2000002X' }),
        row(3, { level: 'A' }),
        row(4, { serviceItems: 'SURVEY-MAPPING' }),
        row(99),
        row(1, { name: '别的名字', certificateNumber: 'HP-1b' }),
        row(5, { validUntil: '2028-13-01' }),
      ],
      context,
    );
    expect(plan.firms).toEqual([]);
    expect(plan.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'creditCode', 'REGISTRY.INVALID_CREDIT_CODE'],
      [4, 'level', 'REGISTRY.INVALID_LEVEL'],
      [5, 'serviceItems', 'REGISTRY.ITEM_NOT_COVERED'],
      [6, 'creditCode', 'REGISTRY.CREDIT_CODE_TAKEN'],
      [7, 'name', 'REGISTRY.IMPORT_FIRM_MISMATCH'],
      [8, 'validUntil', 'REGISTRY.INVALID_DATE'],
    ]);
  });

  it('reports a missing or unknown column against the header row', () => {
    const plan = planAgencyImport([[...header.filter((h) => h !== 'issuer'), 'fax'], row(1)], context);
    expect(plan.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [1, 'fax', 'REGISTRY.IMPORT_UNKNOWN_COLUMN'],
      [1, 'issuer', 'REGISTRY.IMPORT_MISSING_COLUMN'],
    ]);
  });

  it('refuses a column named twice, in any spelling', () => {
    const plan = planAgencyImport([[...header, ' Credit Code '], [...row(1), code(2)]], context);
    expect(plan.errors.map((e) => [e.row, e.column, e.code])).toEqual([[1, 'creditCode', 'REGISTRY.IMPORT_DUPLICATE_COLUMN']]);
  });

  it('refuses a file with a header and no data', () => {
    expect(planAgencyImport([header], context).errors.map((e) => e.code)).toEqual(['REGISTRY.IMPORT_EMPTY']);
  });
});

describe('applyCatalogImport', () => {
  const seeded = () => {
    const catalog = Catalog.empty();
    DEMO_CATEGORIES.forEach((c) => catalog.addCategory(c));
    DEMO_SERVICE_ITEMS.slice(0, 3).forEach((i) => catalog.addItem(i, 'seed', '2026-01-01'));
    return catalog;
  };
  const header = CATALOG_IMPORT_COLUMNS.map((c) => c.name);
  const row = (over: Record<string, string> = {}) => {
    const values: Record<string, string> = {
      categoryCode: 'HERITAGE', categoryNameZh: '文物保护', categoryNameEn: 'Heritage protection', code: 'HERITAGE-SURVEY', nameZh: '文物影响评估', nameEn: 'Heritage impact assessment',
      contentZh: '评估建设项目对文物的影响', contentEn: 'Assesses the impact of a project on cultural relics', legalBasis: '《文物保护法》', timeLimitWorkingDays: '20',
      processStepsZh: '现场调查|编制报告', processStepsEn: 'Site survey|Report', feeBasisZh: '按工作量', feeBasisEn: 'By workload', standardFeeFen: '', qualificationType: 'HERITAGE_ASSESSMENT', minimumLevel: '2',
      ...over,
    };
    return header.map((h) => values[h]);
  };

  it('adds a new category from its first row and each item as a numbered catalog change', () => {
    const catalog = seeded();
    const result = applyCatalogImport(catalog, [header, row(), row({ code: 'HERITAGE-PLAN', categoryNameZh: '', categoryNameEn: '', standardFeeFen: '1200000' })], 'bulk import', '2026-03-02');
    expect(result.errors).toEqual([]);
    expect(result.newCategories).toEqual(['HERITAGE']);
    expect(result.changes.map((c) => [c.kind, c.itemCodes, c.version])).toEqual([
      ['ADDED', ['HERITAGE-SURVEY'], 4],
      ['ADDED', ['HERITAGE-PLAN'], 5],
    ]);
    expect(catalog.item('HERITAGE-PLAN')).toMatchObject({ standardFeeFen: 1200000, processSteps: [{ zhCN: '现场调查', en: 'Site survey' }, { zhCN: '编制报告', en: 'Report' }] });
  });

  it('reports each bad row under the file column names and keeps nothing', () => {
    const result = applyCatalogImport(
      seeded(),
      [
        header,
        row(),
        row({ code: 'HERITAGE-SURVEY' }),
        row({ code: 'X2', nameEn: '' }),
        row({ code: 'X3', processStepsEn: 'only one' }),
        row({ code: 'X4', timeLimitWorkingDays: 'ten' }),
        row({ code: 'X5', categoryCode: 'NEWCAT', categoryNameZh: '', categoryNameEn: '' }),
      ],
      'bulk import',
      '2026-03-02',
    );
    expect(result.changes).toEqual([]);
    expect(result.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'code', 'REGISTRY.ITEM_EXISTS'],
      [4, 'nameEn', 'REGISTRY.TEXT_REQUIRED'],
      [5, 'processStepsEn', 'REGISTRY.IMPORT_STEPS_MISMATCH'],
      [6, 'timeLimitWorkingDays', 'REGISTRY.IMPORT_NOT_A_NUMBER'],
      [7, 'categoryNameZh', 'REGISTRY.TEXT_REQUIRED'],
    ]);
  });
});
