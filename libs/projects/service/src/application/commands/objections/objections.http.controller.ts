import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { IdempotencyKeyHeader, Responds, schema } from '@mkt/shared/http';
import { UnitOfWork, type IdempotencyKey } from '@mkt/shared/messaging';
import { changeProject } from '../../change-project';
import { PROJECT_CHANGE } from '../../http-responses';
import { FileObjectionRequestDto, RuleOnObjectionRequestDto } from './objection.request.dto';

/** Objections during publicity (公示) and the supervisors' rulings on them. */
@Controller('api/projects/projects')
export class ObjectionsHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  @Post(':id/objections')
  @HttpCode(201)
  @Roles('AGENCY')
  @Responds({ allOf: [PROJECT_CHANGE, schema.object({ objectionId: schema.uuid() })] })
  file(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: FileObjectionRequestDto,
    @CurrentUser() actor: AuthenticatedUser,
    @IdempotencyKeyHeader('projects.file-objection') idempotency: IdempotencyKey | null,
  ) {
    const objectionId = randomUUID();
    return changeProject(this.unitOfWork, id, (project, now) => project.fileObjection(actor, { objectionId, grounds: body.grounds }, now), idempotency).then((r) => ({ ...r, objectionId }));
  }

  @Post(':id/objections/:objectionId/ruling')
  @HttpCode(200)
  @Roles('SUPERVISOR')
  @Responds(PROJECT_CHANGE)
  rule(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('objectionId') objectionId: string,
    @Body() body: RuleOnObjectionRequestDto,
    @CurrentUser() actor: AuthenticatedUser,
    @IdempotencyKeyHeader('projects.rule-on-objection') idempotency: IdempotencyKey | null,
  ) {
    return changeProject(this.unitOfWork, id, (project, now) => project.ruleOnObjection(actor, { objectionId, verdict: body.verdict, reason: body.reason, exclude: body.exclude }, now), idempotency);
  }
}
