import { schema } from '@mkt/shared/http';

// Response schemas the bidding service's controllers declare (`@Responds`).

const SUBMISSION_STATUSES = ['LIVE', 'REPLACED', 'WITHDRAWN'];
const quote = schema.object({ form: schema.oneOf(['AMOUNT', 'DISCOUNT_RATE']), amountFen: schema.integer(), rate: schema.number() }, { optional: ['amountFen', 'rate'] });

/** What the bidder keeps: its commitment and salt, from which anyone re-derives the commitment after the close. */
export const BID_RECEIPT = schema.object({
  bidId: schema.uuid(),
  biddingId: schema.uuid(),
  agencyId: schema.string(),
  commitment: schema.hex('sha256(JCS(bid) | salt)'),
  salt: schema.hex(),
  acceptedAt: schema.instant(),
  replacedCommitment: schema.nullable(schema.hex()),
});

export const OWN_BIDS = schema.array(
  schema.object({
    bidId: schema.uuid(),
    commitment: schema.hex(),
    salt: schema.hex(),
    bid: schema.object({ quote, servicePeriodDays: schema.integer(), note: schema.nullable(schema.string()) }),
    status: schema.oneOf(SUBMISSION_STATUSES),
    submittedAt: schema.instant(),
    endedAt: schema.nullable(schema.instant()),
  }),
);

/**
 * A round as the public sees it: rules and sealed commitments while open (`sealedCommitments`); after the close
 * the revealed table and evaluation (`closing`), the ranking, tie-break draws and every submission.
 */
export const BIDDING_VIEW = schema.named(
  'BiddingView',
  schema.object(
    {
      biddingId: schema.uuid(),
      projectId: schema.string(),
      round: schema.integer(),
      status: schema.oneOf(['OPEN', 'VOID', 'TIE_BREAK', 'DECIDED', 'FAILED']),
      voidReason: schema.nullable(schema.string()),
      rules: schema.object({ deadline: schema.instant(), capFen: schema.integer(), quoteForm: schema.oneOf(['AMOUNT', 'DISCOUNT_RATE']) }, { description: 'the evaluation rule, minimum valid bids and winners beside these' }),
      serviceItemCode: schema.string(),
      requiredLevel: schema.integer(),
      openedAt: schema.instant(),
      sealedCommitments: schema.array(schema.hex()),
      closedAt: schema.instant(),
      decidedAt: schema.nullable(schema.instant()),
      closing: schema.any('the published close: revealed bids checked against their commitments, set-aside bids, mean, failure'),
      ranking: schema.nullable(schema.array(schema.object({ agencyId: schema.string(), priceFen: schema.integer(), position: schema.integer() }))),
      pendingTies: schema.array(schema.any('a group of agencies tied at one position, awaiting its draw')),
      tieBreakDrawIds: schema.array(schema.string()),
      submissions: schema.array(
        schema.object({ agencyId: schema.string(), commitment: schema.hex(), status: schema.oneOf(SUBMISSION_STATUSES), submittedAt: schema.instant(), endedAt: schema.nullable(schema.instant()) }),
      ),
    },
    { optional: ['sealedCommitments', 'closedAt', 'decidedAt', 'closing', 'ranking', 'pendingTies', 'tieBreakDrawIds', 'submissions'] },
  ),
);
