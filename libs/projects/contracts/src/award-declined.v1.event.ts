import { defineEvent } from '@mkt/shared/contracts';
import { PROJECT_TOPIC } from './topics';

/** A selected agency declined, or let its response deadline pass: it counts in the agency's credit record. */
export interface AwardDeclinedV1 {
  readonly projectId: string;
  readonly round: number;
  readonly agencyId: string;
  readonly cause: 'DECLINED' | 'NO_RESPONSE';
  readonly reason: string;
}

export const AwardDeclinedV1 = defineEvent<AwardDeclinedV1>({
  type: 'projects.AwardDeclined',
  version: 1,
  topic: PROJECT_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['projectId', 'round', 'agencyId', 'cause', 'reason'],
    properties: {
      projectId: { type: 'string', minLength: 1 },
      round: { type: 'integer', minimum: 1 },
      agencyId: { type: 'string', minLength: 1 },
      cause: { type: 'string', enum: ['DECLINED', 'NO_RESPONSE'] },
      reason: { type: 'string' },
    },
  },
});
