export { Agency, type AgencyState, type AgencyEvent, type Qualification } from './agency.entity';
export { statusTransitionMustBeAllowed, type AgencyStatus } from './agency-status';
export {
  parseSanctionInstant,
  sanctionIsInForce,
  sanctionIsOutstanding,
  statusUnderSanctions,
  SANCTION_KINDS,
  type Sanction,
  type SanctionKind,
} from './sanction';
export {
  CREDIT_FORMULA,
  CREDIT_CAUSES,
  MISCONDUCT_KINDS,
  boundedScore,
  misconductKindMustBeKnown,
  pointsForDeclinedAward,
  pointsForEvaluation,
  pointsForMisconduct,
  type CreditCause,
  type CreditPoints,
  type EvaluationFacts,
  type MisconductKind,
} from './credit-formula';
export { CreditRecord, replayCreditScore, firstInconsistentEntry, type CreditEntry, type CreditRecordState, type CreditSource } from './credit-record.entity';
export { UnifiedSocialCreditCode, creditCodeCheckCharacter } from './unified-social-credit-code.value-object';
export {
  Catalog,
  standardMustBeComplete,
  serviceCodeMustBeWellFormed,
  type Bilingual,
  type CatalogChange,
  type CatalogChangeKind,
  type CatalogState,
  type ServiceCategory,
  type ServiceItem,
  type ServiceItemStandard,
  type ServiceItemStatus,
} from './catalog.entity';
export { DEMO_CATEGORIES, DEMO_SERVICE_ITEMS } from './demo-catalog';
