import type { AgencyEvent } from '@mkt/registry/core';
import { AgencyQualificationGrantedV1, AgencyRegisteredV1, AgencyStatusChangedV1 } from '@mkt/registry/contracts';
import type { TransactionContext } from '@mkt/shared/messaging';

/** Maps the aggregate's domain events onto the published integration contracts. */
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
      return;
  }
}
