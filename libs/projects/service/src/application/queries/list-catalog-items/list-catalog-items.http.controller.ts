import { Controller, Get } from '@nestjs/common';
import { Public } from '@mkt/shared/auth';
import { Responds, schema } from '@mkt/shared/http';
import { UnitOfWork } from '@mkt/shared/messaging';
import { CatalogItemRepository } from '../../../infrastructure/catalog-item.repository';
import { CATALOG_ITEM } from '../../http-responses';

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
  @Responds(schema.array(CATALOG_ITEM))
  list() {
    return this.unitOfWork.run((tx) => new CatalogItemRepository(tx.manager).all());
  }
}
