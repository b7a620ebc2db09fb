import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { IdempotencyKeyHeader, Responds, schema } from '@mkt/shared/http';
import type { IdempotencyKey } from '@mkt/shared/messaging';
import { EnterWitnessValueHandler } from './enter-witness-value.handler';
import { EnterWitnessValueRequestDto } from './enter-witness-value.request.dto';

@Controller('api/draw/draws')
export class EnterWitnessValueHttpController {
  constructor(private readonly handler: EnterWitnessValueHandler) {}

  /** Any signed-in role: the use case lets through the owner, supervisors and the observers the commitment names. */
  @Post(':drawId/witness-values')
  @HttpCode(200)
  @Roles('OWNER', 'SUPERVISOR', 'ADMIN', 'AGENCY')
  @Responds(schema.object({ drawId: schema.uuid(), revealed: schema.boolean(), winners: schema.nullable(schema.array(schema.string())) }, { description: 'revealed: the value completed the entropy and the draw revealed itself in the same step' }))
  enter(
    @Param('drawId', new ParseUUIDPipe()) drawId: string,
    @Body() body: EnterWitnessValueRequestDto,
    @CurrentUser() actor: AuthenticatedUser,
    @IdempotencyKeyHeader('draw.enter-witness-value') idempotency: IdempotencyKey | null,
  ) {
    return this.handler.execute({ drawId, value: body.value, actor, idempotency });
  }
}
