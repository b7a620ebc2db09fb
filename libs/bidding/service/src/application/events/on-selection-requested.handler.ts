import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { BiddingRound, type BiddingRules } from '@mkt/bidding/core';
import { BiddingOpenedV1 } from '@mkt/bidding/contracts';
import { SelectionRequestedV1 } from '@mkt/projects/contracts';
import { DomainError } from '@mkt/shared/kernel';
import { EventSubscriptions, type TransactionContext } from '@mkt/shared/messaging';
import type { EventEnvelope } from '@mkt/shared/contracts';
import { BiddingRoundRepository } from '../../infrastructure/bidding-round.repository';
import { ServiceItemFeeRepository } from '../../infrastructure/service-item-fee.repository';
import { CLOSE_BIDDING_TASK } from '../../bidding-settings';

/**
 * Opens a sealed bidding round when a BIDDING project's selection starts, with the rules fixed at publication,
 * and schedules its close at the deadline. Rules that cannot be met (a discount-rate round for an item without a
 * standard fee) leave the round VOID: it takes no bids and fails at the deadline, when projects may take a result.
 */
@Injectable()
export class OnSelectionRequestedHandler implements OnModuleInit {
  constructor(private readonly subscriptions: EventSubscriptions) {}

  onModuleInit(): void {
    this.subscriptions.on(SelectionRequestedV1, (event, tx) => this.handle(event, tx));
  }

  private async handle({ payload: request }: EventEnvelope<SelectionRequestedV1>, tx: TransactionContext): Promise<void> {
    if (request.method !== 'BIDDING') return;
    const rounds = new BiddingRoundRepository(tx.manager);
    // One round per project round: a redelivered request changes nothing.
    if (await rounds.existsFor(request.projectId, request.round)) return;
    const terms = request.bidding;
    // A BIDDING request without its rules breaks the contract: refuse it so the inbox parks it for a supervisor.
    if (!terms) throw new Error(`selection request ${request.projectId}#${request.round} names BIDDING without its rules`);

    const biddingId = randomUUID();
    const rules: BiddingRules = {
      biddingId,
      deadline: terms.deadline,
      capFen: terms.capFen,
      quoteForm: terms.quoteForm,
      standardFeeFen: await new ServiceItemFeeRepository(tx.manager).feeOf(request.serviceItemCode),
      evaluation: terms.evaluation,
      minimumValidBids: terms.minimumValidBids,
      winners: request.winners,
    };
    const now = tx.now.toISOString();
    const voidReason = reasonItCannotOpen(rules, now);
    await rounds.insert({
      biddingId, projectId: request.projectId, round: request.round, ownerOrganizationId: request.ownerOrganizationId,
      serviceItemCode: request.serviceItemCode, requiredLevel: request.requiredLevel, eligibleOn: request.eligibleOn,
      signedUp: request.signedUpAgencyIds, rules, status: voidReason ? 'VOID' : 'OPEN', openedAt: now, voidReason,
    });
    if (!voidReason) {
      tx.publish(BiddingOpenedV1, biddingId, {
        biddingId, projectId: request.projectId, round: request.round, ownerOrganizationId: request.ownerOrganizationId,
        serviceItemCode: request.serviceItemCode, requiredLevel: request.requiredLevel, deadline: rules.deadline, capFen: rules.capFen,
        quoteForm: rules.quoteForm, standardFeeFen: rules.standardFeeFen, evaluation: rules.evaluation, minimumValidBids: rules.minimumValidBids,
        winners: rules.winners, openedAt: now,
      });
    }
    // A deadline already past (a request delivered late) closes at once; otherwise exactly at the deadline.
    tx.schedule(CLOSE_BIDDING_TASK, biddingId, new Date(Math.max(Date.parse(rules.deadline), tx.now.getTime())));
  }
}

function reasonItCannotOpen(rules: BiddingRules, now: string): string | null {
  try {
    BiddingRound.open(rules, now);
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}
