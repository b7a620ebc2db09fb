import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ServiceItemPublishedV1, ServiceItemRetiredV1 } from '@mkt/registry/contracts';
import { EventSubscriptions } from '@mkt/shared/messaging';
import { CatalogItemRepository } from '../../infrastructure/catalog-item.repository';

/** Folds the registry's catalog into the items a project may be posted for: newest version wins, replays change nothing. */
@Injectable()
export class OnCatalogEventsHandler implements OnModuleInit {
  constructor(private readonly subscriptions: EventSubscriptions) {}

  onModuleInit(): void {
    this.subscriptions
      .on(ServiceItemPublishedV1, ({ payload }, tx) => new CatalogItemRepository(tx.manager).published(payload))
      .on(ServiceItemRetiredV1, ({ payload }, tx) => new CatalogItemRepository(tx.manager).retired(payload));
  }
}
