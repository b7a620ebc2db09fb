import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { IdempotencyKeyHeader, Responds, schema } from '@mkt/shared/http';
import type { IdempotencyKey } from '@mkt/shared/messaging';
import { CREDIT_ENTRY } from '../../http-responses';
import { RecordMisconductHandler } from './record-misconduct.handler';
import { RecordMisconductRequestDto } from './record-misconduct.request.dto';

@Controller('api/registry/agencies')
export class RecordMisconductHttpController {
  constructor(private readonly handler: RecordMisconductHandler) {}

  @Post(':id/misconduct')
  @HttpCode(201)
  @Roles('SUPERVISOR')
  @Responds(schema.object({ misconductId: schema.string(), entries: schema.array(CREDIT_ENTRY) }))
  record(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RecordMisconductRequestDto,
    @CurrentUser() actor: AuthenticatedUser,
    @IdempotencyKeyHeader('registry.record-misconduct') idempotency: IdempotencyKey | null,
  ) {
    return this.handler.execute({ agencyId: id, kind: body.kind, reason: body.reason, projectId: body.projectId ?? null, actor, idempotency });
  }
}
