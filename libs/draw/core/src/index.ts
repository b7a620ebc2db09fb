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
export { UNIFORM_DRAW_V1, WEIGHTED_DRAW_V1, KNOWN_ALGORITHMS, type DrawAlgorithm } from './algorithm';
export { canonicalJson, sha256Hex } from './digest';
export { commitmentOf } from './commitment';
export { poolHashOf, exclusionsHashOf, weightsHashOf, isFrozenPoolOrder } from './pool';
export { deriveSeed, type SeedInput } from './seed';
export { seededGenerator, uniformIndex, type Uint32Source } from './seeded-generator';
export { selectUniformly, selectByWeight, type Selection, type WeightedCandidate } from './select';
export type { Entropy, WitnessEntropy, DrandEntropy, EntropyPlan, WitnessPlan, DrawObserver } from './entropy';
export { QUICKNET, drandRoundAt, drandRoundMessage, drandRoundTime, drandEntropyFromRelay, verifyDrandBeacon, type BeaconCheck } from './drand';
export type { DrawCommitment, DrawRecord } from './draw-record';
export { commitDraw, revealDraw } from './conduct-draw';
export { verifyDraw, type DrawCheck, type DrawCheckName, type DrawVerification, type DrandTrust, type DrandChainTiming } from './verify-draw';
export { freezePool, type FrozenPool, type FreezeExclusionReason } from './freeze-pool';
export { witnessMustBeNamedAndEnterOnce } from './witness-entropy.rule';
export { OBSERVER_SLOT_PREFIX, MAX_OBSERVERS, MAX_OBSERVER_LABEL_LENGTH, observerSlotOf, isObserverSlot, observerListProblem, planWitnesses, witnessPlanProblem } from './witness-plan';
export { witnessSlotOf, type WitnessActor, type WitnessedDraw } from './witness-slot.rule';
export { ROTATION_RULE_SETS, agencyMustNotHaveWonRecentlyForSameOwner, agencyMustHaveFewerUnfinishedContracts, type RotationRuleSet, type PastWin } from './rotation-rules';
export { CREDIT_WEIGHT_FUNCTIONS, CREDIT_START_SCORE, weighPoolByCredit, type CreditWeighting } from './credit-weights';
