import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { IsString, MaxLength } from 'class-validator';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { IdempotencyKeyHeader, Responds } from '@mkt/shared/http';
import { UnitOfWork, type IdempotencyKey } from '@mkt/shared/messaging';
import { changeProject } from '../../change-project';
import { PROJECT_CHANGE } from '../../http-responses';

export class DeclineAwardRequestDto {
  @IsString() @MaxLength(2000) reason!: string;
}

/** The selected agency accepts or declines by its deadline; a decline promotes the next in line. */
@Controller('api/projects/projects')
export class AwardResponseHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  @Post(':id/award/accept')
  @HttpCode(200)
  @Roles('AGENCY')
  @Responds(PROJECT_CHANGE)
  accept(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() actor: AuthenticatedUser, @IdempotencyKeyHeader('projects.accept-award') idempotency: IdempotencyKey | null) {
    return changeProject(this.unitOfWork, id, (project, now) => project.acceptAward(actor, now), idempotency);
  }

  @Post(':id/award/decline')
  @HttpCode(200)
  @Roles('AGENCY')
  @Responds(PROJECT_CHANGE)
  decline(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: DeclineAwardRequestDto,
    @CurrentUser() actor: AuthenticatedUser,
    @IdempotencyKeyHeader('projects.decline-award') idempotency: IdempotencyKey | null,
  ) {
    return changeProject(this.unitOfWork, id, (project, now) => project.declineAward(actor, body.reason, now), idempotency);
  }
}
