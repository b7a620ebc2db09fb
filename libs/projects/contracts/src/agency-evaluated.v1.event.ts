import { defineEvent } from '@mkt/shared/contracts';
import { PROJECT_TOPIC } from './topics';

/** The owner's evaluation of a completed service: what the registry's credit record is computed from. */
export interface AgencyEvaluatedV1 {
  readonly projectId: string;
  readonly agencyId: string;
  readonly ownerOrganizationId: string;
  readonly serviceItemCode: string;
  readonly servicePeriodDays: number;
  readonly contractAmountFen: number;
  /** Measured by the service clock against the contract's due date, not stated by the owner. */
  readonly onTime: boolean;
  readonly daysLate: number;
  /** 1 (poor) to 5 (excellent). */
  readonly quality: number;
  readonly feeCompliant: boolean;
  readonly comment: string;
}

export const AgencyEvaluatedV1 = defineEvent<AgencyEvaluatedV1>({
  type: 'projects.AgencyEvaluated',
  version: 1,
  topic: PROJECT_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['projectId', 'agencyId', 'ownerOrganizationId', 'serviceItemCode', 'servicePeriodDays', 'contractAmountFen', 'onTime', 'daysLate', 'quality', 'feeCompliant', 'comment'],
    properties: {
      projectId: { type: 'string', minLength: 1 },
      agencyId: { type: 'string', minLength: 1 },
      ownerOrganizationId: { type: 'string', minLength: 1 },
      serviceItemCode: { type: 'string', minLength: 1 },
      servicePeriodDays: { type: 'integer', minimum: 1 },
      contractAmountFen: { type: 'integer', minimum: 0 },
      onTime: { type: 'boolean' },
      daysLate: { type: 'integer', minimum: 0 },
      quality: { type: 'integer', minimum: 1, maximum: 5 },
      feeCompliant: { type: 'boolean' },
      comment: { type: 'string' },
    },
  },
});
