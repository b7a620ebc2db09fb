import { defineEvent } from '@mkt/shared/contracts';
import { DRAW_TOPIC } from './topics';

export const DRAW_FAILURE_REASONS = ['TOO_FEW_CANDIDATES', 'METHOD_NOT_SUPPORTED', 'UNKNOWN_RULES', 'UNKNOWN_WEIGHT_FUNCTION', 'INVALID_OBSERVERS'] as const;

/**
 * No draw could run for this round (流标): the pool was below the minimum, the method is not offered, the rules
 * version or weight function is unknown, or the named observers break the limits (too many, named twice).
 */
export interface DrawFailedV1 {
  readonly projectId: string;
  readonly round: number;
  readonly reason: (typeof DRAW_FAILURE_REASONS)[number];
  readonly poolSize: number;
  readonly minimumCandidates: number;
  readonly exclusions: readonly { readonly agencyId: string; readonly reason: string }[];
}

export const DrawFailedV1 = defineEvent<DrawFailedV1>({
  type: 'draw.DrawFailed',
  version: 1,
  topic: DRAW_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['projectId', 'round', 'reason', 'poolSize', 'minimumCandidates', 'exclusions'],
    properties: {
      projectId: { type: 'string', minLength: 1 },
      round: { type: 'integer', minimum: 1 },
      reason: { type: 'string', enum: [...DRAW_FAILURE_REASONS] },
      poolSize: { type: 'integer', minimum: 0 },
      minimumCandidates: { type: 'integer', minimum: 0 },
      exclusions: {
        type: 'array',
        items: { type: 'object', additionalProperties: false, required: ['agencyId', 'reason'], properties: { agencyId: { type: 'string' }, reason: { type: 'string' } } },
      },
    },
  },
});
