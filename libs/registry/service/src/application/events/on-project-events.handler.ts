import { Injectable, type OnModuleInit } from '@nestjs/common';
import { pointsForDeclinedAward, pointsForEvaluation } from '@mkt/registry/core';
import { AgencyEvaluatedV1, AwardDeclinedV1, ContractRecordedV1, ProjectAwardedV1, ServiceCompletedV1 } from '@mkt/projects/contracts';
import { EventSubscriptions } from '@mkt/shared/messaging';
import { EngagementRepository } from '../../infrastructure/engagement.repository';
import { changeCreditIn } from '../credit-change';

/**
 * Folds the projects service's outcomes into each agency's credit record (evaluations, declined wins) and its
 * public track record (wins, contracts, completions), dated when the projects service says they happened. The
 * inbox runs each event once, with its effect.
 */
@Injectable()
export class OnProjectEventsHandler implements OnModuleInit {
  constructor(private readonly subscriptions: EventSubscriptions) {}

  onModuleInit(): void {
    this.subscriptions
      .on(AgencyEvaluatedV1, async ({ id, occurredAt, payload: p }, tx) => {
        await new EngagementRepository(tx.manager).evaluated(p.agencyId, p.projectId, p.quality, new Date(occurredAt));
        await changeCreditIn(tx, p.agencyId, pointsForEvaluation(p), { projectId: p.projectId, sourceId: id });
      })
      .on(AwardDeclinedV1, async ({ id, payload: p }, tx) => {
        await new EngagementRepository(tx.manager).declined(p.agencyId, p.projectId, p.cause);
        await changeCreditIn(tx, p.agencyId, [pointsForDeclinedAward(p.cause)], { projectId: p.projectId, sourceId: id });
      })
      .on(ProjectAwardedV1, async ({ occurredAt, payload: p }, tx) => {
        for (const winner of p.winners) await new EngagementRepository(tx.manager).reached(winner.agencyId, p.projectId, 'awarded_at', new Date(occurredAt));
      })
      .on(ContractRecordedV1, ({ occurredAt, payload: p }, tx) => new EngagementRepository(tx.manager).reached(p.agencyId, p.projectId, 'contracted_at', new Date(occurredAt)))
      .on(ServiceCompletedV1, ({ occurredAt, payload: p }, tx) => new EngagementRepository(tx.manager).reached(p.agencyId, p.projectId, 'completed_at', new Date(occurredAt)));
  }
}
