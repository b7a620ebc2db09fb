import { Inject, Injectable } from '@nestjs/common';
import type { CatalogChange } from '@mkt/registry/core';
import { CLOCK, UnitOfWork, type Clock, type IdempotencyKey } from '@mkt/shared/messaging';
import { changeCatalog } from '../../change-catalog';

export interface MergeServiceItemsCommand {
  readonly mergedCodes: readonly string[];
  readonly survivingCode: string;
  readonly reason: string;
  readonly effectiveDate: string | null;
  readonly idempotency: IdempotencyKey | null;
}

@Injectable()
export class MergeServiceItemsHandler {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: MergeServiceItemsCommand): Promise<CatalogChange> {
    return changeCatalog(this.unitOfWork, this.clock, command.idempotency, (catalog, today) =>
      catalog.mergeItems(command.mergedCodes, command.survivingCode, command.reason, command.effectiveDate ?? today),
    );
  }
}
