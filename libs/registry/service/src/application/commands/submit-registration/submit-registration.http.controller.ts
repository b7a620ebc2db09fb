import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { IdempotencyKeyHeader, Responds, schema } from '@mkt/shared/http';
import type { IdempotencyKey } from '@mkt/shared/messaging';
import { RegistrationRequestDto } from './registration.request.dto';
import { SubmitRegistrationHandler } from './submit-registration.handler';

@Controller('api/registry/registrations')
export class SubmitRegistrationHttpController {
  constructor(private readonly handler: SubmitRegistrationHandler) {}

  /** The firm's own application (入驻申请), reviewed by an ADMIN. */
  @Post()
  @HttpCode(201)
  @Roles('AGENCY')
  @Responds(schema.object({ id: schema.uuid(), agencyId: schema.uuid(), status: schema.string(), revision: schema.integer() }))
  submit(@Body() body: RegistrationRequestDto, @CurrentUser() actor: AuthenticatedUser, @IdempotencyKeyHeader('registry.submit-registration') idempotency: IdempotencyKey | null) {
    return this.handler.execute({ body, actor, idempotency });
  }
}
