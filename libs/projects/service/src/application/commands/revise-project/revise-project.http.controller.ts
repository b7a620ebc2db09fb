import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import type { ProjectTermsInput } from '@mkt/projects/core';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { IdempotencyKeyHeader, Responds } from '@mkt/shared/http';
import { UnitOfWork, type IdempotencyKey } from '@mkt/shared/messaging';
import { attachmentsNamed } from '../../attachments-named';
import { changeProject } from '../../change-project';
import { PROJECT_CHANGE } from '../../http-responses';
import { changedItemCode, postingContextFor } from '../../posting-context';
import { AmendProjectRequestDto, CancelProjectRequestDto, RepostProjectRequestDto, SelectDirectlyRequestDto } from './revise-project.request.dto';

/**
 * The owner's changes after drafting: a recorded amendment that reopens sign-up, a repost after a failed round
 * (next round, method may change), cancellation with a reason, and direct selection where the rules allow it.
 */
@Controller('api/projects/projects')
export class ReviseProjectHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  @Post(':id/amendments')
  @HttpCode(200)
  @Roles('OWNER')
  @Responds(PROJECT_CHANGE)
  amend(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: AmendProjectRequestDto, @CurrentUser() actor: AuthenticatedUser, @IdempotencyKeyHeader('projects.amend') idempotency: IdempotencyKey | null) {
    const changes = body.changes as Partial<ProjectTermsInput>;
    return changeProject(
      this.unitOfWork,
      id,
      async (project, now, tx) => {
        const attachments = await attachmentsNamed(tx.manager, id, body.attachmentIds ?? []);
        return project.amend(actor, { reason: body.reason, changes, attachments }, now, await postingContextFor(tx.manager, project.snapshot.terms.serviceItemCode, changedItemCode(changes)));
      },
      idempotency,
    );
  }

  @Post(':id/repost')
  @HttpCode(200)
  @Roles('OWNER')
  @Responds(PROJECT_CHANGE)
  repost(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RepostProjectRequestDto, @CurrentUser() actor: AuthenticatedUser, @IdempotencyKeyHeader('projects.repost') idempotency: IdempotencyKey | null) {
    const changes = body.changes as Partial<ProjectTermsInput> | undefined;
    return changeProject(
      this.unitOfWork,
      id,
      async (project, now, tx) => project.repost(actor, { reason: body.reason, changes }, now, await postingContextFor(tx.manager, project.snapshot.terms.serviceItemCode, changedItemCode(changes))),
      idempotency,
    );
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('OWNER')
  @Responds(PROJECT_CHANGE)
  cancel(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CancelProjectRequestDto, @CurrentUser() actor: AuthenticatedUser, @IdempotencyKeyHeader('projects.cancel') idempotency: IdempotencyKey | null) {
    return changeProject(this.unitOfWork, id, (project, now) => project.cancel(actor, body.reason, now), idempotency);
  }

  @Post(':id/direct-selection')
  @HttpCode(200)
  @Roles('OWNER')
  @Responds(PROJECT_CHANGE)
  selectDirectly(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SelectDirectlyRequestDto, @CurrentUser() actor: AuthenticatedUser, @IdempotencyKeyHeader('projects.direct-selection') idempotency: IdempotencyKey | null) {
    return changeProject(this.unitOfWork, id, (project, now) => project.selectDirectly(actor, body.agencyId, now), idempotency);
  }
}
