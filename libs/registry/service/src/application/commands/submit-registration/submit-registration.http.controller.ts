import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { IdempotencyKeyHeader } from '@mkt/shared/http';
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
  submit(@Body() body: RegistrationRequestDto, @CurrentUser() actor: AuthenticatedUser, @IdempotencyKeyHeader('registry.submit-registration') idempotency: IdempotencyKey | null) {
    return this.handler.execute({ body, actor, idempotency });
  }
}
