import { Body, Controller, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { IdempotencyKeyHeader, Responds } from '@mkt/shared/http';
import type { IdempotencyKey } from '@mkt/shared/messaging';
import { REGISTRATION_STEP } from '../../http-responses';
import { RegistrationRequestDto } from '../submit-registration/registration.request.dto';
import { ResubmitRegistrationHandler } from './resubmit-registration.handler';

@Controller('api/registry/registrations')
export class ResubmitRegistrationHttpController {
  constructor(private readonly handler: ResubmitRegistrationHandler) {}

  /** The whole corrected application; only the applying firm, only after the ADMIN asked for changes. */
  @Put(':id')
  @Roles('AGENCY')
  @Responds(REGISTRATION_STEP)
  resubmit(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RegistrationRequestDto,
    @CurrentUser() actor: AuthenticatedUser,
    @IdempotencyKeyHeader('registry.resubmit-registration') idempotency: IdempotencyKey | null,
  ) {
    return this.handler.execute({ applicationId: id, body, actor, idempotency });
  }
}
