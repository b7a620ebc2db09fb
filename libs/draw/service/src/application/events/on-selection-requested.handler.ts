import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  agencyMustHaveFewerUnfinishedContracts, agencyMustNotHaveWonRecentlyForSameOwner, commitDraw, compareUtf8, drandRoundAt, drandRoundTime, freezePool, observerListProblem, planWitnesses,
  QUICKNET, ROTATION_RULE_SETS, UNIFORM_DRAW_V1, weighPoolByCredit, WEIGHTED_DRAW_V1, type EntropyPlan, type WeightedCandidate,
} from '@mkt/draw/core';
import { DrawFailedV1 } from '@mkt/draw/contracts';
import { SelectionRequestedV1 } from '@mkt/projects/contracts';
import { EventSubscriptions, type TransactionContext } from '@mkt/shared/messaging';
import type { EventEnvelope } from '@mkt/shared/contracts';
import { AgencyViewRepository } from '../../infrastructure/agency-view.repository';
import { DrawRepository } from '../../infrastructure/draw.repository';
import { OpenContractsRepository } from '../../infrastructure/open-contracts.repository';
import { DRAND_FETCH_GRACE_MS, DRAND_FETCH_TASK, DRAND_MARGIN_SECONDS, REVEAL_DEADLINE_TASK, REVEAL_WITHIN_MS } from '../../draw-settings';
import { publishCommitment } from '../draw-events.publisher';

type Request = SelectionRequestedV1;

/**
 * Steps 1–2 of the draw, in the transaction that marks the request handled: freeze the pool from this
 * service's own read model, seal a fresh CSPRNG secret, publish the commitment. A round too small to meet
 * its minimum fails (流标) instead, with every exclusion on the record.
 */
@Injectable()
export class OnSelectionRequestedHandler implements OnModuleInit {
  constructor(private readonly subscriptions: EventSubscriptions) {}

  onModuleInit(): void {
    this.subscriptions.on(SelectionRequestedV1, (event, tx) => this.handle(event, tx));
  }

  private async handle({ payload: request }: EventEnvelope<Request>, tx: TransactionContext): Promise<void> {
    if (request.method !== 'RANDOM_DRAW' && request.method !== 'CREDIT_WEIGHTED_DRAW') return;
    const draws = new DrawRepository(tx.manager);
    // One draw per project round: a repeated request for a round already decided changes nothing.
    if (await draws.exists(request.projectId, request.round)) return;
    const rules = ROTATION_RULE_SETS[request.rulesVersion];
    if (!rules) return this.fail(tx, request, 'UNKNOWN_RULES', 0, []);
    // Projects checks the observers when the owner names them; a list that still breaks the limits fails the round on the record.
    // A drand draw has no witness slots: observers named for one would be dropped unseen, so they fail the round too.
    const observers = request.observers ?? [];
    if (request.entropySource === 'drand' ? observers.length > 0 : observerListProblem(observers)) return this.fail(tx, request, 'INVALID_OBSERVERS', 0, []);

    const candidates = await new AgencyViewRepository(tx.manager).candidatesFor(request.serviceItemCode);
    const eligible = freezePool(
      candidates,
      { serviceItemCode: request.serviceItemCode, requiredLevel: request.requiredLevel, on: request.eligibleOn },
      { conflicts: request.conflictAgencyIds, signedUp: request.signedUpAgencyIds },
    );
    const history = await draws.winsForOwner(request.ownerOrganizationId);
    const rotated = agencyMustNotHaveWonRecentlyForSameOwner(eligible.pool, rules, history, request.ownerOrganizationId, tx.now);
    const unfinished = await new OpenContractsRepository(tx.manager).countsFor(rotated.pool);
    const unburdened = agencyMustHaveFewerUnfinishedContracts(rotated.pool, rules, unfinished);
    const credited = await this.creditWeighting(tx, request, unburdened.pool);
    if (!credited) return this.fail(tx, request, 'UNKNOWN_WEIGHT_FUNCTION', 0, []);
    const frozen = {
      pool: credited.pool,
      exclusions: [...eligible.exclusions, ...rotated.exclusions, ...unburdened.exclusions, ...credited.exclusions].sort((a, b) => compareUtf8(a.agencyId, b.agencyId)),
    };
    if (frozen.pool.length < Math.max(request.minimumCandidates, request.winners)) {
      return this.fail(tx, request, 'TOO_FEW_CANDIDATES', frozen.pool.length, frozen.exclusions);
    }

    const secret = randomBytes(32).toString('hex');
    const commitment = commitDraw({
      drawId: randomUUID(),
      projectId: request.projectId,
      round: request.round,
      algorithm: credited.weights ? WEIGHTED_DRAW_V1 : UNIFORM_DRAW_V1,
      rulesVersion: request.rulesVersion,
      k: request.winners,
      m: request.alternates,
      pool: frozen.pool,
      weights: credited.weights,
      // The rule the weights and the CREDIT_BELOW_THRESHOLD exclusions follow goes on the record with them.
      ...(credited.weights ? { weightFunction: request.weightFunction ?? '', creditThreshold: request.creditThreshold ?? 0 } : {}),
      exclusions: frozen.exclusions,
      entropyPlan: this.entropyPlan(request, tx.now),
      committedAt: tx.now.toISOString(),
      secret,
    });
    const revealDeadline = new Date(tx.now.getTime() + REVEAL_WITHIN_MS);
    await draws.insert(commitment, secret, request.ownerOrganizationId, revealDeadline);
    publishCommitment(tx, commitment, revealDeadline, { purpose: 'SELECTION' });
    tx.schedule(REVEAL_DEADLINE_TASK, commitment.drawId, revealDeadline);
    // Where relays are configured, the beacon is fetched once its round is out (FetchDrandBeaconHandler); else it is carried in by hand.
    const plan = commitment.entropyPlan;
    if (plan.source === 'drand') tx.schedule(DRAND_FETCH_TASK, commitment.drawId, new Date(drandRoundTime(plan.round) + DRAND_FETCH_GRACE_MS));
  }

  /**
   * 信用择优: firms below the threshold out (on the record), the rest weighed by the published function; a uniform
   * draw keeps its pool as it is. Null when the named weight function is not published.
   */
  private async creditWeighting(
    tx: TransactionContext,
    request: Request,
    pool: readonly string[],
  ): Promise<{ pool: readonly string[]; exclusions: readonly { agencyId: string; reason: string }[]; weights?: readonly WeightedCandidate[] } | null> {
    if (request.method !== 'CREDIT_WEIGHTED_DRAW') return { pool, exclusions: [] };
    const scores = await new AgencyViewRepository(tx.manager).creditScoresOf(pool);
    return weighPoolByCredit(pool, scores, request.creditThreshold ?? 0, request.weightFunction ?? '');
  }

  private entropyPlan(request: Request, now: Date): EntropyPlan {
    if (request.entropySource === 'drand') {
      return { source: 'drand', chainHash: QUICKNET.chainHash, round: drandRoundAt(now.getTime() / 1000 + DRAND_MARGIN_SECONDS) };
    }
    return planWitnesses(request.witnesses.length > 0 ? request.witnesses : ['OWNER', 'SUPERVISOR'], request.observers ?? []);
  }

  private async fail(tx: TransactionContext, request: Request, reason: 'TOO_FEW_CANDIDATES' | 'UNKNOWN_RULES' | 'UNKNOWN_WEIGHT_FUNCTION' | 'INVALID_OBSERVERS', poolSize: number, exclusions: readonly { agencyId: string; reason: string }[]): Promise<void> {
    const minimum = Math.max(request.minimumCandidates, request.winners);
    await new DrawRepository(tx.manager).recordFailure({ projectId: request.projectId, round: request.round, reason, poolSize, minimum, exclusions, at: tx.now });
    tx.publish(DrawFailedV1, request.projectId, { projectId: request.projectId, round: request.round, reason, poolSize, minimumCandidates: minimum, exclusions });
  }
}
