import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { misconductKindMustBeKnown, pointsForMisconduct, type CreditEntry } from '@mkt/registry/core';
import type { AuthenticatedUser } from '@mkt/shared/auth';
import { forbidden } from '@mkt/shared/kernel';
import { UnitOfWork, type IdempotencyKey } from '@mkt/shared/messaging';
import { CreditRepository } from '../../../infrastructure/credit.repository';
import { changeCreditIn } from '../../credit-change';

export interface RecordMisconductCommand {
  readonly agencyId: string;
  readonly kind: string;
  readonly reason: string;
  readonly projectId: string | null;
  readonly actor: AuthenticatedUser;
  readonly idempotency: IdempotencyKey | null;
}

/** A supervisor's finding of misconduct (over-charging, false materials, …): kept with its reason, and charged to the credit record. */
@Injectable()
export class RecordMisconductHandler {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  execute(command: RecordMisconductCommand): Promise<{ misconductId: string; entries: CreditEntry[] }> {
    if (command.actor.role !== 'SUPERVISOR') throw forbidden('AUTH.FORBIDDEN', 'only supervisors record misconduct');
    const kind = misconductKindMustBeKnown(command.kind);
    const points = pointsForMisconduct(kind, command.reason);
    return this.unitOfWork.run(
      async (tx) => {
        const misconductId = randomUUID();
        const projectId = command.projectId?.trim() || null;
        const entries = await changeCreditIn(tx, command.agencyId, [points], { projectId, sourceId: misconductId });
        await new CreditRepository(tx.manager).recordMisconduct({
          id: misconductId,
          agencyId: command.agencyId,
          kind,
          projectId,
          reason: points.detail,
          recordedBy: command.actor.userId,
          recordedAt: tx.now,
        });
        return { misconductId, entries };
      },
      { idempotency: command.idempotency },
    );
  }
}
