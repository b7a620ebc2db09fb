import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DrawFailedV1, DrawRevealedV1 } from '@mkt/draw/contracts';
import { EventSubscriptions, type TransactionContext } from '@mkt/shared/messaging';
import { changeProjectIn } from '../change-project';

/**
 * Takes the draw service's answer back into the project: a revealed draw starts publicity with its winners
 * and alternates; a failed draw fails the round. A result for a round that is no longer current is refused
 * by the aggregate, so a late or repeated answer never overwrites a newer one.
 */
@Injectable()
export class OnDrawResultsHandler implements OnModuleInit {
  constructor(private readonly subscriptions: EventSubscriptions) {}

  onModuleInit(): void {
    this.subscriptions
      // A tie-break draw orders bids for the bidding service; the bidding result, not the draw, reaches the project.
      .on(DrawRevealedV1, ({ payload: d }, tx) => d.purpose !== 'SELECTION' ? Promise.resolve() : recordDrawResult(tx, { round: d.round, projectId: d.projectId, drawId: d.drawId, poolSize: d.poolSize, winners: d.winners, alternates: d.alternates }))
      // No draw was committed; the failure itself, by project and round, is the source on record.
      .on(DrawFailedV1, ({ payload: f }, tx) => recordDrawResult(tx, { round: f.round, projectId: f.projectId, drawId: `failed:${f.projectId}:${f.round}`, poolSize: f.poolSize, winners: [], alternates: [] }));
  }
}

async function recordDrawResult(
  tx: TransactionContext,
  r: { projectId: string; round: number; drawId: string; poolSize: number; winners: readonly string[]; alternates: readonly string[] },
): Promise<void> {
  await changeProjectIn(tx, r.projectId, (project, now) => {
    if (project.snapshot.status !== 'SELECTING' || project.snapshot.round !== r.round) return [];
    const method = project.snapshot.terms.selection.method === 'CREDIT_WEIGHTED_DRAW' ? 'CREDIT_WEIGHTED_DRAW' : 'RANDOM_DRAW';
    return project.recordSelectionResult({ method, round: r.round, drawId: r.drawId, poolSize: r.poolSize, winners: r.winners, alternates: r.alternates }, now);
  });
}
