import { defineEvent, type JSONSchemaType } from '@mkt/shared/contracts';
import { ID, ROUND } from './schemas';
import { BIDDING_TOPIC } from './topics';

/**
 * Bids tied exactly at a position whose order matters: the draw service orders these agencies by the auditable
 * draw (never by time or id), witnessed like any other draw.
 */
export interface TieBreakRequestedV1 {
  readonly biddingId: string;
  readonly projectId: string;
  readonly round: number;
  readonly ownerOrganizationId: string;
  readonly position: number;
  readonly agencyIds: readonly string[];
  /** Who enters witness values, by role. */
  readonly witnesses: readonly string[];
}

export const TieBreakRequestedV1 = defineEvent<TieBreakRequestedV1>({
  type: 'bidding.TieBreakRequested',
  version: 1,
  topic: BIDDING_TOPIC,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['biddingId', 'projectId', 'round', 'ownerOrganizationId', 'position', 'agencyIds', 'witnesses'],
    properties: {
      biddingId: ID,
      projectId: ID,
      round: ROUND,
      ownerOrganizationId: ID,
      position: { type: 'integer', minimum: 1 },
      agencyIds: { type: 'array', items: ID, minItems: 2 },
      witnesses: { type: 'array', items: { type: 'string', enum: ['OWNER', 'SUPERVISOR'] }, minItems: 1 },
    },
  } as unknown as JSONSchemaType<TieBreakRequestedV1>,
});
