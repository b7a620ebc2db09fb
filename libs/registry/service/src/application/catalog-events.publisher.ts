import type { Catalog, CatalogChange } from '@mkt/registry/core';
import { ServiceItemPublishedV1, ServiceItemRetiredV1 } from '@mkt/registry/contracts';
import type { TransactionContext } from '@mkt/shared/messaging';

/** Maps a catalog change onto the published contracts: the full standard on publication, a retirement per item. */
export function publishCatalogChange(tx: TransactionContext, catalog: Catalog, change: CatalogChange): void {
  for (const code of change.itemCodes) {
    const item = catalog.item(code);
    if (change.kind === 'ADDED' || change.kind === 'CHANGED') {
      const category = catalog.snapshot.categories.find((c) => c.code === item.categoryCode);
      tx.publish(ServiceItemPublishedV1, code, {
        code,
        categoryCode: item.categoryCode,
        categoryNameZhCN: category?.name.zhCN ?? item.categoryCode,
        categoryNameEn: category?.name.en ?? item.categoryCode,
        nameZhCN: item.name.zhCN,
        nameEn: item.name.en,
        contentZhCN: item.content.zhCN,
        contentEn: item.content.en,
        legalBasis: item.legalBasis,
        timeLimitWorkingDays: item.timeLimitWorkingDays,
        processStepsZhCN: item.processSteps.map((s) => s.zhCN),
        processStepsEn: item.processSteps.map((s) => s.en),
        feeBasisZhCN: item.feeBasis.zhCN,
        feeBasisEn: item.feeBasis.en,
        standardFeeFen: item.standardFeeFen,
        qualificationType: item.qualificationType,
        minimumLevel: item.minimumLevel,
        version: item.version,
        reason: change.reason,
        effectiveDate: change.effectiveDate,
        catalogRevision: change.version,
      });
    } else {
      tx.publish(ServiceItemRetiredV1, code, {
        code,
        version: item.version,
        reason: change.reason,
        supersededBy: item.supersededBy,
        effectiveDate: change.effectiveDate,
        catalogRevision: change.version,
      });
    }
  }
}
