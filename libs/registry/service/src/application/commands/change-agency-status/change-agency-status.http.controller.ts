import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { IdempotencyKeyHeader, Responds, schema } from '@mkt/shared/http';
import type { IdempotencyKey } from '@mkt/shared/messaging';
import { ChangeAgencyStatusHandler } from './change-agency-status.handler';
import { ChangeAgencyStatusRequestDto } from './change-agency-status.request.dto';

@Controller('api/registry/agencies')
export class ChangeAgencyStatusHttpController {
  constructor(private readonly handler: ChangeAgencyStatusHandler) {}

  @Post(':id/status')
  @HttpCode(200)
  @Roles('ADMIN', 'SUPERVISOR')
  @Responds(schema.object({ id: schema.uuid(), status: schema.string(), sequence: schema.integer(), sanctionId: schema.string() }, { optional: ['sanctionId'] }))
  change(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ChangeAgencyStatusRequestDto,
    @CurrentUser() actor: AuthenticatedUser,
    @IdempotencyKeyHeader('registry.change-agency-status') idempotency: IdempotencyKey | null,
  ) {
    return this.handler.execute({ agencyId: id, status: body.status, reason: body.reason, from: body.from, until: body.until, actor, idempotency });
  }
}
