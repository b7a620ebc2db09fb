import type { Catalog, CatalogChange } from '@mkt/registry/core';
import type { Clock, IdempotencyKey, UnitOfWork } from '@mkt/shared/messaging';
import { CatalogRepository } from '../infrastructure/catalog.repository';
import { publishCatalogChange } from './catalog-events.publisher';

/** The calendar date in China (UTC+8, no daylight saving): catalog changes take effect on Beijing dates. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Runs one catalog change in a transaction: lock, apply the rule, store the change and its events together. */
export function changeCatalog(
  unitOfWork: UnitOfWork,
  clock: Clock,
  idempotency: IdempotencyKey | null,
  apply: (catalog: Catalog, today: string) => CatalogChange,
): Promise<CatalogChange> {
  return unitOfWork.run(
    async (tx) => {
      const repository = new CatalogRepository(tx.manager);
      const catalog = await repository.lock();
      const now = clock.now();
      const change = apply(catalog, beijingDate(now));
      await repository.save(catalog, [change], now);
      publishCatalogChange(tx, catalog, change);
      return change;
    },
    { idempotency },
  );
}
