import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { commitDraw, compareUtf8, UNIFORM_DRAW_V1 } from '@mkt/draw/core';
import { TieBreakRequestedV1 } from '@mkt/bidding/contracts';
import { EventSubscriptions, type TransactionContext } from '@mkt/shared/messaging';
import type { EventEnvelope } from '@mkt/shared/contracts';
import { DrawRepository, type DrawPurpose } from '../../infrastructure/draw.repository';
import { REVEAL_DEADLINE_TASK, REVEAL_WITHIN_MS, TIE_BREAK_RULES_VERSION } from '../../draw-settings';
import { publishCommitment } from '../draw-events.publisher';

/**
 * Orders agencies whose bids tied exactly, by the same commit–entropy–reveal draw as a selection: the pool is
 * the tied agencies (no eligibility or rotation screen — they qualified to bid), k = 1 and m = n − 1, so the
 * winner and the alternates in order are the whole group's order. Witnessed like any draw; never by time or id.
 */
@Injectable()
export class OnTieBreakRequestedHandler implements OnModuleInit {
  constructor(private readonly subscriptions: EventSubscriptions) {}

  onModuleInit(): void {
    this.subscriptions.on(TieBreakRequestedV1, (event, tx) => this.handle(event, tx));
  }

  private async handle({ payload: request }: EventEnvelope<TieBreakRequestedV1>, tx: TransactionContext): Promise<void> {
    const purpose: DrawPurpose = { purpose: 'TIE_BREAK', tieBreak: { biddingId: request.biddingId, position: request.position } };
    const draws = new DrawRepository(tx.manager);
    if (await draws.exists(request.projectId, request.round, purpose)) return;
    const pool = [...new Set(request.agencyIds)].sort(compareUtf8);
    const secret = randomBytes(32).toString('hex');
    const commitment = commitDraw({
      drawId: randomUUID(),
      projectId: request.projectId,
      round: request.round,
      algorithm: UNIFORM_DRAW_V1,
      rulesVersion: TIE_BREAK_RULES_VERSION,
      k: 1,
      m: pool.length - 1,
      pool,
      exclusions: [],
      entropyPlan: { source: 'witnesses', witnesses: [...request.witnesses] },
      committedAt: tx.now.toISOString(),
      secret,
    });
    const revealDeadline = new Date(tx.now.getTime() + REVEAL_WITHIN_MS);
    await draws.insert(commitment, secret, request.ownerOrganizationId, revealDeadline, purpose);
    publishCommitment(tx, commitment, revealDeadline, purpose);
    tx.schedule(REVEAL_DEADLINE_TASK, commitment.drawId, revealDeadline);
  }
}
