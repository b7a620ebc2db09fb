import { Controller, Get } from '@nestjs/common';
import { observerSlotOf } from '@mkt/draw/core';
import { CurrentUser, Roles, type AuthenticatedUser } from '@mkt/shared/auth';
import { Responds, schema } from '@mkt/shared/http';
import { UnitOfWork } from '@mkt/shared/messaging';
import { DrawRepository } from '../../../infrastructure/draw.repository';

/** The most recent draws a caller is named in; older ones stay readable on their projects' pages. */
const LISTED = 50;

/**
 * The draws whose commitment names the caller as an observer, newest first, each with whether the caller's value
 * is still awaited: an observer's starting point, whatever their role. Draws are public records; this only
 * selects the caller's own.
 */
@Controller('api/draw')
export class ListObservedDrawsHttpController {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  @Get('observed-draws')
  @Roles('OWNER', 'SUPERVISOR', 'ADMIN', 'AGENCY')
  @Responds(
    schema.array(
      schema.object({
        drawId: schema.uuid(),
        projectId: schema.string(),
        round: schema.integer(),
        status: schema.oneOf(['COMMITTED', 'REVEALED']),
        revealDeadline: schema.instant(),
        overdueAt: schema.nullable(schema.instant()),
        slot: schema.string(),
        label: schema.nullable(schema.string()),
        awaitingValue: schema.boolean(),
        enteredValue: schema.nullable(schema.string()),
      }),
    ),
  )
  async list(@CurrentUser() actor: AuthenticatedUser) {
    const slot = observerSlotOf(actor.userId);
    const draws = await this.unitOfWork.run((tx) => new DrawRepository(tx.manager).listNamingObserver(slot, LISTED));
    return draws.map((d) => {
      const plan = d.commitment.entropyPlan;
      const observer = plan.source === 'witnesses' ? plan.observers?.find((o) => o.userId === actor.userId) : undefined;
      const entered = d.witnessValues.find((v) => v.witness === slot) ?? null;
      return {
        drawId: d.drawId,
        projectId: d.projectId,
        round: d.round,
        status: d.status,
        revealDeadline: d.revealDeadline,
        overdueAt: d.overdueAt,
        slot,
        label: observer?.label ?? null,
        awaitingValue: d.status === 'COMMITTED' && entered === null,
        enteredValue: entered?.value ?? null,
      };
    });
  }
}
