import { Inject, Injectable } from '@nestjs/common';
import { applyCatalogImport, type CatalogChange } from '@mkt/registry/core';
import { CLOCK, UnitOfWork, type Clock } from '@mkt/shared/messaging';
import { CatalogRepository } from '../../../infrastructure/catalog.repository';
import { readImportTable } from '../../../infrastructure/import-table.reader';
import { publishCatalogChange } from '../../catalog-events.publisher';
import { beijingDate } from '../../change-catalog';
import { importRejected } from '../../import-rejected';

/** Adds catalog items (and new categories) from a file, each a recorded catalog change; any bad row and none is added. */
@Injectable()
export class ImportCatalogHandler {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(content: Buffer): Promise<{ imported: number; newCategories: string[]; changes: CatalogChange[] }> {
    const table = await readImportTable(content);
    return this.unitOfWork.run(async (tx) => {
      const repository = new CatalogRepository(tx.manager);
      const catalog = await repository.lock();
      const now = this.clock.now();
      const result = applyCatalogImport(catalog, table, 'bulk import', beijingDate(now));
      if (result.errors.length > 0) throw importRejected(result.errors);
      await repository.save(catalog, result.changes, now);
      for (const change of result.changes) publishCatalogChange(tx, catalog, change);
      return { imported: result.changes.length, newCategories: result.newCategories, changes: result.changes };
    });
  }
}
