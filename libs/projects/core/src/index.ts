// The projects domain: the project lifecycle as a pure state machine. No framework, no I/O, no clock.
export {
  Project,
  type ProjectState,
  type DraftInput,
  type SignUp,
  type Objection,
  type ObjectionStatus,
  type SelectionOutcome,
  type SelectionVerdict,
  type Seat,
} from './project.entity';
export type { ProjectEvent, ProjectEventKind, FailureReason, SelectionRequest, SelectionRequestReason } from './project.event';
export { PROJECT_TRANSITIONS, projectMustBeIn, statusTransitionMustBeAllowed, type ProjectStatus } from './project-status';
export { DEFAULT_PROJECT_POLICY, projectPolicyMustBeSound, type ProjectPolicy } from './project-policy';
export type { Actor, ActorRole } from './actor';
export {
  parseProjectTerms,
  mergeTerms,
  changedTermFields,
  announcedTermChanges,
  TERM_FIELDS,
  ANNOUNCED_TERM_FIELDS,
  type ProjectTerms,
  type ProjectTermsInput,
  type TermField,
  type TermChange,
  type TermValue,
  type UnchangedItem,
} from './project-terms.value-object';
export {
  parseSelectionRule,
  minimumCandidatesOf,
  winnersOf,
  entropySourceOf,
  creditRuleOf,
  MAX_CREDIT_SCORE,
  ENTROPY_SOURCES,
  type EntropySource,
  SELECTION_METHODS,
  type SelectionMethod,
  type SelectionRule,
  type SelectionRuleInput,
  type DrawParameters,
  type DrawObserver,
  MAX_DRAW_OBSERVERS,
  type BidEvaluation,
  type QuoteForm,
} from './selection-rule.value-object';
export { parseSignUpRule, type SignUpRule, type SignUpRuleInput } from './sign-up.value-object';
export { parseConflictList, type ConflictOfInterest, type ConflictOfInterestInput } from './conflict-list.value-object';
export type { SelectionResult, Candidate, Quote, SelectionSource } from './selection-result.value-object';
export { yuanToFen, fenToYuan } from './money.value-object';
export { parseInstant, parseCalendarDate, calendarDateAt } from './instant.value-object';
export { serviceDueDate, readServiceClock, type ServiceClockReading } from './service-clock.value-object';
export { directSelectionMustBeUnderThreshold } from './rules/direct-selection-must-be-under-threshold.rule';
export { contractCeilingFen } from './rules/contract-must-fit-award.rule';
export { standardOf, type CatalogItem, type ServiceItemStandard, type PostingContext } from './catalog-item.value-object';
export { serviceItemMustBeOffered, requiredLevelMustMeetItemMinimum } from './rules/service-item-must-be-offered.rule';
export { weightFunctionMustBePublished } from './rules/weight-function-must-be-published.rule';
export {
  attachmentMustBeAcceptable,
  attachmentName,
  detectAttachmentType,
  zipEntryNames,
  ATTACHMENT_EXTENSION,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  DOCX_MEDIA_TYPE,
  XLSX_MEDIA_TYPE,
  type Attachment,
  type AttachmentMediaType,
} from './attachment.value-object';
