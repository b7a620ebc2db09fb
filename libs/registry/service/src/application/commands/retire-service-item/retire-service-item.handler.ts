import { Inject, Injectable } from '@nestjs/common';
import type { CatalogChange } from '@mkt/registry/core';
import { CLOCK, UnitOfWork, type Clock, type IdempotencyKey } from '@mkt/shared/messaging';
import { changeCatalog } from '../../change-catalog';

export interface RetireServiceItemCommand {
  readonly code: string;
  readonly reason: string;
  readonly effectiveDate: string | null;
  readonly idempotency: IdempotencyKey | null;
}

@Injectable()
export class RetireServiceItemHandler {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: RetireServiceItemCommand): Promise<CatalogChange> {
    return changeCatalog(this.unitOfWork, this.clock, command.idempotency, (catalog, today) => catalog.retireItem(command.code, command.reason, command.effectiveDate ?? today));
  }
}
