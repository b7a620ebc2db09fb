import { Inject, Injectable } from '@nestjs/common';
import { DEMO_CATEGORIES, DEMO_SERVICE_ITEMS } from '@mkt/registry/core';
import { CLOCK, UnitOfWork, type Clock } from '@mkt/shared/messaging';
import { CatalogRepository } from '../infrastructure/catalog.repository';
import { publishCatalogChange } from './catalog-events.publisher';
import { beijingDate } from './change-catalog';

/** Loads the demo catalog into an empty registry, in one transaction; a catalog with anything in it is left alone. */
@Injectable()
export class CatalogSeeder {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  seedDemoCatalog(): Promise<{ categories: number; items: number }> {
    return this.unitOfWork.run(async (tx) => {
      const repository = new CatalogRepository(tx.manager);
      const catalog = await repository.lock();
      if (catalog.snapshot.categories.length > 0 || catalog.snapshot.items.length > 0) return { categories: 0, items: 0 };
      const now = this.clock.now();
      const today = beijingDate(now);
      for (const category of DEMO_CATEGORIES) catalog.addCategory(category);
      const changes = DEMO_SERVICE_ITEMS.map((item) => catalog.addItem(item, 'demo catalog', today));
      await repository.save(catalog, changes, now);
      for (const change of changes) publishCatalogChange(tx, catalog, change);
      return { categories: DEMO_CATEGORIES.length, items: changes.length };
    });
  }
}
