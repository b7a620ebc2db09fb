import { defineEvent } from '@mkt/shared/contracts';
import { AGENCY_STATUSES, type AgencyStatusName } from './agency-status';
import { AGENCY_TOPIC } from './topics';

export interface AgencyStatusChangedV1 {
  readonly agencyId: string;
  readonly from: AgencyStatusName;
  readonly to: AgencyStatusName;
  readonly reason: string;
  /** Ordinal of the change on this agency, so read models ignore a stale change arriving late. */
  readonly sequence: number;
}

export const AgencyStatusChangedV1 = defineEvent<AgencyStatusChangedV1>({
  type: 'registry.AgencyStatusChanged',
  version: 1,
  topic: AGENCY_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['agencyId', 'from', 'to', 'reason', 'sequence'],
    properties: {
      agencyId: { type: 'string', minLength: 1 },
      from: { type: 'string', enum: [...AGENCY_STATUSES] },
      to: { type: 'string', enum: [...AGENCY_STATUSES] },
      reason: { type: 'string' },
      sequence: { type: 'integer', minimum: 1 },
    },
  },
});
