import { defineEvent, type JSONSchemaType } from '@mkt/shared/contracts';
import { HEX64, ID, INSTANT } from './schemas';
import { BIDDING_TOPIC } from './topics';

/**
 * The events of an open round. They carry commitments only — never a price: until the close, a bid is known
 * to the bus, the audit log and everyone else only by `sha256(canonical bid | salt)`.
 */
export interface BidSubmittedV1 {
  readonly biddingId: string;
  readonly projectId: string;
  readonly agencyId: string;
  readonly commitment: string;
  readonly acceptedAt: string;
}

export interface BidReplacedV1 {
  readonly biddingId: string;
  readonly projectId: string;
  readonly agencyId: string;
  readonly previousCommitment: string;
  readonly commitment: string;
  readonly acceptedAt: string;
}

export interface BidWithdrawnV1 {
  readonly biddingId: string;
  readonly projectId: string;
  readonly agencyId: string;
  readonly commitment: string;
  readonly withdrawnAt: string;
}

const object = (required: string[], properties: Record<string, unknown>) => ({ type: 'object', additionalProperties: false, required, properties });

export const BidSubmittedV1 = defineEvent<BidSubmittedV1>({
  type: 'bidding.BidSubmitted',
  version: 1,
  topic: BIDDING_TOPIC,
  schema: object(['biddingId', 'projectId', 'agencyId', 'commitment', 'acceptedAt'], { biddingId: ID, projectId: ID, agencyId: ID, commitment: HEX64, acceptedAt: INSTANT }) as unknown as JSONSchemaType<BidSubmittedV1>,
});

export const BidReplacedV1 = defineEvent<BidReplacedV1>({
  type: 'bidding.BidReplaced',
  version: 1,
  topic: BIDDING_TOPIC,
  schema: object(['biddingId', 'projectId', 'agencyId', 'previousCommitment', 'commitment', 'acceptedAt'], {
    biddingId: ID, projectId: ID, agencyId: ID, previousCommitment: HEX64, commitment: HEX64, acceptedAt: INSTANT,
  }) as unknown as JSONSchemaType<BidReplacedV1>,
});

export const BidWithdrawnV1 = defineEvent<BidWithdrawnV1>({
  type: 'bidding.BidWithdrawn',
  version: 1,
  topic: BIDDING_TOPIC,
  schema: object(['biddingId', 'projectId', 'agencyId', 'commitment', 'withdrawnAt'], { biddingId: ID, projectId: ID, agencyId: ID, commitment: HEX64, withdrawnAt: INSTANT }) as unknown as JSONSchemaType<BidWithdrawnV1>,
});
