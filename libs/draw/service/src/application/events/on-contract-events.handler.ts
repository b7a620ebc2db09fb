import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ContractRecordedV1, ServiceCompletedV1 } from '@mkt/projects/contracts';
import { EventSubscriptions } from '@mkt/shared/messaging';
import { OpenContractsRepository } from '../../infrastructure/open-contracts.repository';

/** Keeps the count of each agency's unfinished contracts that the rotation rules read. */
@Injectable()
export class OnContractEventsHandler implements OnModuleInit {
  constructor(private readonly subscriptions: EventSubscriptions) {}

  onModuleInit(): void {
    this.subscriptions
      .on(ContractRecordedV1, ({ payload }, tx) => new OpenContractsRepository(tx.manager).opened(payload.projectId, payload.agencyId))
      .on(ServiceCompletedV1, ({ payload }, tx) => new OpenContractsRepository(tx.manager).closed(payload.projectId, payload.agencyId));
  }
}
