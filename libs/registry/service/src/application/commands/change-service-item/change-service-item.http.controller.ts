import { Body, Controller, Param, Put } from '@nestjs/common';
import { Roles } from '@mkt/shared/auth';
import { IdempotencyKeyHeader, Responds } from '@mkt/shared/http';
import type { IdempotencyKey } from '@mkt/shared/messaging';
import { CATALOG_CHANGE } from '../../http-responses';
import { ChangeServiceItemHandler } from './change-service-item.handler';
import { ChangeServiceItemRequestDto } from './change-service-item.request.dto';

@Controller('api/registry/catalog')
export class ChangeServiceItemHttpController {
  constructor(private readonly handler: ChangeServiceItemHandler) {}

  /** Publishes a new version of the item's standard, with the reason (e.g. time limit cut by 30 %). */
  @Put('items/:code')
  @Roles('ADMIN')
  @Responds(CATALOG_CHANGE)
  change(@Param('code') code: string, @Body() body: ChangeServiceItemRequestDto, @IdempotencyKeyHeader('registry.change-service-item') idempotency: IdempotencyKey | null) {
    const { reason, effectiveDate, ...standard } = body;
    return this.handler.execute({ code, standard, reason, effectiveDate: effectiveDate ?? null, idempotency });
  }
}
