import { Injectable, type OnModuleInit } from '@nestjs/common';
import { BiddingRound, bidderMustBeEligible } from '@mkt/bidding/core';
import { TaskScheduler, type TransactionContext } from '@mkt/shared/messaging';
import { BidSealer } from '../../infrastructure/bid-sealer';
import { BidRepository } from '../../infrastructure/bid.repository';
import { BidderStandingRepository } from '../../infrastructure/bidder-standing.repository';
import { BiddingRoundRepository, type StoredRound } from '../../infrastructure/bidding-round.repository';
import { CLOSE_BIDDING_TASK } from '../../bidding-settings';
import { closingOf, publishClosed, publishFailed, publishSelected, requestTieBreaks } from '../bidding-events.publisher';
import { submissionOf } from '../sealed-envelope';

/**
 * The close at the deadline, from the durable scheduler: every live bid is opened, checked against its
 * commitment and evaluated, in one transaction holding the round exclusively — so no bid in flight can land
 * after it, and a restart or a second run finds the round closed and does nothing.
 */
@Injectable()
export class CloseBiddingHandler implements OnModuleInit {
  constructor(
    private readonly scheduler: TaskScheduler,
    private readonly sealer: BidSealer,
  ) {}

  onModuleInit(): void {
    this.scheduler.on(CLOSE_BIDDING_TASK, (task, tx) => this.close(tx, task.key));
  }

  /** Bidders admitted when they bid whose standing has since lapsed (sanctioned, withdrawn, qualification gone). */
  private async noLongerEligible(tx: TransactionContext, round: StoredRound, agencyIds: readonly string[]): Promise<Map<string, string>> {
    const standings = await new BidderStandingRepository(tx.manager).findMany(agencyIds);
    const ineligible = new Map<string, string>();
    for (const agencyId of agencyIds) {
      const refusal = bidderMustBeEligible(standings.get(agencyId) ?? null, round.serviceItemCode, round.requiredLevel, round.eligibleOn);
      if (refusal) ineligible.set(agencyId, refusal);
    }
    return ineligible;
  }

  private async close(tx: TransactionContext, biddingId: string): Promise<void> {
    const rounds = new BiddingRoundRepository(tx.manager);
    const round = await rounds.lockForChange(biddingId);
    const now = tx.now.toISOString();
    if (round.status === 'VOID') {
      await rounds.recordVoidFailure(biddingId, now);
      publishFailed(tx, round, 0, { reason: round.voidReason ?? 'VOID', required: round.rules.minimumValidBids, actual: 0 });
      return;
    }
    if (round.status !== 'OPEN') return;

    const live = await new BidRepository(tx.manager).live(biddingId);
    const ineligible = await this.noLongerEligible(tx, round, live.map((b) => b.agencyId));
    const { round: closed } = BiddingRound.restore({
      rules: round.rules,
      openedAt: round.openedAt,
      status: 'OPEN',
      submissions: live.map((row) => submissionOf(this.sealer, row)),
      closedAt: null,
      revealed: [],
      evaluation: null,
    }).close(now, ineligible);
    const evaluation = closed.state.evaluation!;
    const closing = closingOf(round, closed.state.revealed, evaluation, now);
    publishClosed(tx, closing);

    if (evaluation.failure) {
      await rounds.recordClose(biddingId, { status: 'FAILED', closedAt: now, closing, ranking: [], pendingTies: [], decidedAt: now });
      publishFailed(tx, round, evaluation.validBids.length, evaluation.failure);
    } else if (evaluation.tiedGroups.length > 0) {
      await rounds.recordClose(biddingId, { status: 'TIE_BREAK', closedAt: now, closing, ranking: evaluation.ranking, pendingTies: evaluation.tiedGroups, decidedAt: null });
      requestTieBreaks(tx, round, evaluation.tiedGroups);
    } else {
      await rounds.recordClose(biddingId, { status: 'DECIDED', closedAt: now, closing, ranking: evaluation.ranking, pendingTies: [], decidedAt: now });
      publishSelected(tx, round, closing, evaluation.ranking, []);
    }
  }
}
