import { defineEvent } from '@mkt/shared/contracts';
import { PROJECT_TOPIC } from './topics';

/** A round failed (流标): too few sign-ups, candidates or valid bids, or no alternate left. Public. */
export interface RoundFailedV1 {
  readonly projectId: string;
  readonly round: number;
  readonly reason: string;
  readonly required: number;
  readonly actual: number;
}

export const RoundFailedV1 = defineEvent<RoundFailedV1>({
  type: 'projects.RoundFailed',
  version: 1,
  topic: PROJECT_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['projectId', 'round', 'reason', 'required', 'actual'],
    properties: {
      projectId: { type: 'string', minLength: 1 },
      round: { type: 'integer', minimum: 1 },
      reason: { type: 'string', minLength: 1 },
      required: { type: 'integer', minimum: 0 },
      actual: { type: 'integer', minimum: 0 },
    },
  },
});
