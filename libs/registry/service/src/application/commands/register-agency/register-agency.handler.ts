import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Agency } from '@mkt/registry/core';
import { UnitOfWork, type IdempotencyKey } from '@mkt/shared/messaging';
import { AgencyRepository } from '../../../infrastructure/agency.repository';
import { publishAgencyEvent } from '../../agency-events.publisher';

export interface RegisterAgencyCommand {
  readonly name: string;
  readonly creditCode: string;
  readonly region: string;
  readonly idempotency: IdempotencyKey | null;
}

@Injectable()
export class RegisterAgencyHandler {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  execute(command: RegisterAgencyCommand): Promise<{ id: string; status: string }> {
    return this.unitOfWork.run(
      async (tx) => {
        const { agency, event } = Agency.register({ id: randomUUID(), name: command.name, creditCode: command.creditCode, region: command.region });
        await new AgencyRepository(tx.manager).insert(agency);
        publishAgencyEvent(tx, event);
        return { id: agency.snapshot.id, status: agency.snapshot.status };
      },
      { idempotency: command.idempotency },
    );
  }
}
