import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { IdempotencyKeyHeader, Responds, schema } from '@mkt/shared/http';
import type { IdempotencyKey } from '@mkt/shared/messaging';
import { ReviewRegistrationHandler } from './review-registration.handler';
import { ReviewRegistrationRequestDto } from './review-registration.request.dto';

@Controller('api/registry/registrations')
export class ReviewRegistrationHttpController {
  constructor(private readonly handler: ReviewRegistrationHandler) {}

  /** The operator's decision on a submitted application. */
  @Post(':id/review')
  @HttpCode(200)
  @Roles('ADMIN')
  @Responds(schema.object({ id: schema.uuid(), status: schema.string(), revision: schema.integer(), agencyId: schema.uuid() }))
  review(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ReviewRegistrationRequestDto,
    @CurrentUser() actor: AuthenticatedUser,
    @IdempotencyKeyHeader('registry.review-registration') idempotency: IdempotencyKey | null,
  ) {
    return this.handler.execute({ applicationId: id, decision: body.decision, reason: body.reason ?? null, actor, idempotency });
  }
}
