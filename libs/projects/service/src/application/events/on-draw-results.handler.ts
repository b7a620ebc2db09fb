import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DrawFailedV1, DrawRevealedV1 } from '@mkt/draw/contracts';
import { EventSubscriptions } from '@mkt/shared/messaging';
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
      .on(DrawRevealedV1, async ({ payload: d }, tx) => {
        await changeProjectIn(tx, d.projectId, (project, now) => {
          if (project.snapshot.status !== 'SELECTING' || project.snapshot.round !== d.round) return [];
          const method = project.snapshot.terms.selection.method === 'CREDIT_WEIGHTED_DRAW' ? 'CREDIT_WEIGHTED_DRAW' : 'RANDOM_DRAW';
          return project.recordSelectionResult({ method, round: d.round, drawId: d.drawId, poolSize: d.poolSize, winners: d.winners, alternates: d.alternates }, now);
        });
      })
      .on(DrawFailedV1, async ({ payload: f }, tx) => {
        await changeProjectIn(tx, f.projectId, (project, now) => {
          if (project.snapshot.status !== 'SELECTING' || project.snapshot.round !== f.round) return [];
          const method = project.snapshot.terms.selection.method === 'CREDIT_WEIGHTED_DRAW' ? 'CREDIT_WEIGHTED_DRAW' : 'RANDOM_DRAW';
          // No draw was committed; the failure itself, by project and round, is the source on record.
          return project.recordSelectionResult({ method, round: f.round, drawId: `failed:${f.projectId}:${f.round}`, poolSize: f.poolSize, winners: [], alternates: [] }, now);
        });
      });
  }
}
