import type { Attachment } from './attachment.value-object';
import type { ConflictOfInterest } from './conflict-list.value-object';
import type { ProjectPolicy } from './project-policy';
import type { ProjectStatus } from './project-status';
import type { ProjectTerms, TermChange, TermField } from './project-terms.value-object';
import type { Candidate, Quote, SelectionSource } from './selection-result.value-object';
import type { SelectionRule } from './selection-rule.value-object';

/** Every event names its project and the instant it happened (UTC ISO, the caller's `now`). */
interface Base {
  readonly projectId: string;
  readonly at: string;
}

export type FailureReason = 'TOO_FEW_SIGN_UPS' | 'TOO_FEW_CANDIDATES' | 'TOO_FEW_VALID_BIDS' | 'NO_ALTERNATE_LEFT';

export type SelectionRequestReason = 'SIGN_UP_CLOSED' | 'OWNER_REQUESTED' | 'OBJECTION_UPHELD';

/** Who the draw or bidding may consider, and who it must leave out and why. */
export interface SelectionRequest {
  readonly round: number;
  readonly reason: SelectionRequestReason;
  readonly ownerId: string;
  readonly serviceItemCode: string;
  readonly requiredLevel: number;
  readonly region: string;
  readonly budgetCapFen: number;
  readonly servicePeriodDays: number;
  readonly selection: SelectionRule;
  readonly excluded: readonly { readonly agencyId: string; readonly reason: string; readonly source: 'OWNER_CONFLICT' | 'OBJECTION_RULING' }[];
  /** Signed-up agencies in sign-up order, or every eligible agency. */
  readonly candidates: { readonly mode: 'SIGNED_UP'; readonly agencyIds: readonly string[] } | { readonly mode: 'ALL_ELIGIBLE' };
}

export type ProjectEvent =
  | (Base & { readonly kind: 'drafted'; readonly ownerId: string; readonly terms: ProjectTerms; readonly policy: ProjectPolicy })
  | (Base & { readonly kind: 'draft-revised'; readonly changedFields: readonly TermField[]; readonly terms: ProjectTerms })
  | (Base & { readonly kind: 'published'; readonly round: number; readonly terms: ProjectTerms; readonly policy: ProjectPolicy })
  | (Base & {
      readonly kind: 'amended';
      readonly amendment: number;
      readonly reason: string;
      readonly changedFields: readonly TermField[];
      readonly terms: ProjectTerms;
      /** The announced values it changed, before and after: what the amendment publishes (never the conflict list). */
      readonly announcedChanges: readonly TermChange[];
      /** Sign-ups the amendment cancelled: the agency is now on the conflict list, or sign-up is no longer used. */
      readonly droppedSignUps: readonly { readonly agencyId: string; readonly reason: 'CONFLICT_DECLARED' | 'SIGN_UP_NO_LONGER_REQUIRED' }[];
      /** Documents the amendment announces. */
      readonly addedAttachments: readonly Attachment[];
    })
  | (Base & { readonly kind: 'attachment-added'; readonly attachment: Attachment })
  | (Base & { readonly kind: 'signed-up'; readonly round: number; readonly agencyId: string })
  | (Base & { readonly kind: 'sign-up-withdrawn'; readonly round: number; readonly agencyId: string })
  | (Base & { readonly kind: 'sign-up-closed'; readonly round: number; readonly signUpCount: number })
  | (Base & { readonly kind: 'selection-requested' } & SelectionRequest)
  | (Base & {
      /** 流标. `source` names the draw or bidding that came up short, when it was one. */
      readonly kind: 'round-failed';
      readonly round: number;
      readonly reason: FailureReason;
      readonly required: number;
      readonly actual: number;
      readonly source?: SelectionSource;
    })
  | (Base & {
      readonly kind: 'selection-recorded';
      readonly round: number;
      readonly source: SelectionSource;
      readonly winners: readonly Candidate[];
      /** Alternates or next valid bids, in order of succession: published with the winners. */
      readonly succession: readonly Candidate[];
      readonly publicityEndsAt: string;
    })
  | (Base & { readonly kind: 'objection-filed'; readonly round: number; readonly objectionId: string; readonly agencyId: string; readonly grounds: string })
  | (Base & { readonly kind: 'objection-dismissed'; readonly round: number; readonly objectionId: string; readonly supervisorId: string; readonly reason: string })
  | (Base & {
      readonly kind: 'objection-upheld';
      /** The round whose selection is void. */
      readonly round: number;
      readonly objectionId: string;
      readonly supervisorId: string;
      readonly reason: string;
      /** Agencies the ruling excludes from the new round. */
      readonly exclusions: readonly ConflictOfInterest[];
      /** Other pending objections against the voided selection, closed without a ruling. */
      readonly mootObjectionIds: readonly string[];
      readonly nextRound: number;
    })
  | (Base & { readonly kind: 'publicity-end-deferred'; readonly round: number; readonly pendingObjectionIds: readonly string[] })
  | (Base & { readonly kind: 'awarded'; readonly round: number; readonly winners: readonly { readonly agencyId: string; readonly quote: Quote | null; readonly respondBy: string }[] })
  | (Base & { readonly kind: 'award-accepted'; readonly round: number; readonly agencyId: string })
  | (Base & {
      readonly kind: 'award-declined';
      readonly round: number;
      readonly agencyId: string;
      /** DECLINED by the agency, or NO_RESPONSE by the deadline; either goes on its credit record. */
      readonly cause: 'DECLINED' | 'NO_RESPONSE';
      readonly reason: string;
    })
  | (Base & {
      readonly kind: 'successor-promoted';
      readonly round: number;
      readonly agencyId: string;
      readonly quote: Quote | null;
      readonly replaces: string;
      /** ALTERNATE after a draw, NEXT_VALID_BID after bidding. */
      readonly from: 'ALTERNATE' | 'NEXT_VALID_BID';
      readonly respondBy: string;
    })
  | (Base & { readonly kind: 'contract-recorded'; readonly agencyId: string; readonly amountFen: number; readonly startDate: string; readonly dueDate: string })
  | (Base & { readonly kind: 'contracted' })
  | (Base & {
      readonly kind: 'completion-recorded';
      readonly agencyId: string;
      readonly completionDate: string;
      readonly dueDate: string;
      readonly daysTaken: number;
      readonly daysLate: number;
      readonly onTime: boolean;
    })
  | (Base & { readonly kind: 'completed' })
  | (Base & {
      /** What the registry's credit record needs (DESIGN: evaluation feeds the agency's credit record). */
      readonly kind: 'agency-evaluated';
      readonly agencyId: string;
      readonly ownerId: string;
      readonly serviceItemCode: string;
      readonly servicePeriodDays: number;
      readonly contractAmountFen: number;
      readonly onTime: boolean;
      readonly daysLate: number;
      /** 1 (poor) to 5 (excellent). */
      readonly quality: number;
      readonly feeCompliant: boolean;
      readonly comment: string;
    })
  | (Base & { readonly kind: 'evaluated' })
  | (Base & { readonly kind: 'reposted'; readonly round: number; readonly reason: string; readonly changedFields: readonly TermField[]; readonly terms: ProjectTerms })
  | (Base & { readonly kind: 'cancelled'; readonly from: ProjectStatus; readonly reason: string });

export type ProjectEventKind = ProjectEvent['kind'];
