import { qualificationExpiresAt, type AgencyEvent, type RegistrationEvent } from '@mkt/registry/core';
import {
  AgencyQualificationExpiredV1,
  AgencyQualificationGrantedV1,
  AgencyRegisteredV1,
  AgencyRegistrationApprovedV1,
  AgencyRegistrationRejectedV1,
  AgencySanctionImposedV1,
  AgencySanctionLiftedV1,
  AgencyServiceItemsChangedV1,
  AgencyStatusChangedV1,
} from '@mkt/registry/contracts';
import type { TransactionContext } from '@mkt/shared/messaging';
import { QUALIFICATION_EXPIRES_TASK, SANCTION_ENDS_TASK, SANCTION_STARTS_TASK } from '../registry-tasks';

/** Maps the aggregate's domain events onto the published integration contracts and the deadlines they set. */
export function publishAgencyEvent(tx: TransactionContext, event: AgencyEvent): void {
  switch (event.kind) {
    case 'registered':
      tx.publish(AgencyRegisteredV1, event.agencyId, { agencyId: event.agencyId, name: event.name, creditCode: event.creditCode, region: event.region });
      return;
    case 'status-changed':
      tx.publish(AgencyStatusChangedV1, event.agencyId, { agencyId: event.agencyId, from: event.from, to: event.to, reason: event.reason, sequence: event.sequence });
      return;
    case 'qualification-granted':
      tx.publish(AgencyQualificationGrantedV1, event.agencyId, {
        agencyId: event.agencyId,
        qualificationId: event.id,
        serviceItemCode: event.serviceItemCode,
        level: event.level,
        validFrom: event.validFrom,
        validUntil: event.validUntil,
      });
      // It stops counting by itself at the end of its last day, even across restarts. One already past its end is
      // expired by the granting command itself, in the same transaction.
      if (qualificationExpiresAt(event.validUntil).getTime() > tx.now.getTime()) {
        tx.schedule(QUALIFICATION_EXPIRES_TASK, event.id, qualificationExpiresAt(event.validUntil), { agencyId: event.agencyId });
      }
      return;
    case 'sanction-imposed': {
      const s = event.sanction;
      tx.publish(AgencySanctionImposedV1, event.agencyId, { agencyId: event.agencyId, sanctionId: s.id, kind: s.kind, reason: s.reason, startsAt: s.startsAt, endsAt: s.endsAt });
      // The status follows the period by itself: at its start (if still ahead) and at its end, even across restarts.
      if (Date.parse(s.startsAt) > tx.now.getTime()) tx.schedule(SANCTION_STARTS_TASK, s.id, new Date(s.startsAt), { agencyId: event.agencyId });
      tx.schedule(SANCTION_ENDS_TASK, s.id, new Date(s.endsAt), { agencyId: event.agencyId });
      return;
    }
    case 'sanction-lifted':
      tx.publish(AgencySanctionLiftedV1, event.agencyId, { agencyId: event.agencyId, sanctionId: event.sanctionId, reason: event.reason });
      return;
    case 'service-items-changed':
      tx.publish(AgencyServiceItemsChangedV1, event.agencyId, {
        agencyId: event.agencyId,
        serviceItems: [...event.serviceItems],
        added: [...event.added],
        removed: [...event.removed],
        sequence: event.sequence,
      });
      return;
    case 'qualification-expired':
      tx.publish(AgencyQualificationExpiredV1, event.agencyId, {
        agencyId: event.agencyId,
        qualificationId: event.qualificationId,
        serviceItemCode: event.serviceItemCode,
        validUntil: event.validUntil,
        expiredAt: event.expiredAt,
      });
      return;
  }
}

/** The review decision, keyed like every agency event by the (future) agency's id. */
export function publishRegistrationEvent(tx: TransactionContext, event: RegistrationEvent, serviceItems: readonly string[]): void {
  if (event.kind === 'approved') {
    tx.publish(AgencyRegistrationApprovedV1, event.agencyId, { agencyId: event.agencyId, applicationId: event.applicationId, revision: event.revision, serviceItems: [...serviceItems] });
  } else {
    tx.publish(AgencyRegistrationRejectedV1, event.agencyId, { agencyId: event.agencyId, applicationId: event.applicationId, revision: event.revision, reason: event.reason });
  }
}
