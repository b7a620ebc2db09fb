import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { Public } from '@mkt/shared/auth';
import { Responds, schema } from '@mkt/shared/http';
import { UnitOfWork, type TransactionContext } from '@mkt/shared/messaging';
import { BidRepository } from '../../../infrastructure/bid.repository';
import { BiddingRoundRepository, type StoredRound } from '../../../infrastructure/bidding-round.repository';
import { BIDDING_VIEW } from '../../http-responses';

/**
 * Bidding rounds are public records. While bids are sealed: the rules and the live commitments, with no agency
 * and no price, so any bidder can see its commitment is in the sealed set. After the close: the revealed table,
 * the evaluation, the tie-break draws, and every submission, replaced and withdrawn ones included.
 */
@Controller('api/bidding')
export class GetBiddingHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  @Get('biddings/:biddingId')
  @Public()
  @Responds(BIDDING_VIEW)
  get(@Param('biddingId', new ParseUUIDPipe()) biddingId: string) {
    return this.unitOfWork.run(async (tx) => publicView(tx, await new BiddingRoundRepository(tx.manager).find(biddingId)));
  }

  @Get('projects/:projectId/biddings')
  @Public()
  @Responds(schema.array(BIDDING_VIEW))
  forProject(@Param('projectId') projectId: string) {
    return this.unitOfWork.run(async (tx) => {
      const rounds = await new BiddingRoundRepository(tx.manager).findForProject(projectId);
      return Promise.all(rounds.map((r) => publicView(tx, r)));
    });
  }
}

async function publicView(tx: TransactionContext, r: StoredRound) {
  const bids = await new BidRepository(tx.manager).all(r.biddingId);
  const base = {
    biddingId: r.biddingId,
    projectId: r.projectId,
    round: r.round,
    status: r.status,
    voidReason: r.voidReason,
    rules: r.rules,
    serviceItemCode: r.serviceItemCode,
    requiredLevel: r.requiredLevel,
    openedAt: r.openedAt,
  };
  if (r.closedAt === null) {
    return { ...base, sealedCommitments: bids.filter((b) => b.status === 'LIVE').map((b) => b.commitment).sort() };
  }
  return {
    ...base,
    closedAt: r.closedAt,
    decidedAt: r.decidedAt,
    closing: r.closing,
    ranking: r.ranking,
    pendingTies: r.pendingTies,
    tieBreakDrawIds: r.tieBreakDraws,
    submissions: bids.map((b) => ({ agencyId: b.agencyId, commitment: b.commitment, status: b.status, submittedAt: b.submittedAt, endedAt: b.endedAt })),
  };
}
