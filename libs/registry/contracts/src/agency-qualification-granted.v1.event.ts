import { defineEvent } from '@mkt/shared/contracts';
import { AGENCY_TOPIC } from './topics';

export interface AgencyQualificationGrantedV1 {
  readonly agencyId: string;
  readonly qualificationId: string;
  readonly serviceItemCode: string;
  /** 1 is the highest grade; an item requiring level 2 accepts levels 1 and 2. */
  readonly level: number;
  readonly validFrom: string;
  readonly validUntil: string;
}

export const AgencyQualificationGrantedV1 = defineEvent<AgencyQualificationGrantedV1>({
  type: 'registry.AgencyQualificationGranted',
  version: 1,
  topic: AGENCY_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['agencyId', 'qualificationId', 'serviceItemCode', 'level', 'validFrom', 'validUntil'],
    properties: {
      agencyId: { type: 'string', minLength: 1 },
      qualificationId: { type: 'string', minLength: 1 },
      serviceItemCode: { type: 'string', minLength: 1 },
      level: { type: 'integer', minimum: 1, maximum: 9 },
      validFrom: { type: 'string', format: 'date' },
      validUntil: { type: 'string', format: 'date' },
    },
  },
});
