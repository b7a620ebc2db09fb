import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { ProjectTermsInput } from '@mkt/projects/core';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { IdempotencyKeyHeader, Responds, schema } from '@mkt/shared/http';
import type { IdempotencyKey } from '@mkt/shared/messaging';
import { DraftProjectHandler } from './draft-project.handler';
import { DraftProjectRequestDto } from './draft-project.request.dto';

@Controller('api/projects/projects')
export class DraftProjectHttpController {
  constructor(private readonly handler: DraftProjectHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('OWNER')
  @Responds(schema.object({ id: schema.uuid(), status: schema.oneOf(['DRAFT']) }))
  draft(@Body() body: DraftProjectRequestDto, @CurrentUser() actor: AuthenticatedUser, @IdempotencyKeyHeader('projects.draft') idempotency: IdempotencyKey | null) {
    return this.handler.execute({ actor, terms: body as unknown as ProjectTermsInput, idempotency });
  }
}
