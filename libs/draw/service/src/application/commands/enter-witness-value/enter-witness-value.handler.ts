import { Injectable } from '@nestjs/common';
import { revealDraw, witnessMustBeNamedAndEnterOnce, witnessSlotOf } from '@mkt/draw/core';
import { EntropyContributedV1 } from '@mkt/draw/contracts';
import type { AuthenticatedUser } from '@mkt/shared/auth';
import { conflict } from '@mkt/shared/kernel';
import { UnitOfWork, type IdempotencyKey } from '@mkt/shared/messaging';
import { DrawRepository, purposeOf } from '../../../infrastructure/draw.repository';
import { publishReveal } from '../../draw-events.publisher';

export interface EnterWitnessValueCommand {
  readonly drawId: string;
  readonly value: string;
  readonly actor: AuthenticatedUser;
  readonly idempotency: IdempotencyKey | null;
}

/**
 * Step 3 for witness draws. The value that completes the entropy reveals the draw in the same transaction:
 * there is no moment at which anyone could see the outcome and decide to withhold it.
 */
@Injectable()
export class EnterWitnessValueHandler {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  execute(command: EnterWitnessValueCommand): Promise<{ drawId: string; revealed: boolean; winners: readonly string[] | null }> {
    return this.unitOfWork.run(
      async (tx) => {
        const draws = new DrawRepository(tx.manager);
        const draw = await draws.lockForReveal(command.drawId);
        if (draw.status !== 'COMMITTED') throw conflict('DRAW.ALREADY_REVEALED', 'this draw has already been revealed');
        const plan = draw.commitment.entropyPlan;
        if (plan.source !== 'witnesses') throw conflict('DRAW.NOT_A_WITNESS_DRAW', 'this draw takes its entropy from drand, not from witnesses');
        const { pool, exclusions } = draw.commitment;
        const witness = witnessSlotOf(command.actor, { ownerOrganizationId: draw.ownerOrganizationId, plan, pool, exclusions });
        const { entropy, complete } = witnessMustBeNamedAndEnterOnce(plan.witnesses, draw.witnessValues, witness, command.value);
        await draws.saveWitnessValues(draw.drawId, entropy.values);
        const entered = entropy.values[entropy.values.length - 1];
        tx.publish(EntropyContributedV1, draw.drawId, { drawId: draw.drawId, projectId: draw.projectId, round: draw.round, witness, value: entered.value });
        if (!complete) return { drawId: draw.drawId, revealed: false, winners: null };
        const record = revealDraw(draw.commitment, draw.secret, entropy);
        await draws.markRevealed(record, tx.now);
        publishReveal(tx, record, purposeOf(draw));
        return { drawId: draw.drawId, revealed: true, winners: record.winners };
      },
      { idempotency: command.idempotency },
    );
  }
}
