import { calendarDateAt, entropySourceOf, minimumCandidatesOf, winnersOf, type Project, type ProjectEvent, type SelectionRule } from '@mkt/projects/core';
import { AgencyEvaluatedV1, AwardDeclinedV1, ContractRecordedV1, ServiceCompletedV1, ProjectAmendedV1, ProjectAwardedV1, ProjectCancelledV1, ProjectPublishedV1, RoundFailedV1, SelectionRecordedV1, SelectionRequestedV1, type BiddingTermsV1 } from '@mkt/projects/contracts';
import type { TransactionContext } from '@mkt/shared/messaging';
import { CLOSE_SIGN_UP_TASK, DRAW_WITNESSES, END_PUBLICITY_TASK, RESPONSE_DEADLINE_TASK, RULES_VERSION } from '../projects-settings';

/**
 * Turns what the aggregate says happened into integration events and durable deadlines, in the same
 * transaction as the state change: a published window schedules its close, a recorded selection its
 * publicity end, an award its response deadline.
 */
export function publishProjectEvents(tx: TransactionContext, project: Project, events: readonly ProjectEvent[]): void {
  const s = project.snapshot;
  for (const e of events) {
    switch (e.kind) {
      case 'published':
      case 'reposted':
      case 'amended': {
        const signUp = e.terms.signUp;
        // A repost is the announcement of the next round, with its own terms and window.
        if (e.kind === 'published' || e.kind === 'reposted') {
          tx.publish(ProjectPublishedV1, s.id, {
            projectId: s.id, round: e.round ?? s.round, ownerOrganizationId: s.ownerId, title: e.terms.title, serviceItemCode: e.terms.serviceItemCode,
            requiredLevel: e.terms.requiredLevel, region: e.terms.region, budgetCapFen: e.terms.budgetCapFen, servicePeriodDays: e.terms.servicePeriodDays,
            method: e.terms.selection.method, signUpClosesAt: signUp.mode === 'WINDOW' ? signUp.closesAt : null,
          });
        }
        if (e.kind === 'amended') {
          // Public like the announcement; the dropped sign-ups stay out, as a drop for a declared conflict would say whom the owner declared.
          tx.publish(ProjectAmendedV1, s.id, {
            projectId: s.id, round: s.round, ownerOrganizationId: s.ownerId, amendment: e.amendment, reason: e.reason, amendedAt: e.at, changes: [...e.announcedChanges],
            documents: e.addedAttachments.map((a) => ({ id: a.id, name: a.name, mediaType: a.mediaType, sizeBytes: a.sizeBytes, sha256: a.sha256 })),
          });
        }
        // An amendment re-arms the close at the new time (the task is keyed by project) and publishes in the same transaction.
        if (signUp.mode === 'WINDOW') tx.schedule(CLOSE_SIGN_UP_TASK, s.id, new Date(signUp.closesAt));
        break;
      }
      case 'selection-requested': {
        const rule = e.selection;
        // A drand draw has no witnesses: the beacon of the round its commitment fixes is the entropy.
        const drand = entropySourceOf(rule) === 'drand';
        tx.publish(SelectionRequestedV1, s.id, {
          projectId: s.id, round: e.round, method: rule.method, ownerOrganizationId: e.ownerId, serviceItemCode: e.serviceItemCode,
          requiredLevel: e.requiredLevel, winners: winnersOf(rule), alternates: 'alternates' in rule ? rule.alternates : 0,
          minimumCandidates: minimumCandidatesOf(rule), conflictAgencyIds: e.excluded.map((x) => x.agencyId),
          signedUpAgencyIds: e.candidates.mode === 'SIGNED_UP' ? e.candidates.agencyIds : null,
          entropySource: drand ? 'drand' : 'witnesses', witnesses: drand ? [] : [...DRAW_WITNESSES], observers: 'observers' in rule ? [...(rule.observers ?? [])] : [],
          creditThreshold: rule.method === 'CREDIT_WEIGHTED_DRAW' ? rule.minimumCreditScore : null,
          weightFunction: rule.method === 'CREDIT_WEIGHTED_DRAW' ? rule.weightFunction : null,
          rulesVersion: RULES_VERSION, eligibleOn: calendarDateAt(e.at, s.policy.utcOffsetMinutes),
          bidding: biddingTermsOf(rule, s.terms.budgetCapFen),
        });
        break;
      }
      case 'selection-recorded':
        tx.publish(SelectionRecordedV1, s.id, {
          projectId: s.id, round: e.round, source: e.source.kind,
          sourceId: e.source.kind === 'DRAW' ? e.source.drawId : e.source.kind === 'BIDDING' ? e.source.biddingId : '',
          winners: e.winners.map((c) => c.agencyId), succession: e.succession.map((c) => c.agencyId), publicityEndsAt: e.publicityEndsAt,
        });
        tx.schedule(END_PUBLICITY_TASK, s.id, new Date(e.publicityEndsAt));
        break;
      case 'cancelled':
        // A draft was never public, and its withdrawal is nobody else's business.
        if (e.from === 'PUBLISHED' || e.from === 'FAILED') {
          tx.publish(ProjectCancelledV1, s.id, { projectId: s.id, round: s.round, ownerOrganizationId: s.ownerId, from: e.from, reason: e.reason, cancelledAt: e.at });
        }
        break;
      case 'round-failed':
        tx.publish(RoundFailedV1, s.id, { projectId: s.id, round: e.round, reason: e.reason, required: e.required, actual: e.actual });
        break;
      case 'awarded':
        tx.publish(ProjectAwardedV1, s.id, { projectId: s.id, round: e.round, winners: e.winners.map((w) => ({ agencyId: w.agencyId, respondBy: w.respondBy })) });
        scheduleResponseDeadline(tx, project);
        break;
      case 'successor-promoted':
        scheduleResponseDeadline(tx, project);
        break;
      case 'contract-recorded':
        tx.publish(ContractRecordedV1, s.id, { projectId: s.id, agencyId: e.agencyId, amountFen: e.amountFen, startDate: e.startDate, dueDate: e.dueDate });
        break;
      case 'completion-recorded':
        tx.publish(ServiceCompletedV1, s.id, { projectId: s.id, agencyId: e.agencyId, completionDate: e.completionDate, onTime: e.onTime, daysLate: e.daysLate });
        break;
      case 'award-declined':
        tx.publish(AwardDeclinedV1, s.id, { projectId: s.id, round: e.round, agencyId: e.agencyId, cause: e.cause, reason: e.reason });
        break;
      case 'agency-evaluated':
        tx.publish(AgencyEvaluatedV1, s.id, {
          projectId: s.id, agencyId: e.agencyId, ownerOrganizationId: e.ownerId, serviceItemCode: e.serviceItemCode, servicePeriodDays: e.servicePeriodDays,
          contractAmountFen: e.contractAmountFen, onTime: e.onTime, daysLate: e.daysLate, quality: e.quality, feeCompliant: e.feeCompliant, comment: e.comment,
        });
        break;
      default:
        break;
    }
  }
}

function biddingTermsOf(rule: SelectionRule, capFen: number): BiddingTermsV1 | null {
  if (rule.method !== 'BIDDING') return null;
  const e = rule.evaluation;
  const evaluation: BiddingTermsV1['evaluation'] = e.rule === 'REASONABLE_LOW' ? { kind: 'REASONABLE_LOW', abnormallyLowFraction: e.abnormallyLowFraction } : { kind: e.rule };
  return { deadline: rule.bidDeadline, capFen, quoteForm: rule.quoteForm, evaluation, minimumValidBids: rule.minimumValidBids };
}

function scheduleResponseDeadline(tx: TransactionContext, project: Project): void {
  const pending = project.snapshot.seats.filter((seat) => seat.acceptedAt === null).map((seat) => seat.respondBy);
  if (pending.length > 0) tx.schedule(RESPONSE_DEADLINE_TASK, project.snapshot.id, new Date(pending.sort()[0]));
}
