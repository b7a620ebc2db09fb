import { Injectable, type OnModuleInit } from '@nestjs/common';
import { applyTieBreak } from '@mkt/bidding/core';
import { DrawRevealedV1 } from '@mkt/draw/contracts';
import { EventSubscriptions, type TransactionContext } from '@mkt/shared/messaging';
import { BiddingRoundRepository } from '../../infrastructure/bidding-round.repository';
import { publishSelected } from '../bidding-events.publisher';

/**
 * A tie-break draw revealed: its order (winner, then alternates) becomes the tied agencies' order. When the
 * last tied position is ordered, the round is decided and the ranked bids go to projects.
 */
@Injectable()
export class OnTieBreakDrawnHandler implements OnModuleInit {
  constructor(private readonly subscriptions: EventSubscriptions) {}

  onModuleInit(): void {
    this.subscriptions.on(DrawRevealedV1, ({ payload: d }, tx) => (d.purpose === 'TIE_BREAK' && d.tieBreak ? this.apply(tx, d.tieBreak, d.drawId, [...d.winners, ...d.alternates]) : Promise.resolve()));
  }

  private async apply(tx: TransactionContext, tieBreak: { biddingId: string; position: number }, drawId: string, order: readonly string[]): Promise<void> {
    const rounds = new BiddingRoundRepository(tx.manager);
    const round = await rounds.lockForChange(tieBreak.biddingId);
    const group = round.pendingTies.find((g) => g.position === tieBreak.position);
    if (round.status !== 'TIE_BREAK' || !group || !round.ranking || !round.closing) return;
    const ranking = applyTieBreak(round.ranking, order);
    const pendingTies = round.pendingTies.filter((g) => g !== group);
    const tieBreakDraws = [...round.tieBreakDraws, drawId];
    const decided = pendingTies.length === 0;
    await rounds.recordTieBreak(round.biddingId, { status: decided ? 'DECIDED' : 'TIE_BREAK', ranking, pendingTies, tieBreakDraws, decidedAt: decided ? tx.now.toISOString() : null });
    if (decided) publishSelected(tx, round, round.closing, ranking, tieBreakDraws);
  }
}
