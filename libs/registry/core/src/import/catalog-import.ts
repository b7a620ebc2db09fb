import { invalid } from '@mkt/shared/kernel';
import type { Catalog, CatalogChange, ServiceItemStandard } from '../catalog.entity';
import { recordsOf, rowErrorOf, type ImportColumn, type ImportRowError } from './import-sheet';

/**
 * One row per service item. A category new to the catalog is created from the first row naming it (its names
 * are then required); process steps are separated by `|`, the same number in both languages; a blank
 * standardFeeFen means the fee is computed per project from the fee basis.
 */
export const CATALOG_IMPORT_COLUMNS: readonly ImportColumn[] = [
  { name: 'categoryCode', required: true },
  { name: 'categoryNameZh', required: false },
  { name: 'categoryNameEn', required: false },
  { name: 'code', required: true },
  { name: 'nameZh', required: true },
  { name: 'nameEn', required: true },
  { name: 'contentZh', required: true },
  { name: 'contentEn', required: true },
  { name: 'legalBasis', required: true },
  { name: 'timeLimitWorkingDays', required: true },
  { name: 'processStepsZh', required: true },
  { name: 'processStepsEn', required: true },
  { name: 'feeBasisZh', required: true },
  { name: 'feeBasisEn', required: true },
  { name: 'standardFeeFen', required: false },
  { name: 'qualificationType', required: true },
  { name: 'minimumLevel', required: true },
];

const LANGUAGE_SUFFIX: Record<string, string> = { zhCN: 'Zh', en: 'En' };

// The catalog's rule fields (`name.zhCN`, `processSteps.1.en`) under the file's column names (`nameZh`, `processStepsEn`).
function itemColumnOf(field: string | null): string | null {
  if (!field) return null;
  const parts = field.split('.').filter((p) => !/^\d+$/.test(p));
  if (parts.length === 2 && LANGUAGE_SUFFIX[parts[1]]) return parts[0] + LANGUAGE_SUFFIX[parts[1]];
  return parts[0];
}

function categoryColumnOf(field: string | null): string | null {
  if (field === 'code') return 'categoryCode';
  const column = itemColumnOf(field);
  return column ? `category${column[0].toUpperCase()}${column.slice(1)}` : null;
}

function wholeNumber(value: string, column: string): number {
  if (!/^\d+$/.test(value)) throw invalid('REGISTRY.IMPORT_NOT_A_NUMBER', `${column} is a whole number`, column);
  return Number(value);
}

/**
 * Adds every row's item (and any new category) to `catalog`, recording each change, or collects every row at
 * fault. On errors the caller must discard `catalog`: nothing of a file with a bad row is kept.
 */
export function applyCatalogImport(
  catalog: Catalog,
  table: readonly (readonly string[])[],
  reason: string,
  effectiveDate: string,
): { changes: CatalogChange[]; newCategories: string[]; errors: ImportRowError[] } {
  const { records, errors } = recordsOf(table, CATALOG_IMPORT_COLUMNS);
  if (errors.length > 0) return { changes: [], newCategories: [], errors };
  const changes: CatalogChange[] = [];
  const newCategories: string[] = [];
  for (const { row, values: v } of records) {
    const categoryCode = v['categoryCode'] ?? '';
    if (categoryCode && !catalog.snapshot.categories.some((c) => c.code === categoryCode)) {
      try {
        catalog.addCategory({ code: categoryCode, name: { zhCN: v['categoryNameZh'] ?? '', en: v['categoryNameEn'] ?? '' } });
        newCategories.push(categoryCode);
      } catch (error) {
        errors.push(rowErrorOf(row, error, categoryColumnOf));
        continue;
      }
    }
    try {
      const stepsZh = (v['processStepsZh'] ?? '').split('|').map((s) => s.trim());
      const stepsEn = (v['processStepsEn'] ?? '').split('|').map((s) => s.trim());
      if (stepsZh.length !== stepsEn.length) {
        throw invalid('REGISTRY.IMPORT_STEPS_MISMATCH', `${stepsZh.length} process steps in Chinese but ${stepsEn.length} in English`, 'processStepsEn');
      }
      const standard: ServiceItemStandard = {
        code: v['code'] ?? '',
        categoryCode,
        name: { zhCN: v['nameZh'] ?? '', en: v['nameEn'] ?? '' },
        content: { zhCN: v['contentZh'] ?? '', en: v['contentEn'] ?? '' },
        legalBasis: v['legalBasis'] ?? '',
        timeLimitWorkingDays: wholeNumber(v['timeLimitWorkingDays'] ?? '', 'timeLimitWorkingDays'),
        processSteps: stepsZh.map((zhCN, i) => ({ zhCN, en: stepsEn[i] })),
        feeBasis: { zhCN: v['feeBasisZh'] ?? '', en: v['feeBasisEn'] ?? '' },
        standardFeeFen: v['standardFeeFen'] ? wholeNumber(v['standardFeeFen'], 'standardFeeFen') : null,
        qualificationType: (v['qualificationType'] ?? '').toUpperCase(),
        minimumLevel: wholeNumber(v['minimumLevel'] ?? '', 'minimumLevel'),
      };
      changes.push(catalog.addItem(standard, reason, effectiveDate));
    } catch (error) {
      errors.push(rowErrorOf(row, error, itemColumnOf));
    }
  }
  return errors.length > 0 ? { changes: [], newCategories: [], errors } : { changes, newCategories, errors: [] };
}
