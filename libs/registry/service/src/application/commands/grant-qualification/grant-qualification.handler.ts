import { Injectable } from '@nestjs/common';
import { UnitOfWork, type IdempotencyKey } from '@mkt/shared/messaging';
import { AgencyRepository } from '../../../infrastructure/agency.repository';
import { publishAgencyEvent } from '../../agency-events.publisher';

export interface GrantQualificationCommand {
  readonly agencyId: string;
  readonly certificateNumber: string;
  readonly serviceItemCode: string;
  readonly level: number;
  readonly validFrom: string;
  readonly validUntil: string;
  readonly idempotency: IdempotencyKey | null;
}

@Injectable()
export class GrantQualificationHandler {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  execute(command: GrantQualificationCommand): Promise<{ agencyId: string; qualificationId: string }> {
    return this.unitOfWork.run(
      async (tx) => {
        const repository = new AgencyRepository(tx.manager);
        const { agency, version } = await repository.get(command.agencyId);
        const event = agency.grantQualification({
          id: command.certificateNumber,
          serviceItemCode: command.serviceItemCode,
          level: command.level,
          validFrom: command.validFrom,
          validUntil: command.validUntil,
        });
        // A certificate entered after its end date is on record, but expired from the start.
        const expired = agency.expireQualifications(tx.now);
        await repository.update(agency, version);
        [event, ...expired].forEach((e) => publishAgencyEvent(tx, e));
        return { agencyId: command.agencyId, qualificationId: command.certificateNumber };
      },
      { idempotency: command.idempotency },
    );
  }
}
