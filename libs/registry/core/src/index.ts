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
export { beijingDay, qualificationCountsAt, qualificationExpiresAt, qualificationHasExpiredAt } from './qualification-expiry.rule';
export {
  certificateCovering,
  certificateMustBeWellFormed,
  itemQualificationId,
  offeredItemMustBeCovered,
  offeredItemsMustBeDistinct,
  type Certificate,
  type ItemRequirement,
} from './certificate.value-object';
export { registrationMustBeComplete, type Contact, type RegistrationContent, type RegistrationContext } from './registration/registration-content';
export {
  RegistrationApplication,
  OPEN_REGISTRATION_STATUSES,
  type RegistrationAction,
  type RegistrationApplicationState,
  type RegistrationEvent,
  type RegistrationStatus,
  type RegistrationStep,
} from './registration/registration-application.entity';
export { detectScanType, scanMustBeAcceptable, MAX_SCAN_BYTES, SCAN_EXTENSION, type ScanMediaType } from './scan-file.rule';
export { parseCsv } from './import/csv';
export { recordsOf, type ImportRecord, type ImportRowError, type ImportColumn } from './import/import-sheet';
export { planAgencyImport, AGENCY_IMPORT_COLUMNS, type AgencyImportContext, type ImportedFirm } from './import/agency-import';
export { applyCatalogImport, CATALOG_IMPORT_COLUMNS } from './import/catalog-import';
export { demoDirectory, type DemoFirm } from './demo-directory';
