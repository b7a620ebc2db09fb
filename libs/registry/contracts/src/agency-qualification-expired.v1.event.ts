import { defineEvent } from '@mkt/shared/contracts';
import { AGENCY_TOPIC } from './topics';

/**
 * A qualification passed its end date (`validUntil`, inclusive, a Beijing date) and no longer counts for
 * eligibility. Read models that already compare `validUntil` with the selection date lose nothing by
 * ignoring it; one that keeps only current qualifications drops `qualificationId`.
 */
export interface AgencyQualificationExpiredV1 {
  readonly agencyId: string;
  readonly qualificationId: string;
  readonly serviceItemCode: string;
  readonly validUntil: string;
  readonly expiredAt: string;
}

export const AgencyQualificationExpiredV1 = defineEvent<AgencyQualificationExpiredV1>({
  type: 'registry.AgencyQualificationExpired',
  version: 1,
  topic: AGENCY_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['agencyId', 'qualificationId', 'serviceItemCode', 'validUntil', 'expiredAt'],
    properties: {
      agencyId: { type: 'string', minLength: 1 },
      qualificationId: { type: 'string', minLength: 1 },
      serviceItemCode: { type: 'string', minLength: 1 },
      validUntil: { type: 'string', format: 'date' },
      expiredAt: { type: 'string', format: 'date-time' },
    },
  },
});
