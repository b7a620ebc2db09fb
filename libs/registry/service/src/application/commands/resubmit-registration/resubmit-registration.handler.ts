import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@mkt/shared/auth';
import { UnitOfWork, type IdempotencyKey } from '@mkt/shared/messaging';
import { RegistrationRepository } from '../../../infrastructure/registration.repository';
import { actingAgencyId } from '../../acting-agency';
import { checkedRegistration } from '../submit-registration/registration-content.mapper';
import type { RegistrationRequestDto } from '../submit-registration/registration.request.dto';

export interface ResubmitRegistrationCommand {
  readonly applicationId: string;
  readonly body: RegistrationRequestDto;
  readonly actor: AuthenticatedUser;
  readonly idempotency: IdempotencyKey | null;
}

/** The firm corrects its application after a request for changes and sends it back for review. */
@Injectable()
export class ResubmitRegistrationHandler {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  execute(command: ResubmitRegistrationCommand): Promise<{ id: string; status: string; revision: number }> {
    const agencyId = actingAgencyId(command.actor);
    return this.unitOfWork.run(
      async (tx) => {
        const repository = new RegistrationRepository(tx.manager);
        const { application, version } = await repository.get(command.applicationId, true);
        application.applicantMustBe(agencyId);
        const content = await checkedRegistration(tx.manager, agencyId, command.body, tx.now);
        await repository.creditCodeMustBeFree(content.creditCode, application.snapshot.id);
        application.resubmit(content, command.actor.userId, tx.now);
        await repository.update(application, version, tx.now);
        const s = application.snapshot;
        return { id: s.id, status: s.status, revision: s.revision };
      },
      { idempotency: command.idempotency },
    );
  }
}
