import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RevealOverdueV1 } from '@mkt/draw/contracts';
import { TaskScheduler } from '@mkt/shared/messaging';
import { DrawRepository } from '../../infrastructure/draw.repository';
import { REVEAL_DEADLINE_TASK } from '../../draw-settings';

/** At the reveal deadline, a draw still waiting for entropy is flagged to supervisors; a revealed one is left alone. */
@Injectable()
export class OnRevealDeadlineHandler implements OnModuleInit {
  constructor(private readonly scheduler: TaskScheduler) {}

  onModuleInit(): void {
    this.scheduler.on(REVEAL_DEADLINE_TASK, async (task, tx) => {
      const draws = new DrawRepository(tx.manager);
      const draw = await draws.lockForReveal(task.key);
      if (draw.status !== 'COMMITTED' || draw.overdueAt !== null) return;
      const plan = draw.commitment.entropyPlan;
      const missing = plan.source === 'witnesses' ? plan.witnesses.filter((w) => !draw.witnessValues.some((v) => v.witness === w)) : [];
      await draws.markOverdue(draw.drawId, tx.now);
      tx.publish(RevealOverdueV1, draw.drawId, { drawId: draw.drawId, projectId: draw.projectId, round: draw.round, revealDeadline: draw.revealDeadline, witnessesMissing: missing });
    });
  }
}
