import { Controller, Get, Param } from '@nestjs/common';
import type { ServiceItem } from '@mkt/registry/core';
import { Public } from '@mkt/shared/auth';
import { Responds, schema } from '@mkt/shared/http';
import { UnitOfWork } from '@mkt/shared/messaging';
import { CatalogRepository } from '../../../infrastructure/catalog.repository';
import { SERVICE_ITEM_STANDARD, CATALOG_CHANGE_RECORDED } from '../../http-responses';

/** The catalog and every standard are public: owners, agencies and citizens read the same published text. */
@Controller('api/registry/catalog')
export class GetCatalogHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Categories with their ACTIVE items. */
  @Get()
  @Public()
  @Responds(schema.object({ revision: schema.integer(), categories: schema.array(schema.object({ code: schema.string(), name: schema.object({ zhCN: schema.string(), en: schema.string() }), items: schema.array(SERVICE_ITEM_STANDARD) })) }))
  async catalog() {
    const { categories, items, revision } = await this.unitOfWork.run(async (tx) => {
      const repository = new CatalogRepository(tx.manager);
      return { categories: await repository.categories(), items: await repository.items('ACTIVE'), revision: await repository.revision() };
    });
    return {
      revision,
      categories: categories.map((c) => ({ ...c, items: items.filter((i) => i.categoryCode === c.code).map(standardView) })),
    };
  }

  /** The published standard of one item, retired or not, with the dates of its versions. */
  @Get('items/:code')
  @Public()
  @Responds({ allOf: [SERVICE_ITEM_STANDARD, schema.object({ versions: schema.array(schema.object({ version: schema.integer(), effectiveDate: schema.date(), catalogRevision: schema.integer() })) })] })
  async item(@Param('code') code: string) {
    const { item, versions } = await this.unitOfWork.run((tx) => new CatalogRepository(tx.manager).item(code));
    return { ...standardView(item), versions };
  }

  @Get('changes')
  @Public()
  @Responds(schema.array(CATALOG_CHANGE_RECORDED))
  changes() {
    return this.unitOfWork.run((tx) => new CatalogRepository(tx.manager).changes());
  }
}

function standardView(item: ServiceItem) {
  return {
    code: item.code,
    categoryCode: item.categoryCode,
    name: item.name,
    content: item.content,
    legalBasis: item.legalBasis,
    timeLimitWorkingDays: item.timeLimitWorkingDays,
    processSteps: item.processSteps,
    feeBasis: item.feeBasis,
    standardFeeFen: item.standardFeeFen,
    qualificationType: item.qualificationType,
    minimumLevel: item.minimumLevel,
    status: item.status,
    version: item.version,
    retiredReason: item.retiredReason,
    supersededBy: item.supersededBy,
  };
}
