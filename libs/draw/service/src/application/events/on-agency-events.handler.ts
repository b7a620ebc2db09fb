import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AgencyCreditChangedV1, AgencyQualificationGrantedV1, AgencyRegisteredV1, AgencyServiceItemsChangedV1, AgencyStatusChangedV1 } from '@mkt/registry/contracts';
import { EventSubscriptions } from '@mkt/shared/messaging';
import { AgencyViewRepository } from '../../infrastructure/agency-view.repository';

/** Folds the registry's agency events into the draw service's eligibility read model, credit scores included. */
@Injectable()
export class OnAgencyEventsHandler implements OnModuleInit {
  constructor(private readonly subscriptions: EventSubscriptions) {}

  onModuleInit(): void {
    this.subscriptions
      .on(AgencyRegisteredV1, ({ payload }, tx) => new AgencyViewRepository(tx.manager).recordRegistration(payload.agencyId, payload.name, payload.region))
      .on(AgencyStatusChangedV1, ({ payload }, tx) => new AgencyViewRepository(tx.manager).recordStatus(payload.agencyId, payload.to, payload.sequence))
      .on(AgencyQualificationGrantedV1, ({ payload }, tx) => new AgencyViewRepository(tx.manager).recordQualification(payload))
      .on(AgencyCreditChangedV1, ({ payload }, tx) => new AgencyViewRepository(tx.manager).recordCredit(payload.agencyId, payload.score, payload.sequence))
      .on(AgencyServiceItemsChangedV1, ({ payload }, tx) => new AgencyViewRepository(tx.manager).recordOfferedItems(payload.agencyId, payload.serviceItems, payload.sequence));
  }
}
