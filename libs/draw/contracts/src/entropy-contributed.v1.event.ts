import { defineEvent } from '@mkt/shared/contracts';
import { DRAW_TOPIC } from './topics';

/** A witness entered its value after the commitment. Public at once: without the sealed secret it predicts nothing. */
export interface EntropyContributedV1 {
  readonly drawId: string;
  readonly projectId: string;
  readonly round: number;
  readonly witness: string;
  readonly value: string;
}

export const EntropyContributedV1 = defineEvent<EntropyContributedV1>({
  type: 'draw.EntropyContributed',
  version: 1,
  topic: DRAW_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['drawId', 'projectId', 'round', 'witness', 'value'],
    properties: {
      drawId: { type: 'string', minLength: 1 },
      projectId: { type: 'string', minLength: 1 },
      round: { type: 'integer', minimum: 1 },
      witness: { type: 'string', minLength: 1 },
      value: { type: 'string', minLength: 1, maxLength: 200 },
    },
  },
});
