import { conflict, invalid, notFound } from '@mkt/shared/kernel';

/** Every published text is bilingual: Chinese is authoritative, English is for foreign-invested bidders. */
export interface Bilingual {
  readonly zhCN: string;
  readonly en: string;
}

export type ServiceItemStatus = 'ACTIVE' | 'RETIRED';

export interface ServiceCategory {
  readonly code: string;
  readonly name: Bilingual;
}

/** The published standard of a service item (中介服务事项): what is done, under which law, how fast, for what fee. */
export interface ServiceItemStandard {
  readonly code: string;
  readonly categoryCode: string;
  readonly name: Bilingual;
  readonly content: Bilingual;
  readonly legalBasis: string;
  readonly timeLimitWorkingDays: number;
  readonly processSteps: readonly Bilingual[];
  readonly feeBasis: Bilingual;
  /** Standard fee in fen (1/100 yuan); null when the fee is computed per project from the fee basis. */
  readonly standardFeeFen: number | null;
  readonly qualificationType: string;
  /** 1 is the highest grade; an agency qualifies with this level or better. */
  readonly minimumLevel: number;
}

export interface ServiceItem extends ServiceItemStandard {
  readonly status: ServiceItemStatus;
  /** 1 on publication, +1 on every change of the standard. */
  readonly version: number;
  readonly retiredReason: string | null;
  /** Set when the item was merged into another: the code that carries on. */
  readonly supersededBy: string | null;
}

export type CatalogChangeKind = 'ADDED' | 'CHANGED' | 'RETIRED' | 'MERGED';

export interface CatalogChange {
  readonly kind: CatalogChangeKind;
  /** ADDED/CHANGED: the item; RETIRED: the item; MERGED: the items retired by the merge. */
  readonly itemCodes: readonly string[];
  /** MERGED only: the item the merged ones point to. */
  readonly survivingCode: string | null;
  readonly reason: string;
  readonly effectiveDate: string;
  /** The catalog's revision after this change: changes are numbered 1, 2, 3 … without gaps. */
  readonly version: number;
}

export interface CatalogState {
  readonly categories: readonly ServiceCategory[];
  readonly items: readonly ServiceItem[];
  readonly revision: number;
}

const CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function serviceCodeMustBeWellFormed(code: string, field: string): void {
  if (code.length > 40 || !CODE.test(code)) throw invalid('REGISTRY.INVALID_ITEM_CODE', `"${code}" is not an upper-case code such as EIA-REPORT`, field);
}

function bilingualMustBeComplete(text: Bilingual | undefined, field: string): void {
  if (!text || !text.zhCN?.trim()) throw invalid('REGISTRY.TEXT_REQUIRED', `${field} needs a Chinese text`, `${field}.zhCN`);
  if (!text.en?.trim()) throw invalid('REGISTRY.TEXT_REQUIRED', `${field} needs an English text`, `${field}.en`);
}

function reasonMustBeGiven(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) throw invalid('REGISTRY.REASON_REQUIRED', 'a catalog change needs a reason', 'reason');
  return trimmed;
}

function effectiveDateMustBeADate(date: string): void {
  if (!DATE.test(date) || Number.isNaN(Date.parse(date))) throw invalid('REGISTRY.INVALID_EFFECTIVE_DATE', 'the effective date is YYYY-MM-DD', 'effectiveDate');
}

/** Checks a standard on its own; whether its category exists is the catalog's business. */
export function standardMustBeComplete(s: ServiceItemStandard): void {
  serviceCodeMustBeWellFormed(s.code, 'code');
  bilingualMustBeComplete(s.name, 'name');
  bilingualMustBeComplete(s.content, 'content');
  if (!s.legalBasis.trim()) throw invalid('REGISTRY.TEXT_REQUIRED', 'the legal basis is required', 'legalBasis');
  if (!Number.isInteger(s.timeLimitWorkingDays) || s.timeLimitWorkingDays < 1 || s.timeLimitWorkingDays > 365) {
    throw invalid('REGISTRY.INVALID_TIME_LIMIT', 'the time limit is a whole number of working days from 1 to 365', 'timeLimitWorkingDays');
  }
  if (s.processSteps.length === 0) throw invalid('REGISTRY.PROCESS_REQUIRED', 'the process has at least one step', 'processSteps');
  s.processSteps.forEach((step, i) => bilingualMustBeComplete(step, `processSteps.${i}`));
  bilingualMustBeComplete(s.feeBasis, 'feeBasis');
  if (s.standardFeeFen !== null && (!Number.isSafeInteger(s.standardFeeFen) || s.standardFeeFen < 0)) {
    throw invalid('REGISTRY.INVALID_FEE', 'the standard fee is a whole, non-negative number of fen, or null', 'standardFeeFen');
  }
  if (!s.qualificationType.trim()) throw invalid('REGISTRY.TEXT_REQUIRED', 'the required qualification type is required', 'qualificationType');
  if (!Number.isInteger(s.minimumLevel) || s.minimumLevel < 1 || s.minimumLevel > 9) {
    throw invalid('REGISTRY.INVALID_LEVEL', 'the minimum level is a whole number from 1 (highest) to 9', 'minimumLevel');
  }
}

/**
 * The service catalog (中介服务事项清单): categories and the items with their published standards. Items are never
 * deleted: a retired or merged item stays readable, so past projects still resolve their standard.
 */
export class Catalog {
  private constructor(private state: CatalogState) {}

  static empty(): Catalog {
    return new Catalog({ categories: [], items: [], revision: 0 });
  }

  static restore(state: CatalogState): Catalog {
    return new Catalog(state);
  }

  get snapshot(): CatalogState {
    return this.state;
  }

  item(code: string): ServiceItem {
    const found = this.state.items.find((i) => i.code === code);
    if (!found) throw notFound('REGISTRY.ITEM_NOT_FOUND', `no service item ${code}`);
    return found;
  }

  addCategory(category: ServiceCategory): void {
    serviceCodeMustBeWellFormed(category.code, 'code');
    bilingualMustBeComplete(category.name, 'name');
    if (this.state.categories.some((c) => c.code === category.code)) throw conflict('REGISTRY.CATEGORY_EXISTS', `category ${category.code} exists`, 'code');
    this.state = { ...this.state, categories: [...this.state.categories, category] };
  }

  addItem(standard: ServiceItemStandard, reason: string, effectiveDate: string): CatalogChange {
    standardMustBeComplete(standard);
    this.categoryMustExist(standard.categoryCode);
    effectiveDateMustBeADate(effectiveDate);
    if (this.state.items.some((i) => i.code === standard.code)) throw conflict('REGISTRY.ITEM_EXISTS', `service item ${standard.code} exists`, 'code');
    const item: ServiceItem = { ...standard, status: 'ACTIVE', version: 1, retiredReason: null, supersededBy: null };
    return this.record({ kind: 'ADDED', itemCodes: [item.code], survivingCode: null, reason: reason.trim() || 'published', effectiveDate }, [item]);
  }

  /** A new version of the standard; the code stays, and so does every qualification granted for it. */
  changeItem(code: string, standard: Omit<ServiceItemStandard, 'code'>, reason: string, effectiveDate: string): CatalogChange {
    const why = reasonMustBeGiven(reason);
    effectiveDateMustBeADate(effectiveDate);
    const current = this.item(code);
    if (current.status === 'RETIRED') throw conflict('REGISTRY.ITEM_RETIRED', `service item ${code} is retired and cannot change`, 'code');
    const next: ServiceItem = { ...current, ...standard, code, version: current.version + 1 };
    standardMustBeComplete(next);
    this.categoryMustExist(next.categoryCode);
    return this.record({ kind: 'CHANGED', itemCodes: [code], survivingCode: null, reason: why, effectiveDate }, [next]);
  }

  retireItem(code: string, reason: string, effectiveDate: string): CatalogChange {
    const why = reasonMustBeGiven(reason);
    effectiveDateMustBeADate(effectiveDate);
    const current = this.item(code);
    this.itemMustBeActive(current, 'code');
    return this.record({ kind: 'RETIRED', itemCodes: [code], survivingCode: null, reason: why, effectiveDate }, [{ ...current, status: 'RETIRED', retiredReason: why }]);
  }

  /** Retires each merged item, pointing it to the surviving one, which must stay ACTIVE. */
  mergeItems(mergedCodes: readonly string[], survivingCode: string, reason: string, effectiveDate: string): CatalogChange {
    const why = reasonMustBeGiven(reason);
    effectiveDateMustBeADate(effectiveDate);
    if (mergedCodes.length === 0) throw invalid('REGISTRY.NOTHING_TO_MERGE', 'name at least one item to merge', 'mergedCodes');
    if (new Set(mergedCodes).size !== mergedCodes.length) throw invalid('REGISTRY.DUPLICATE_ITEM', 'an item is named twice', 'mergedCodes');
    if (mergedCodes.includes(survivingCode)) throw invalid('REGISTRY.MERGE_INTO_ITSELF', 'the surviving item cannot be merged into itself', 'survivingCode');
    this.itemMustBeActive(this.item(survivingCode), 'survivingCode');
    const retired = mergedCodes.map((code) => {
      const item = this.item(code);
      this.itemMustBeActive(item, 'mergedCodes');
      return { ...item, status: 'RETIRED' as const, retiredReason: why, supersededBy: survivingCode };
    });
    return this.record({ kind: 'MERGED', itemCodes: [...mergedCodes], survivingCode, reason: why, effectiveDate }, retired);
  }

  private categoryMustExist(code: string): void {
    if (!this.state.categories.some((c) => c.code === code)) throw invalid('REGISTRY.UNKNOWN_CATEGORY', `no category ${code}`, 'categoryCode');
  }

  private itemMustBeActive(item: ServiceItem, field: string): void {
    if (item.status === 'RETIRED') throw conflict('REGISTRY.ITEM_ALREADY_RETIRED', `service item ${item.code} is already retired`, field);
  }

  private record(change: Omit<CatalogChange, 'version'>, updated: readonly ServiceItem[]): CatalogChange {
    const byCode = new Map(this.state.items.map((i) => [i.code, i]));
    for (const item of updated) byCode.set(item.code, item);
    const revision = this.state.revision + 1;
    this.state = { ...this.state, items: [...byCode.values()], revision };
    return { ...change, version: revision };
  }
}
