import { Controller, Get } from '@nestjs/common';
import { Public } from '@mkt/shared/auth';
import { UnitOfWork } from '@mkt/shared/messaging';
import { CatalogItemRepository } from '../../../infrastructure/catalog-item.repository';

/**
 * The service items projects knows from the registry's catalog, current ones first: what a posting may name, with
 * the minimum level it may ask for. Public, as the catalog itself is; retired items stay listed, marked, since
 * past projects name them.
 */
@Controller('api/projects/catalog')
export class ListCatalogItemsHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  @Get('items')
  @Public()
  list() {
    return this.unitOfWork.run((tx) => new CatalogItemRepository(tx.manager).all());
  }
}
