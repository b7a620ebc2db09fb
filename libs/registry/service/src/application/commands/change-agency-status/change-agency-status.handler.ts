import { Injectable } from '@nestjs/common';
import type { AgencyStatus } from '@mkt/registry/core';
import type { AuthenticatedUser } from '@mkt/shared/auth';
import { forbidden } from '@mkt/shared/kernel';
import { UnitOfWork, type IdempotencyKey } from '@mkt/shared/messaging';
import { AgencyRepository } from '../../../infrastructure/agency.repository';
import { publishAgencyEvent } from '../../agency-events.publisher';

export interface ChangeAgencyStatusCommand {
  readonly agencyId: string;
  readonly status: AgencyStatus;
  readonly reason: string;
  readonly actor: AuthenticatedUser;
  readonly idempotency: IdempotencyKey | null;
}

// Registration review belongs to the operator; sanctions belong to the supervisors.
const WHO_MAY_SET: Record<AgencyStatus, readonly string[]> = {
  PENDING: [],
  ACTIVE: ['ADMIN', 'SUPERVISOR'],
  SUSPENDED: ['SUPERVISOR'],
  BLACKLISTED: ['SUPERVISOR'],
  WITHDRAWN: ['ADMIN'],
};

@Injectable()
export class ChangeAgencyStatusHandler {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  execute(command: ChangeAgencyStatusCommand): Promise<{ id: string; status: string; sequence: number }> {
    if (!WHO_MAY_SET[command.status].includes(command.actor.role)) {
      throw forbidden('AUTH.FORBIDDEN', `${command.actor.role} may not set an agency ${command.status}`);
    }
    return this.unitOfWork.run(
      async (tx) => {
        const repository = new AgencyRepository(tx.manager);
        const { agency, version } = await repository.get(command.agencyId);
        const event = agency.changeStatus(command.status, command.reason);
        await repository.update(agency, version);
        publishAgencyEvent(tx, event);
        return { id: command.agencyId, status: agency.snapshot.status, sequence: agency.snapshot.statusSequence };
      },
      { idempotency: command.idempotency },
    );
  }
}
