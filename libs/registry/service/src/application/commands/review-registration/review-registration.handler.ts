import { Injectable } from '@nestjs/common';
import { Agency, type AgencyEvent, type RegistrationApplication } from '@mkt/registry/core';
import type { AuthenticatedUser } from '@mkt/shared/auth';
import { UnitOfWork, type IdempotencyKey, type TransactionContext } from '@mkt/shared/messaging';
import { AgencyRepository } from '../../../infrastructure/agency.repository';
import { RegistrationRepository } from '../../../infrastructure/registration.repository';
import { publishAgencyEvent, publishRegistrationEvent } from '../../agency-events.publisher';
import { itemRequirements } from '../../item-requirements';
import type { ReviewDecision } from './review-registration.request.dto';

export interface ReviewRegistrationCommand {
  readonly applicationId: string;
  readonly decision: ReviewDecision;
  readonly reason: string | null;
  readonly actor: AuthenticatedUser;
  readonly idempotency: IdempotencyKey | null;
}

/** An ADMIN approves (the firm is registered and ACTIVE at once), rejects with a reason, or sends the application back. */
@Injectable()
export class ReviewRegistrationHandler {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  execute(command: ReviewRegistrationCommand): Promise<{ id: string; status: string; revision: number; agencyId: string }> {
    return this.unitOfWork.run(
      async (tx) => {
        const repository = new RegistrationRepository(tx.manager);
        const { application, version } = await repository.get(command.applicationId, true);
        const reason = command.reason ?? '';
        if (command.decision === 'APPROVE') await approve(tx, application, reason, command.actor);
        else if (command.decision === 'REJECT') publishRegistrationEvent(tx, application.reject(reason, command.actor.userId, tx.now), []);
        else application.requestChanges(reason, command.actor.userId, tx.now);
        await repository.update(application, version, tx.now);
        const s = application.snapshot;
        return { id: s.id, status: s.status, revision: s.revision, agencyId: s.agencyId };
      },
      { idempotency: command.idempotency },
    );
  }
}

/**
 * Registers the firm from the approved revision in the same transaction as the decision: the agency, its
 * certificates, one qualification per offered item, then ACTIVE. The checks run again at approval because the
 * catalog or a certificate's validity may have changed while the application waited.
 */
async function approve(tx: TransactionContext, application: RegistrationApplication, note: string, actor: AuthenticatedUser): Promise<void> {
  const content = application.snapshot.content;
  const decision = application.approve(note, actor.userId, tx.now);
  const agencies = new AgencyRepository(tx.manager);
  const { agency, event: registered } = Agency.register({ id: application.snapshot.agencyId, name: content.name, creditCode: content.creditCode, region: content.region });
  content.qualifications.forEach((c) => agency.holdCertificate(c));
  const offered = agency.offerServiceItems(content.serviceItems, await itemRequirements(tx.manager), tx.now);
  const activated = agency.changeStatus('ACTIVE', 'registration approved');
  await agencies.insert(agency);
  await agencies.update(agency, 1);
  await agencies.saveProfile(agency.snapshot.id, { legalRepresentative: content.legalRepresentative, contacts: content.contacts });
  const events: AgencyEvent[] = [registered, ...offered, activated];
  events.forEach((e) => publishAgencyEvent(tx, e));
  publishRegistrationEvent(tx, decision, agency.snapshot.serviceItems);
}
