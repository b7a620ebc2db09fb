import { Controller, Delete, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { IdempotencyKeyHeader, Responds } from '@mkt/shared/http';
import { UnitOfWork, type IdempotencyKey } from '@mkt/shared/messaging';
import { changeProject } from '../../change-project';
import { PROJECT_CHANGE } from '../../http-responses';

/** 报名: an agency signs itself up during the window, or withdraws before it closes. */
@Controller('api/projects/projects')
export class SignUpHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  @Post(':id/sign-ups')
  @HttpCode(200)
  @Roles('AGENCY')
  @Responds(PROJECT_CHANGE)
  signUp(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() actor: AuthenticatedUser, @IdempotencyKeyHeader('projects.sign-up') idempotency: IdempotencyKey | null) {
    return changeProject(this.unitOfWork, id, (project, now) => project.signUp(actor, now), idempotency);
  }

  @Delete(':id/sign-ups')
  @HttpCode(200)
  @Roles('AGENCY')
  @Responds(PROJECT_CHANGE)
  withdraw(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() actor: AuthenticatedUser) {
    return changeProject(this.unitOfWork, id, (project, now) => project.withdrawSignUp(actor, now));
  }
}
