import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Agency, AgencyEvent, AgencyStatus } from '@mkt/registry/core';
import type { AuthenticatedUser } from '@mkt/shared/auth';
import { forbidden } from '@mkt/shared/kernel';
import { UnitOfWork, type IdempotencyKey } from '@mkt/shared/messaging';
import { AgencyRepository } from '../../../infrastructure/agency.repository';
import { publishAgencyEvent } from '../../agency-events.publisher';

export interface ChangeAgencyStatusCommand {
  readonly agencyId: string;
  readonly status: AgencyStatus;
  readonly reason: string;
  /** For SUSPENDED and BLACKLISTED: the sanction's period, ISO 8601 instants with an offset; `from` defaults to now. */
  readonly from?: string | null;
  readonly until?: string | null;
  readonly actor: AuthenticatedUser;
  readonly idempotency: IdempotencyKey | null;
}

export interface ChangeAgencyStatusResult {
  readonly id: string;
  readonly status: string;
  readonly sequence: number;
  /** Set when the request imposed a sanction. */
  readonly sanctionId?: string;
}

/**
 * One door for every status decision. Registration review (approve, withdraw) belongs to the operator;
 * sanctions belong to the supervisors: SUSPENDED or BLACKLISTED imposes one for a period, and ACTIVE on a
 * sanctioned firm lifts its sanctions early.
 */
@Injectable()
export class ChangeAgencyStatusHandler {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  execute(command: ChangeAgencyStatusCommand): Promise<ChangeAgencyStatusResult> {
    return this.unitOfWork.run(
      async (tx) => {
        const repository = new AgencyRepository(tx.manager);
        const { agency, version } = await repository.get(command.agencyId);
        const decision = decide(command, agency);
        actorMustBeEntitled(command.actor, decision, command.status);
        let sanctionId: string | undefined;
        let events: AgencyEvent[];
        if (decision === 'sanction') {
          sanctionId = randomUUID();
          const kind = command.status === 'BLACKLISTED' ? 'BLACKLIST' : 'SUSPENSION';
          events = agency.impose({ id: sanctionId, kind, reason: command.reason, from: command.from, until: command.until ?? null }, tx.now);
        } else if (decision === 'lift') {
          events = agency.liftSanctions(command.reason, tx.now);
        } else {
          events = [agency.changeStatus(command.status, command.reason)];
        }
        await repository.update(agency, version);
        events.forEach((e) => publishAgencyEvent(tx, e));
        return { id: command.agencyId, status: agency.snapshot.status, sequence: agency.snapshot.statusSequence, ...(sanctionId ? { sanctionId } : {}) };
      },
      { idempotency: command.idempotency },
    );
  }
}

type Decision = 'review' | 'sanction' | 'lift';

function decide(command: ChangeAgencyStatusCommand, agency: Agency): Decision {
  if (command.status === 'SUSPENDED' || command.status === 'BLACKLISTED') return 'sanction';
  if (command.status === 'ACTIVE' && agency.snapshot.status !== 'PENDING') return 'lift';
  return 'review';
}

function actorMustBeEntitled(actor: AuthenticatedUser, decision: Decision, status: AgencyStatus): void {
  const allowed = decision === 'review' ? 'ADMIN' : 'SUPERVISOR';
  if (actor.role !== allowed) throw forbidden('AUTH.FORBIDDEN', `${actor.role} may not set an agency ${status}: that is the ${allowed}'s decision`);
}
