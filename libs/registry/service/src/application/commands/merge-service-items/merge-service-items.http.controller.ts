import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { Roles } from '@mkt/shared/auth';
import { IdempotencyKeyHeader, Responds } from '@mkt/shared/http';
import type { IdempotencyKey } from '@mkt/shared/messaging';
import { CATALOG_CHANGE } from '../../http-responses';
import { MergeServiceItemsHandler } from './merge-service-items.handler';
import { MergeServiceItemsRequestDto } from './merge-service-items.request.dto';

@Controller('api/registry/catalog')
export class MergeServiceItemsHttpController {
  constructor(private readonly handler: MergeServiceItemsHandler) {}

  /** Catalog consolidation (e.g. 48 → 46 items): the merged items retire and point to the surviving one. */
  @Post('merge')
  @HttpCode(200)
  @Roles('ADMIN')
  @Responds(CATALOG_CHANGE)
  merge(@Body() body: MergeServiceItemsRequestDto, @IdempotencyKeyHeader('registry.merge-service-items') idempotency: IdempotencyKey | null) {
    return this.handler.execute({ mergedCodes: body.mergedCodes, survivingCode: body.survivingCode, reason: body.reason, effectiveDate: body.effectiveDate ?? null, idempotency });
  }
}
