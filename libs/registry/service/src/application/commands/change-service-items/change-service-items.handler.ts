import { Injectable } from '@nestjs/common';
import { UnitOfWork, type IdempotencyKey } from '@mkt/shared/messaging';
import { AgencyRepository } from '../../../infrastructure/agency.repository';
import { publishAgencyEvent } from '../../agency-events.publisher';
import { itemRequirements } from '../../item-requirements';

export interface ChangeServiceItemsCommand {
  readonly agencyId: string;
  readonly serviceItems: readonly string[];
  readonly idempotency: IdempotencyKey | null;
}

/**
 * A firm changes the items it offers. No review: every item must be covered by a certificate the operator
 * already checked; a certificate not yet on record goes through a registration review first.
 */
@Injectable()
export class ChangeServiceItemsHandler {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  execute(command: ChangeServiceItemsCommand): Promise<{ agencyId: string; serviceItems: readonly string[]; sequence: number }> {
    return this.unitOfWork.run(
      async (tx) => {
        const repository = new AgencyRepository(tx.manager);
        const { agency, version } = await repository.get(command.agencyId);
        const events = agency.offerServiceItems(command.serviceItems, await itemRequirements(tx.manager), tx.now);
        if (events.length > 0) await repository.update(agency, version);
        events.forEach((e) => publishAgencyEvent(tx, e));
        return { agencyId: command.agencyId, serviceItems: agency.snapshot.serviceItems, sequence: agency.snapshot.serviceItemsSequence };
      },
      { idempotency: command.idempotency },
    );
  }
}
