import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { IdempotencyKeyHeader, Responds } from '@mkt/shared/http';
import { UnitOfWork, type IdempotencyKey } from '@mkt/shared/messaging';
import { changeProject } from '../../change-project';
import { PROJECT_CHANGE } from '../../http-responses';
import { EvaluateRequestDto, RecordCompletionRequestDto, RecordContractRequestDto } from './delivery.request.dto';

/** The owner records the contract, the completion (against the service clock) and the evaluation. */
@Controller('api/projects/projects')
export class DeliveryHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  @Post(':id/contract')
  @HttpCode(200)
  @Roles('OWNER')
  @Responds(PROJECT_CHANGE)
  contract(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RecordContractRequestDto, @CurrentUser() actor: AuthenticatedUser, @IdempotencyKeyHeader('projects.contract') idempotency: IdempotencyKey | null) {
    return changeProject(this.unitOfWork, id, (project, now) => project.recordContract(actor, { agencyId: body.agencyId, amountFen: body.amountFen, startDate: body.startDate }, now), idempotency);
  }

  @Post(':id/completion')
  @HttpCode(200)
  @Roles('OWNER')
  @Responds(PROJECT_CHANGE)
  completion(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RecordCompletionRequestDto, @CurrentUser() actor: AuthenticatedUser, @IdempotencyKeyHeader('projects.completion') idempotency: IdempotencyKey | null) {
    return changeProject(this.unitOfWork, id, (project, now) => project.recordCompletion(actor, { agencyId: body.agencyId, completionDate: body.completionDate }, now), idempotency);
  }

  @Post(':id/evaluation')
  @HttpCode(200)
  @Roles('OWNER')
  @Responds(PROJECT_CHANGE)
  evaluate(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: EvaluateRequestDto, @CurrentUser() actor: AuthenticatedUser, @IdempotencyKeyHeader('projects.evaluation') idempotency: IdempotencyKey | null) {
    return changeProject(this.unitOfWork, id, (project, now) => project.evaluate(actor, { agencyId: body.agencyId, quality: body.quality, feeCompliant: body.feeCompliant, comment: body.comment }, now), idempotency);
  }
}
