import { defineEvent } from '@mkt/shared/contracts';
import { AGENCY_TOPIC } from './topics';

/**
 * An ADMIN rejected a firm's registration with a reason. No agency exists for `agencyId` (the organisation the
 * applicant acts for); the firm's name and credit code stay out, since a rejected applicant is not public.
 */
export interface AgencyRegistrationRejectedV1 {
  readonly agencyId: string;
  readonly applicationId: string;
  readonly revision: number;
  readonly reason: string;
}

export const AgencyRegistrationRejectedV1 = defineEvent<AgencyRegistrationRejectedV1>({
  type: 'registry.AgencyRegistrationRejected',
  version: 1,
  topic: AGENCY_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['agencyId', 'applicationId', 'revision', 'reason'],
    properties: {
      agencyId: { type: 'string', minLength: 1 },
      applicationId: { type: 'string', minLength: 1 },
      revision: { type: 'integer', minimum: 1 },
      reason: { type: 'string', minLength: 1 },
    },
  },
});
