import { defineEvent } from '@mkt/shared/contracts';
import { PROJECT_TOPIC } from './topics';

/** A round's result entered publicity (公示): winners and the order of succession are public until it ends. */
export interface SelectionRecordedV1 {
  readonly projectId: string;
  readonly round: number;
  readonly source: 'DRAW' | 'BIDDING' | 'DIRECT';
  /** The draw or bidding that produced it; empty for direct selection. */
  readonly sourceId: string;
  readonly winners: readonly string[];
  readonly succession: readonly string[];
  readonly publicityEndsAt: string;
}

export const SelectionRecordedV1 = defineEvent<SelectionRecordedV1>({
  type: 'projects.SelectionRecorded',
  version: 1,
  topic: PROJECT_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['projectId', 'round', 'source', 'sourceId', 'winners', 'succession', 'publicityEndsAt'],
    properties: {
      projectId: { type: 'string', minLength: 1 },
      round: { type: 'integer', minimum: 1 },
      source: { type: 'string', enum: ['DRAW', 'BIDDING', 'DIRECT'] },
      sourceId: { type: 'string' },
      winners: { type: 'array', items: { type: 'string' } },
      succession: { type: 'array', items: { type: 'string' } },
      publicityEndsAt: { type: 'string', format: 'date-time' },
    },
  },
});
