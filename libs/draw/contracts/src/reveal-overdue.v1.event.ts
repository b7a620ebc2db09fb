import { defineEvent } from '@mkt/shared/contracts';
import { DRAW_TOPIC } from './topics';

/**
 * A commitment was not revealed by its deadline: flagged to supervisors. Only an abort is possible here,
 * never a choice — a redraw is a new, visible round with a recorded reason.
 */
export interface RevealOverdueV1 {
  readonly drawId: string;
  readonly projectId: string;
  readonly round: number;
  readonly revealDeadline: string;
  /** Witnesses who had not entered a value (empty for drand draws). */
  readonly witnessesMissing: readonly string[];
}

export const RevealOverdueV1 = defineEvent<RevealOverdueV1>({
  type: 'draw.RevealOverdue',
  version: 1,
  topic: DRAW_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['drawId', 'projectId', 'round', 'revealDeadline', 'witnessesMissing'],
    properties: {
      drawId: { type: 'string', minLength: 1 },
      projectId: { type: 'string', minLength: 1 },
      round: { type: 'integer', minimum: 1 },
      revealDeadline: { type: 'string', format: 'date-time' },
      witnessesMissing: { type: 'array', items: { type: 'string' } },
    },
  },
});
