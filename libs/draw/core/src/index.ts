export {
  agencyMustBeEligibleForItem,
  partitionPool,
  type AgencyEligibilityView,
  type ItemRequirement,
  type ExclusionReason,
  type Eligibility,
  type PoolPartition,
} from './eligibility.rule';
export { compareUtf8 } from './byte-order';
