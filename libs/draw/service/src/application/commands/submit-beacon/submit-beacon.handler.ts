import { Injectable } from '@nestjs/common';
import { QUICKNET, revealDraw, verifyDrandBeacon } from '@mkt/draw/core';
import { conflict, invalid } from '@mkt/shared/kernel';
import { UnitOfWork } from '@mkt/shared/messaging';
import { DrawRepository, purposeOf } from '../../../infrastructure/draw.repository';
import { publishReveal } from '../../draw-events.publisher';

/**
 * Step 3 for drand draws: the beacon of the committed round, fetched or carried in by hand. It is checked
 * against the pinned chain key, so whoever brings it cannot forge or choose it; a valid one reveals at once.
 */
@Injectable()
export class SubmitBeaconHandler {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  execute(command: { drawId: string; round: number; signature: string }): Promise<{ drawId: string; winners: readonly string[] }> {
    return this.unitOfWork.run(async (tx) => {
      const draws = new DrawRepository(tx.manager);
      const draw = await draws.lockForReveal(command.drawId);
      if (draw.status !== 'COMMITTED') return { drawId: draw.drawId, winners: draw.record?.winners ?? [] };
      const plan = draw.commitment.entropyPlan;
      if (plan.source !== 'drand') throw conflict('DRAW.NOT_A_DRAND_DRAW', 'this draw takes its entropy from witnesses');
      if (command.round !== plan.round) throw invalid('DRAW.WRONG_ROUND', `the commitment fixed drand round ${plan.round}`, 'round');
      const beacon = verifyDrandBeacon(command, QUICKNET.publicKey);
      if (!beacon.ok) throw invalid('DRAW.INVALID_BEACON', beacon.reason, 'signature');
      const record = revealDraw(draw.commitment, draw.secret, { source: 'drand', chainHash: plan.chainHash, round: plan.round, signature: command.signature, randomness: beacon.randomness });
      await draws.markRevealed(record, tx.now);
      publishReveal(tx, record, purposeOf(draw));
      return { drawId: draw.drawId, winners: record.winners };
    });
  }
}
