import { Injectable } from '@nestjs/common';
import { withdrawalMustBeAllowed } from '@mkt/bidding/core';
import { BidWithdrawnV1 } from '@mkt/bidding/contracts';
import type { AuthenticatedUser } from '@mkt/shared/auth';
import { conflict } from '@mkt/shared/kernel';
import { UnitOfWork, type IdempotencyKey } from '@mkt/shared/messaging';
import { BidRepository } from '../../../infrastructure/bid.repository';
import { BiddingRoundRepository } from '../../../infrastructure/bidding-round.repository';
import { submissionContext } from '../../../infrastructure/submission-context.query';
import { agencyOf } from '../agency-of';

/** Withdraws the caller's live bid before the deadline; it stays on record as WITHDRAWN and the agency may bid again. */
@Injectable()
export class WithdrawBidHandler {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  execute(command: { biddingId: string; actor: AuthenticatedUser; idempotency: IdempotencyKey | null }): Promise<{ biddingId: string; commitment: string; withdrawnAt: string }> {
    return this.unitOfWork.run(
      async (tx) => {
        const agencyId = agencyOf(command.actor);
        await new BiddingRoundRepository(tx.manager).holdOpenForWithdrawal(command.biddingId);
        const { round, live } = await submissionContext(tx.manager, command.biddingId, agencyId);
        const now = tx.now.toISOString();
        withdrawalMustBeAllowed(round.rules, round.status === 'OPEN' ? 'OPEN' : 'CLOSED', now);
        const bids = new BidRepository(tx.manager);
        if (!live) throw conflict('BIDDING.NO_LIVE_BID', 'the agency has no live bid to withdraw', 'agencyId');
        await bids.end(live.bidId, 'WITHDRAWN', now);
        tx.publish(BidWithdrawnV1, round.biddingId, { biddingId: round.biddingId, projectId: round.projectId, agencyId, commitment: live.commitment, withdrawnAt: now });
        return { biddingId: round.biddingId, commitment: live.commitment, withdrawnAt: now };
      },
      { idempotency: command.idempotency },
    );
  }
}
