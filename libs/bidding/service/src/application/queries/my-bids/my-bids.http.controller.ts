import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { Responds } from '@mkt/shared/http';
import { UnitOfWork } from '@mkt/shared/messaging';
import { BidSealer } from '../../../infrastructure/bid-sealer';
import { BidRepository } from '../../../infrastructure/bid.repository';
import { BiddingRoundRepository } from '../../../infrastructure/bidding-round.repository';
import { agencyOf } from '../../commands/agency-of';
import { OWN_BIDS } from '../../http-responses';
import { openEnvelope } from '../../sealed-envelope';

/** An agency's own bids in a round with their receipts and contents: the only way anyone reads a sealed bid before the close. */
@Controller('api/bidding/biddings/:biddingId/bids')
export class MyBidsHttpController {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly sealer: BidSealer,
  ) {}

  @Get('mine')
  @Roles('AGENCY')
  @Responds(OWN_BIDS)
  mine(@Param('biddingId', new ParseUUIDPipe()) biddingId: string, @CurrentUser() actor: AuthenticatedUser) {
    const agencyId = agencyOf(actor);
    return this.unitOfWork.run(async (tx) => {
      const round = await new BiddingRoundRepository(tx.manager).find(biddingId);
      const bids = await new BidRepository(tx.manager).ofAgency(round.biddingId, agencyId);
      return bids.map((b) => {
        const envelope = openEnvelope(this.sealer, b);
        return { bidId: b.bidId, commitment: b.commitment, salt: envelope.salt, bid: envelope.bid, status: b.status, submittedAt: b.submittedAt, endedAt: b.endedAt };
      });
    });
  }
}
