import { defineEvent } from '@mkt/shared/contracts';
import { PROJECT_TOPIC } from './topics';

/** The owner recorded the contract with a selected agency: the service clock starts. */
export interface ContractRecordedV1 {
  readonly projectId: string;
  readonly agencyId: string;
  readonly amountFen: number;
  readonly startDate: string;
  readonly dueDate: string;
}

export const ContractRecordedV1 = defineEvent<ContractRecordedV1>({
  type: 'projects.ContractRecorded',
  version: 1,
  topic: PROJECT_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['projectId', 'agencyId', 'amountFen', 'startDate', 'dueDate'],
    properties: {
      projectId: { type: 'string', minLength: 1 },
      agencyId: { type: 'string', minLength: 1 },
      amountFen: { type: 'integer', minimum: 0 },
      startDate: { type: 'string', format: 'date' },
      dueDate: { type: 'string', format: 'date' },
    },
  },
});
