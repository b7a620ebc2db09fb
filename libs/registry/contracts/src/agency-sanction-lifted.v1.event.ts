import { defineEvent } from '@mkt/shared/contracts';
import { AGENCY_TOPIC } from './topics';

/** A supervisor ended a sanction before its period was over, with the reason. */
export interface AgencySanctionLiftedV1 {
  readonly agencyId: string;
  readonly sanctionId: string;
  readonly reason: string;
}

export const AgencySanctionLiftedV1 = defineEvent<AgencySanctionLiftedV1>({
  type: 'registry.AgencySanctionLifted',
  version: 1,
  topic: AGENCY_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['agencyId', 'sanctionId', 'reason'],
    properties: {
      agencyId: { type: 'string', minLength: 1 },
      sanctionId: { type: 'string', minLength: 1 },
      reason: { type: 'string', minLength: 1 },
    },
  },
});
