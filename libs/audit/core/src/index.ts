export { bytesEqual, fromBase64, hexOf, hexToBytesOrNull, toBase64 } from './bytes';
export { emptyRoot, entryBytesOf, entryTextOf, HASH_SIZE, leafHash, leafHashOf, nodeHash } from './merkle-hash';
export { MerkleLog } from './merkle-log';
export { verifyConsistency, verifyInclusion } from './merkle-proof';
export {
  checkNoteSignature,
  generateSigner,
  keyIdOf,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signerKeyString,
  signNote,
  SignatureType,
  verifierKeyString,
  verifierOf,
  type Note,
  type NoteParse,
  type NoteSignature,
  type NoteSigner,
  type NoteVerifier,
  type SignatureCheck,
  type VerifierKey,
} from './signed-note';
export {
  checkpointText,
  describeCheckpointFailure,
  parseCheckpoint,
  signCheckpoint,
  verifyCheckpoint,
  type Checkpoint,
  type CheckpointFailure,
  type CheckpointResult,
} from './checkpoint';
export { cosignatureMessage, cosignCheckpoint, verifyCosignature, type CosignatureResult } from './cosignature';
export {
  acceptCheckpoint,
  describeWitnessRefusal,
  initialWitnessState,
  type WitnessDecision,
  type WitnessRefusal,
  type WitnessState,
} from './witness';
export {
  createLogExport,
  describeExportFailure,
  exportShapeProblem,
  hashExportEntries,
  LOG_EXPORT_FORMAT,
  verifyExportCheckpoints,
  verifyLogExport,
  type EntriesHashed,
  type ExportFailure,
  type ExportVerification,
  type LogExport,
} from './log-export';
export type { AgencyAtDraw, DrawOutcome } from './fairness/draw-outcome';
export { fairnessHistoryOf, FAIRNESS_EVENT_TYPES } from './fairness/fairness-history';
export { chancesOf, hasKnownChances, WEIGHTED_EXACT_TRANSITIONS, WEIGHTED_SEED, WEIGHTED_SIMULATIONS, type DrawChances } from './fairness/draw-chances';
export { winsAgainstChance, type FairnessTest, type FairnessTestNotRun } from './fairness/fairness-tests';
export { groupedWins, groupedWinsTest, type GroupedWinsResult, type GroupWins } from './fairness/grouped-wins';
export {
  gradeIndependence,
  INDEPENDENCE_MIN_DRAWS,
  INDEPENDENCE_MIN_EXPECTED_WINS,
  POSITION_BINS,
  priceLevelIndependence,
  regionIndependence,
  SIGN_UP_BINS,
  signUpOrderIndependence,
  winnerPositionUniformity,
} from './fairness/independence-tests';
export { CONCENTRATION_MIN_DRAWS, CONCENTRATION_MIN_ITEM_DRAWS, CONCENTRATION_SEED, CONCENTRATION_SIMULATIONS, winConcentration } from './fairness/win-concentration';
export { fairnessReport, FAIRNESS_ALPHA, FAIRNESS_GLOBAL_SHARE, type FairnessReport, type FairnessFlag } from './fairness/fairness-report';
export { useSha256, type Sha256 } from './sha256-provider';
export { loggedEventOf, type LoggedEvent } from './records/logged-event';
export { drawRecordsOf, loggedEventsIn, DRAW_RECORD_EVENT_TYPES, type AuditedDraw, type PublishedDrawRecord } from './records/draw-records';
export { namesAgency, projectFactsOf, selectionRecords, type ProjectFacts, type RecordFilter, type RecordScope, type SelectionRecord } from './records/selection-records';
export { toCsv, type CsvCell } from './exports/csv';
export { publicStatistics, FREE_CHOICE_THRESHOLD_FEN, REPORTED_FIGURES, STATISTICS_EVENT_TYPES, type PublicStatistics, type CategoryStatistics, type MonthStatistics, type MeanReduction } from './statistics/public-statistics';
export { beijingMonthOf, workingDaysBetween } from './statistics/working-days';
export { ocdsReleasePackage, ocdsSchemaValidator, OCDS_METHOD_DETAILS, type OcdsPublication } from './exports/ocds-release-package';
export { OCDS_RELEASE_PACKAGE_SUBSET_SCHEMA } from './exports/ocds-release-subset.schema';
export type { CollusionTest } from './collusion/collusion-test';
export { closedRoundsOf, type ClosedRound } from './collusion/bidding-rounds';
export { coBiddingPairs, CO_BIDDING_MIN_ROUNDS } from './collusion/co-bidding';
export { identicalQuotes, quoteSpread, IDENTICAL_MIN_JOINT_ROUNDS, QUOTE_MIN_POOLED_DEGREES, QUOTE_SPREAD_MIN_BIDS } from './collusion/quote-clustering';
export { repeatedDeclines, DECLINES_MIN_AWARDS } from './collusion/repeated-declines';
export { collusionReport, COLLUSION_ALPHA, COLLUSION_EVENT_TYPES, type CollusionFlag, type CollusionReport } from './collusion/collusion-report';
export { binomialUpperTail, hypergeometricUpperTail, poissonBinomialUpperTail, poissonUpperTail } from './collusion/tail-probabilities';
