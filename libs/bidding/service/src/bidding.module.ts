import { Module, type DynamicModule } from '@nestjs/common';
import { BIDDING_TOPICS } from '@mkt/bidding/contracts';
import { ServicePlatformModule, type ServiceModuleOptions } from '@mkt/shared/messaging';
import { SubmitBidHandler } from './application/commands/submit-bid/submit-bid.handler';
import { SubmitBidHttpController } from './application/commands/submit-bid/submit-bid.http.controller';
import { WithdrawBidHandler } from './application/commands/withdraw-bid/withdraw-bid.handler';
import { CloseBiddingHandler } from './application/deadlines/close-bidding.handler';
import { OnAgencyEventsHandler } from './application/events/on-agency-events.handler';
import { OnCatalogEventsHandler } from './application/events/on-catalog-events.handler';
import { OnSelectionRequestedHandler } from './application/events/on-selection-requested.handler';
import { OnTieBreakDrawnHandler } from './application/events/on-tie-break-drawn.handler';
import { GetBidderStandingHttpController } from './application/queries/get-bidder-standing/get-bidder-standing.http.controller';
import { GetBiddingHttpController } from './application/queries/get-bidding/get-bidding.http.controller';
import { MyBidsHttpController } from './application/queries/my-bids/my-bids.http.controller';
import { BidSealer, bidSealKeyFrom } from './infrastructure/bid-sealer';
import { CreateBidderStanding1764374700000 } from './infrastructure/migrations/1764374700000-create-bidder-standing';
import { CreateBiddingRounds1764375000000 } from './infrastructure/migrations/1764375000000-create-bidding-rounds';
import { AddOfferedItems1764375300000 } from './infrastructure/migrations/1764375300000-add-offered-items';

export interface BiddingModuleOptions extends ServiceModuleOptions {
  /** Key that seals bids at rest until the close (64 hex digits); default `BIDDING_SEAL_KEY`. */
  readonly sealKey?: string;
}

/** The bidding service: bidder standing, sealed bids with commitments, the close at the deadline, evaluation and tie-breaks by draw. */
@Module({})
export class BiddingModule {
  static forRoot(options: BiddingModuleOptions = {}): DynamicModule {
    return {
      module: BiddingModule,
      imports: [
        ServicePlatformModule.forService({
          service: 'bidding',
          produces: BIDDING_TOPICS,
          entities: [],
          migrations: [CreateBidderStanding1764374700000, CreateBiddingRounds1764375000000, AddOfferedItems1764375300000],
          database: options.database,
        }),
      ],
      controllers: [GetBidderStandingHttpController, SubmitBidHttpController, MyBidsHttpController, GetBiddingHttpController],
      providers: [
        { provide: BidSealer, useFactory: () => new BidSealer(options.sealKey ?? bidSealKeyFrom(process.env, null)) },
        OnAgencyEventsHandler,
        OnCatalogEventsHandler,
        OnSelectionRequestedHandler,
        OnTieBreakDrawnHandler,
        CloseBiddingHandler,
        SubmitBidHandler,
        WithdrawBidHandler,
      ],
    };
  }
}
