import { defineEvent } from '@mkt/shared/contracts';
import { AGENCY_TOPIC } from './topics';

export interface AgencyRegisteredV1 {
  readonly agencyId: string;
  readonly name: string;
  readonly creditCode: string;
  readonly region: string;
}

export const AgencyRegisteredV1 = defineEvent<AgencyRegisteredV1>({
  type: 'registry.AgencyRegistered',
  version: 1,
  topic: AGENCY_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['agencyId', 'name', 'creditCode', 'region'],
    properties: {
      agencyId: { type: 'string', minLength: 1 },
      name: { type: 'string', minLength: 1 },
      creditCode: { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$' },
      region: { type: 'string', minLength: 1 },
    },
  },
});
