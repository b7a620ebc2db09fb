import { Inject, Injectable } from '@nestjs/common';
import type { CatalogChange, ServiceItemStandard } from '@mkt/registry/core';
import { CLOCK, UnitOfWork, type Clock, type IdempotencyKey } from '@mkt/shared/messaging';
import { changeCatalog } from '../../change-catalog';

export interface AddServiceItemCommand {
  readonly standard: ServiceItemStandard;
  readonly reason: string;
  readonly effectiveDate: string | null;
  readonly idempotency: IdempotencyKey | null;
}

@Injectable()
export class AddServiceItemHandler {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: AddServiceItemCommand): Promise<CatalogChange> {
    return changeCatalog(this.unitOfWork, this.clock, command.idempotency, (catalog, today) => catalog.addItem(command.standard, command.reason, command.effectiveDate ?? today));
  }
}
