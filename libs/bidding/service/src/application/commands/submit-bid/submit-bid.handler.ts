import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { agencyMayHaveOneLiveBid, bidCommitment, bidderMustBeEligible, bidMustArriveBeforeDeadline, envelopeMustBeAcceptable, type BidderStanding, type BidRefusal, type Quote, type SealedEnvelope } from '@mkt/bidding/core';
import { BidReplacedV1, BidSubmittedV1 } from '@mkt/bidding/contracts';
import type { AuthenticatedUser } from '@mkt/shared/auth';
import { conflict, forbidden } from '@mkt/shared/kernel';
import { earlierAnswer, findEarlierAnswer, UnitOfWork, type IdempotencyKey, type StatementContext } from '@mkt/shared/messaging';
import { BidSealer } from '../../../infrastructure/bid-sealer';
import { BidSubmissionRepository } from '../../../infrastructure/bid-submission.repository';
import type { StoredRound } from '../../../infrastructure/bidding-round.repository';
import { readSubmission } from '../../../infrastructure/submission-context.query';
import { sealEnvelope } from '../../sealed-envelope';
import { agencyOf } from '../agency-of';

export interface SubmitBidCommand {
  readonly biddingId: string;
  readonly actor: AuthenticatedUser;
  readonly quote: Quote;
  readonly servicePeriodDays: number;
  readonly note: string | null;
  readonly salt: string | null;
  /** REPLACE ends the agency's live bid (recorded as REPLACED) and puts this one in its place. */
  readonly mode: 'SUBMIT' | 'REPLACE';
  readonly idempotency: IdempotencyKey | null;
}

/** What the agency keeps: enough to prove later that the revealed bid is the one it sealed. Never the price. */
export interface BidReceipt {
  readonly bidId: string;
  readonly biddingId: string;
  readonly agencyId: string;
  readonly commitment: string;
  readonly salt: string;
  readonly acceptedAt: string;
  readonly replacedCommitment: string | null;
}

/**
 * Takes a sealed bid: in time to the millisecond (the server's clock at acceptance), from an eligible agency that
 * signed up where sign-up was required, well formed and within the cap. The content is stored encrypted; only the
 * commitment goes into the event.
 */
@Injectable()
export class SubmitBidHandler {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly sealer: BidSealer,
  ) {}

  async execute(command: SubmitBidCommand): Promise<BidReceipt> {
    // A bid whose read came before the close finds the round closed when it writes; the second read sees the
    // close and refuses with its reason.
    for (let attempt = 1; ; attempt++) {
      const receipt = await this.unitOfWork.runInOneStatement((tx) => this.submit(tx, command));
      if (receipt !== ROUND_CLOSED_MEANWHILE) return receipt;
      if (attempt === 2) throw conflict('BIDDING.ROUND_CLOSED', 'the round closed while this bid was being taken');
    }
  }

  private async submit(tx: StatementContext, command: SubmitBidCommand): Promise<BidReceipt | typeof ROUND_CLOSED_MEANWHILE> {
    const agencyId = agencyOf(command.actor);
    const key = command.idempotency;
    const { earlier, round, standing, live } = await readSubmission(tx.manager, command.biddingId, agencyId, key);
    const repeated = key ? earlierAnswer<BidReceipt>(earlier, key) : undefined;
    if (repeated) return repeated;
    const now = tx.now.toISOString();
    bidMustArriveBeforeDeadline(round.rules.deadline, now);
    if (round.status === 'VOID') throw conflict('BIDDING.ROUND_VOID', `this round could not open (${round.voidReason}); it takes no bids`);
    bidderMustBeAdmitted(round, standing, agencyId);

    const salt = command.salt ?? randomBytes(32).toString('hex');
    const envelope: SealedEnvelope = { bid: { biddingId: round.biddingId, agencyId, quote: command.quote, servicePeriodDays: command.servicePeriodDays, note: command.note }, salt };
    const commitment = bidCommitment(envelope.bid, salt);
    envelopeMustBeAcceptable(round.rules, round.status === 'OPEN' ? 'OPEN' : 'CLOSED', agencyId, envelope, commitment, now);

    if (command.mode === 'SUBMIT') agencyMayHaveOneLiveBid(live !== null);
    else if (!live) throw conflict('BIDDING.NO_LIVE_BID', 'the agency has no live bid to replace', 'agencyId');

    const bidId = randomUUID();
    const receipt: BidReceipt = { bidId, biddingId: round.biddingId, agencyId, commitment, salt, acceptedAt: now, replacedCommitment: live?.commitment ?? null };
    const event = live
      ? tx.record(BidReplacedV1, round.biddingId, { biddingId: round.biddingId, projectId: round.projectId, agencyId, previousCommitment: live.commitment, commitment, acceptedAt: now })
      : tx.record(BidSubmittedV1, round.biddingId, { biddingId: round.biddingId, projectId: round.projectId, agencyId, commitment, acceptedAt: now });
    const outcome = await new BidSubmissionRepository(tx.manager).write({
      bid: { bidId, biddingId: round.biddingId, agencyId, commitment, sealed: sealEnvelope(this.sealer, envelope, { biddingId: round.biddingId, agencyId, commitment }), submittedAt: now },
      replacing: live?.bidId ?? null,
      event,
      answer: key ? { key, response: receipt } : null,
    });
    if (outcome === 'WRITTEN') return receipt;
    if (outcome === 'ROUND_NOT_OPEN') return ROUND_CLOSED_MEANWHILE;
    // Beaten by a request that wrote first: a repeat of this very request gets its answer; anything else is told why.
    const answer = key ? await findEarlierAnswer<BidReceipt>(tx.manager, key) : undefined;
    if (answer) return answer;
    if (outcome === 'TAKEN') throw conflict('BIDDING.ALREADY_BID', 'an agency has one live bid; replace or withdraw it', 'agencyId');
    throw conflict('BIDDING.NO_LIVE_BID', 'the live bid was replaced or withdrawn meanwhile', 'agencyId');
  }
}

const ROUND_CLOSED_MEANWHILE = Symbol('round closed meanwhile');

const REFUSAL_MESSAGES: Record<BidRefusal, string> = {
  AGENCY_NOT_ACTIVE: 'only an ACTIVE agency may bid',
  ITEM_NOT_OFFERED: 'the agency no longer offers this service item',
  NO_VALID_QUALIFICATION: 'the agency holds no valid qualification for this item and level',
};

/** Only an eligible agency bids, and only one that signed up where the project required sign-up. */
function bidderMustBeAdmitted(round: StoredRound, standing: BidderStanding | null, agencyId: string): void {
  const refusal = bidderMustBeEligible(standing, round.serviceItemCode, round.requiredLevel, round.eligibleOn);
  if (refusal) throw forbidden(`BIDDING.${refusal}`, REFUSAL_MESSAGES[refusal]);
  if (round.signedUp !== null && !round.signedUp.includes(agencyId)) throw forbidden('BIDDING.NOT_SIGNED_UP', 'only agencies that signed up for this project may bid');
}
