import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { Roles } from '@mkt/shared/auth';
import { IdempotencyKeyHeader, Responds } from '@mkt/shared/http';
import type { IdempotencyKey } from '@mkt/shared/messaging';
import { CATALOG_CHANGE } from '../../http-responses';
import { RetireServiceItemHandler } from './retire-service-item.handler';
import { RetireServiceItemRequestDto } from './retire-service-item.request.dto';

@Controller('api/registry/catalog')
export class RetireServiceItemHttpController {
  constructor(private readonly handler: RetireServiceItemHandler) {}

  @Post('items/:code/retire')
  @HttpCode(200)
  @Roles('ADMIN')
  @Responds(CATALOG_CHANGE)
  retire(@Param('code') code: string, @Body() body: RetireServiceItemRequestDto, @IdempotencyKeyHeader('registry.retire-service-item') idempotency: IdempotencyKey | null) {
    return this.handler.execute({ code, reason: body.reason, effectiveDate: body.effectiveDate ?? null, idempotency });
  }
}
