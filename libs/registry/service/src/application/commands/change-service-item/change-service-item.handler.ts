import { Inject, Injectable } from '@nestjs/common';
import type { CatalogChange, ServiceItemStandard } from '@mkt/registry/core';
import { CLOCK, UnitOfWork, type Clock, type IdempotencyKey } from '@mkt/shared/messaging';
import { changeCatalog } from '../../change-catalog';

export interface ChangeServiceItemCommand {
  readonly code: string;
  readonly standard: Omit<ServiceItemStandard, 'code'>;
  readonly reason: string;
  readonly effectiveDate: string | null;
  readonly idempotency: IdempotencyKey | null;
}

@Injectable()
export class ChangeServiceItemHandler {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: ChangeServiceItemCommand): Promise<CatalogChange> {
    return changeCatalog(this.unitOfWork, this.clock, command.idempotency, (catalog, today) =>
      catalog.changeItem(command.code, command.standard, command.reason, command.effectiveDate ?? today),
    );
  }
}
