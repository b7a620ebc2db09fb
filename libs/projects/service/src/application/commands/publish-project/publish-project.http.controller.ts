import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { IdempotencyKeyHeader, Responds } from '@mkt/shared/http';
import { UnitOfWork, type IdempotencyKey } from '@mkt/shared/messaging';
import { changeProject } from '../../change-project';
import { PROJECT_CHANGE } from '../../http-responses';
import { postingContextFor } from '../../posting-context';

/** Owner actions that take no body: publish (rules fixed from here on) and, without sign-up, request selection. */
@Controller('api/projects/projects')
export class PublishProjectHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('OWNER')
  @Responds(PROJECT_CHANGE)
  publish(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() actor: AuthenticatedUser, @IdempotencyKeyHeader('projects.publish') idempotency: IdempotencyKey | null) {
    return changeProject(this.unitOfWork, id, async (project, now, tx) => project.publish(actor, now, await postingContextFor(tx.manager, project.snapshot.terms.serviceItemCode)), idempotency);
  }

  @Post(':id/request-selection')
  @HttpCode(200)
  @Roles('OWNER')
  @Responds(PROJECT_CHANGE)
  requestSelection(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() actor: AuthenticatedUser, @IdempotencyKeyHeader('projects.request-selection') idempotency: IdempotencyKey | null) {
    return changeProject(this.unitOfWork, id, (project, now) => project.requestSelection(actor, now), idempotency);
  }
}
