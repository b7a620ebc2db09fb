import { defineEvent } from '@mkt/shared/contracts';
import { AGENCY_TOPIC } from './topics';

/**
 * A supervisor suspended or blacklisted an agency for a period. The status itself follows in
 * `AgencyStatusChanged` when the period starts and again when it ends; this is the decision, for the record.
 */
export interface AgencySanctionImposedV1 {
  readonly agencyId: string;
  readonly sanctionId: string;
  readonly kind: 'SUSPENSION' | 'BLACKLIST';
  readonly reason: string;
  readonly startsAt: string;
  /** The first instant the sanction no longer applies. */
  readonly endsAt: string;
}

export const AgencySanctionImposedV1 = defineEvent<AgencySanctionImposedV1>({
  type: 'registry.AgencySanctionImposed',
  version: 1,
  topic: AGENCY_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['agencyId', 'sanctionId', 'kind', 'reason', 'startsAt', 'endsAt'],
    properties: {
      agencyId: { type: 'string', minLength: 1 },
      sanctionId: { type: 'string', minLength: 1 },
      kind: { type: 'string', enum: ['SUSPENSION', 'BLACKLIST'] },
      reason: { type: 'string', minLength: 1 },
      startsAt: { type: 'string', format: 'date-time' },
      endsAt: { type: 'string', format: 'date-time' },
    },
  },
});
