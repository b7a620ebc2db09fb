import { Injectable, type OnModuleInit } from '@nestjs/common';
import { BiddingDecidedV1 } from '@mkt/bidding/contracts';
import { EventSubscriptions } from '@mkt/shared/messaging';
import { changeProjectIn } from '../change-project';

/**
 * Takes the bidding service's decision back into the project: the ranked bids (ties already broken by their
 * draws) start publicity, or too few valid bids fail the round. As with draws, a decision for a round that is
 * no longer current changes nothing.
 */
@Injectable()
export class OnBiddingResultsHandler implements OnModuleInit {
  constructor(private readonly subscriptions: EventSubscriptions) {}

  onModuleInit(): void {
    this.subscriptions.on(BiddingDecidedV1, ({ payload: d }, tx) =>
      changeProjectIn(tx, d.projectId, (project, now) => {
        if (project.snapshot.status !== 'SELECTING' || project.snapshot.round !== d.round) return [];
        return project.recordSelectionResult(
          {
            method: 'BIDDING',
            round: d.round,
            biddingId: d.biddingId,
            validBidCount: d.validBidCount,
            rankedBids: d.outcome === 'SELECTED' ? d.rankedBids.map((b) => ({ agencyId: b.agencyId, quote: b.quote })) : [],
          },
          now,
        );
      }).then(() => undefined),
    );
  }
}
