import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Roles } from '@mkt/shared/auth';
import { IdempotencyKeyHeader, Responds, schema } from '@mkt/shared/http';
import type { IdempotencyKey } from '@mkt/shared/messaging';
import { GrantQualificationHandler } from './grant-qualification.handler';
import { GrantQualificationRequestDto } from './grant-qualification.request.dto';

@Controller('api/registry/agencies')
export class GrantQualificationHttpController {
  constructor(private readonly handler: GrantQualificationHandler) {}

  /** Records a qualification the operator has checked against the certificate. */
  @Post(':id/qualifications')
  @HttpCode(201)
  @Roles('ADMIN')
  @Responds(schema.object({ agencyId: schema.uuid(), qualificationId: schema.string() }))
  grant(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: GrantQualificationRequestDto,
    @IdempotencyKeyHeader('registry.grant-qualification') idempotency: IdempotencyKey | null,
  ) {
    return this.handler.execute({ agencyId: id, ...body, idempotency });
  }
}
