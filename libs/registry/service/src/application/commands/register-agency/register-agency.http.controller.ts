import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { Roles } from '@mkt/shared/auth';
import { IdempotencyKeyHeader, Responds, schema } from '@mkt/shared/http';
import type { IdempotencyKey } from '@mkt/shared/messaging';
import { RegisterAgencyHandler } from './register-agency.handler';
import { RegisterAgencyRequestDto } from './register-agency.request.dto';

@Controller('api/registry/agencies')
export class RegisterAgencyHttpController {
  constructor(private readonly handler: RegisterAgencyHandler) {}

  /** Operator onboarding of a firm; self-registration by the firm's user comes with the identity service. */
  @Post()
  @HttpCode(201)
  @Roles('ADMIN')
  @Responds(schema.object({ id: schema.uuid(), status: schema.string() }))
  register(@Body() body: RegisterAgencyRequestDto, @IdempotencyKeyHeader('registry.register-agency') idempotency: IdempotencyKey | null) {
    return this.handler.execute({ ...body, idempotency });
  }
}
