import { Module, type DynamicModule } from '@nestjs/common';
import { ServicePlatformModule, type ServiceModuleOptions } from '@mkt/shared/messaging';
import { OnAgencyEventsHandler } from './application/events/on-agency-events.handler';
import { GetBidderStandingHttpController } from './application/queries/get-bidder-standing/get-bidder-standing.http.controller';
import { CreateBidderStanding1764374700000 } from './infrastructure/migrations/1764374700000-create-bidder-standing';

/** The bidding service: bidder standing today; sealed bidding builds on it. */
@Module({})
export class BiddingModule {
  static forRoot(options: ServiceModuleOptions = {}): DynamicModule {
    return {
      module: BiddingModule,
      imports: [
        ServicePlatformModule.forService({
          service: 'bidding',
          produces: [],
          entities: [],
          migrations: [CreateBidderStanding1764374700000],
          database: options.database,
        }),
      ],
      controllers: [GetBidderStandingHttpController],
      providers: [OnAgencyEventsHandler],
    };
  }
}
