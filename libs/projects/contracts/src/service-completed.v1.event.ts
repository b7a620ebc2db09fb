import { defineEvent } from '@mkt/shared/contracts';
import { PROJECT_TOPIC } from './topics';

/** The owner recorded the service as delivered, measured against the contract's due date. */
export interface ServiceCompletedV1 {
  readonly projectId: string;
  readonly agencyId: string;
  readonly completionDate: string;
  readonly onTime: boolean;
  readonly daysLate: number;
}

export const ServiceCompletedV1 = defineEvent<ServiceCompletedV1>({
  type: 'projects.ServiceCompleted',
  version: 1,
  topic: PROJECT_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['projectId', 'agencyId', 'completionDate', 'onTime', 'daysLate'],
    properties: {
      projectId: { type: 'string', minLength: 1 },
      agencyId: { type: 'string', minLength: 1 },
      completionDate: { type: 'string', format: 'date' },
      onTime: { type: 'boolean' },
      daysLate: { type: 'integer', minimum: 0 },
    },
  },
});
