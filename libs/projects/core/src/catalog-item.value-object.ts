/**
 * A service item as the projects service knows it from the registry's catalog events: the newest version of its
 * published standard, and whether it has been retired.
 */
export interface CatalogItem {
  readonly code: string;
  readonly nameZhCN: string;
  readonly nameEn: string;
  /** 办理时限: the item's standard time limit, in working days. */
  readonly timeLimitWorkingDays: number;
  /** 1 is the highest grade; agencies qualify for the item at this level or better. */
  readonly minimumLevel: number;
  readonly version: number;
  readonly retired: boolean;
}

/** The item's standard a project keeps with its terms, as it stood when the project was drafted or published. */
export interface ServiceItemStandard {
  readonly code: string;
  readonly nameZhCN: string;
  readonly nameEn: string;
  readonly timeLimitWorkingDays: number;
  readonly minimumLevel: number;
  readonly version: number;
}

export function standardOf(item: CatalogItem): ServiceItemStandard {
  return { code: item.code, nameZhCN: item.nameZhCN, nameEn: item.nameEn, timeLimitWorkingDays: item.timeLimitWorkingDays, minimumLevel: item.minimumLevel, version: item.version };
}

/**
 * What a posting is checked against beyond its own fields: the catalog read model (looked up by code; the service
 * loads the codes a call may need beforehand, so the domain stays synchronous) and the weight functions the draw
 * service publishes. Kept out of the project's state: it is the platform's, not the project's.
 */
export interface PostingContext {
  readonly catalogItem: (code: string) => CatalogItem | null;
  readonly weightFunctions: readonly string[];
}
