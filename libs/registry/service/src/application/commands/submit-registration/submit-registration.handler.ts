import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RegistrationApplication } from '@mkt/registry/core';
import type { AuthenticatedUser } from '@mkt/shared/auth';
import { UnitOfWork, type IdempotencyKey } from '@mkt/shared/messaging';
import { RegistrationRepository } from '../../../infrastructure/registration.repository';
import { actingAgencyId } from '../../acting-agency';
import { checkedRegistration } from './registration-content.mapper';
import type { RegistrationRequestDto } from './registration.request.dto';

export interface SubmitRegistrationCommand {
  readonly body: RegistrationRequestDto;
  readonly actor: AuthenticatedUser;
  readonly idempotency: IdempotencyKey | null;
}

/** A firm's user applies to join the marketplace for the organisation its account acts for. */
@Injectable()
export class SubmitRegistrationHandler {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  execute(command: SubmitRegistrationCommand): Promise<{ id: string; agencyId: string; status: string; revision: number }> {
    const agencyId = actingAgencyId(command.actor);
    return this.unitOfWork.run(
      async (tx) => {
        const content = await checkedRegistration(tx.manager, agencyId, command.body, tx.now);
        const repository = new RegistrationRepository(tx.manager);
        await repository.mustBeFreeToApply(agencyId, content.creditCode);
        const application = RegistrationApplication.submit({ id: randomUUID(), agencyId, content, actorUserId: command.actor.userId, now: tx.now });
        await repository.insert(application, tx.now);
        const s = application.snapshot;
        return { id: s.id, agencyId: s.agencyId, status: s.status, revision: s.revision };
      },
      { idempotency: command.idempotency },
    );
  }
}
