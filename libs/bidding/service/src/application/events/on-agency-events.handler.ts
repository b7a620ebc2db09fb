import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AgencyQualificationGrantedV1, AgencyRegisteredV1, AgencyServiceItemsChangedV1, AgencyStatusChangedV1 } from '@mkt/registry/contracts';
import { EventSubscriptions } from '@mkt/shared/messaging';
import { BidderStandingRepository } from '../../infrastructure/bidder-standing.repository';

/** Keeps bidders' standing current from the registry's agency events. */
@Injectable()
export class OnAgencyEventsHandler implements OnModuleInit {
  constructor(private readonly subscriptions: EventSubscriptions) {}

  onModuleInit(): void {
    this.subscriptions
      .on(AgencyRegisteredV1, ({ payload }, tx) => new BidderStandingRepository(tx.manager).ensure(payload.agencyId))
      .on(AgencyStatusChangedV1, ({ payload }, tx) => new BidderStandingRepository(tx.manager).setStatus(payload.agencyId, payload.to, payload.sequence))
      .on(AgencyQualificationGrantedV1, ({ payload: p }, tx) =>
        new BidderStandingRepository(tx.manager).addItem(p.agencyId, p.qualificationId, {
          serviceItemCode: p.serviceItemCode,
          level: p.level,
          validFrom: p.validFrom,
          validUntil: p.validUntil,
        }),
      )
      .on(AgencyServiceItemsChangedV1, ({ payload: p }, tx) => new BidderStandingRepository(tx.manager).setOfferedItems(p.agencyId, p.serviceItems, p.sequence));
  }
}
