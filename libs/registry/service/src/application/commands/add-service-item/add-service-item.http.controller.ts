import { Body, Controller, Post } from '@nestjs/common';
import { Roles } from '@mkt/shared/auth';
import { IdempotencyKeyHeader, Responds } from '@mkt/shared/http';
import type { IdempotencyKey } from '@mkt/shared/messaging';
import { CATALOG_CHANGE } from '../../http-responses';
import { AddServiceItemHandler } from './add-service-item.handler';
import { AddServiceItemRequestDto } from './add-service-item.request.dto';

@Controller('api/registry/catalog')
export class AddServiceItemHttpController {
  constructor(private readonly handler: AddServiceItemHandler) {}

  /** The operator publishes a new service item with its standard. */
  @Post('items')
  @Roles('ADMIN')
  @Responds(CATALOG_CHANGE)
  add(@Body() body: AddServiceItemRequestDto, @IdempotencyKeyHeader('registry.add-service-item') idempotency: IdempotencyKey | null) {
    const { reason, effectiveDate, ...standard } = body;
    return this.handler.execute({ standard, reason: reason ?? '', effectiveDate: effectiveDate ?? null, idempotency });
  }
}
