import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ServiceItemPublishedV1 } from '@mkt/registry/contracts';
import { EventSubscriptions } from '@mkt/shared/messaging';
import { ServiceItemFeeRepository } from '../../infrastructure/service-item-fee.repository';

/** Keeps each item's standard fee current from the registry's catalog: a discount-rate bid prices against it. */
@Injectable()
export class OnCatalogEventsHandler implements OnModuleInit {
  constructor(private readonly subscriptions: EventSubscriptions) {}

  onModuleInit(): void {
    this.subscriptions.on(ServiceItemPublishedV1, ({ payload: p }, tx) => new ServiceItemFeeRepository(tx.manager).save(p.code, p.standardFeeFen, p.version));
  }
}
