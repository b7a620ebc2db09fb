import { defineEvent } from '@mkt/shared/contracts';
import { AGENCY_TOPIC } from './topics';

/**
 * An ADMIN approved a firm's registration (入驻). Published after the firm's `AgencyRegistered`, its
 * qualifications and its `AgencyStatusChanged` to ACTIVE, in the same transaction: consumers that fold those
 * need nothing from this one; it records the review decision.
 */
export interface AgencyRegistrationApprovedV1 {
  readonly agencyId: string;
  readonly applicationId: string;
  /** Which revision of the application was approved (1 + the number of resubmissions). */
  readonly revision: number;
  readonly serviceItems: readonly string[];
}

export const AgencyRegistrationApprovedV1 = defineEvent<AgencyRegistrationApprovedV1>({
  type: 'registry.AgencyRegistrationApproved',
  version: 1,
  topic: AGENCY_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['agencyId', 'applicationId', 'revision', 'serviceItems'],
    properties: {
      agencyId: { type: 'string', minLength: 1 },
      applicationId: { type: 'string', minLength: 1 },
      revision: { type: 'integer', minimum: 1 },
      serviceItems: { type: 'array', items: { type: 'string', minLength: 1 } },
    },
  },
});
