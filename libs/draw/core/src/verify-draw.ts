import { KNOWN_ALGORITHMS } from './algorithm';
import { commitmentOf } from './commitment';
import { creditWeightRange } from './credit-weights';
import { canonicalJson, isLowerHex } from './digest';
import { drandRoundTime, QUICKNET, verifyDrandBeacon } from './drand';
import type { DrawRecord } from './draw-record';
import { exclusionsHashOf, isFrozenPoolOrder, poolHashOf, weightsHashOf } from './pool';
import { WEIGHTED_DRAW_V1 } from './algorithm';
import { deriveSeed } from './seed';
import { selectionFor } from './conduct-draw';
import { witnessPlanProblem } from './witness-plan';

export type DrawCheckName = 'algorithm' | 'pool-order' | 'pool-hash' | 'exclusions' | 'commitment' | 'entropy' | 'seed' | 'result';

export interface DrawCheck {
  readonly name: DrawCheckName;
  readonly ok: boolean;
  readonly detail: string;
}

export interface DrawVerification {
  readonly ok: boolean;
  readonly checks: readonly DrawCheck[];
  /** The first check that failed, so a report can say exactly what does not hold. */
  readonly firstFailure: DrawCheck | null;
}

export interface DrandTrust {
  /** Chains the verifier trusts, by chain hash: the pinned public key. Defaults to quicknet. */
  readonly chains?: Readonly<Record<string, string>>;
  /** When each trusted chain's rounds are published (genesis, period); quicknet's is built in. */
  readonly timings?: Readonly<Record<string, DrandChainTiming>>;
}

export interface DrandChainTiming {
  readonly genesisTime: number;
  readonly periodSeconds: number;
}

/**
 * Re-derives a draw from its published record alone and says which check fails: the algorithm is one this
 * code implements, the pool is in frozen order and matches its hash, the exclusions match theirs, the secret
 * matches the commitment,
 * the entropy is what the commitment promised (and, for drand, a beacon signed by the pinned chain key),
 * the seed follows from all of it, and the winners and alternates follow from the seed.
 */
export function verifyDraw(record: DrawRecord, trust: DrandTrust = {}): DrawVerification {
  const checks: DrawCheck[] = [];
  const check = (name: DrawCheckName, ok: boolean, detail: string) => checks.push({ name, ok, detail });

  const knownAlgorithm = (KNOWN_ALGORITHMS as readonly string[]).includes(record.algorithm);
  check('algorithm', knownAlgorithm, knownAlgorithm ? record.algorithm : `unknown algorithm "${record.algorithm}"`);
  const ordered = isFrozenPoolOrder(record.pool);
  check('pool-order', ordered, ordered ? `${record.pool.length} agencies in byte order` : 'the pool is not in UTF-8 byte order without repeats');
  const poolHash = ordered ? poolHashOf(record.pool) : null;
  const poolProblem = poolHash !== record.poolHash ? `pool hashes to ${poolHash}, record says ${record.poolHash}` : weightsProblem(record);
  check('pool-hash', poolProblem === null, poolProblem ?? record.poolHash);
  const exclusionsHash = exclusionsHashOf(record.exclusions ?? []);
  const exclusionsOk = exclusionsHash === record.exclusionsHash;
  check('exclusions', exclusionsOk, exclusionsOk ? `${record.exclusions.length} exclusions as committed` : `the exclusions hash to ${exclusionsHash}, the commitment says ${record.exclusionsHash}`);
  const commitment = isLowerHex(record.secret, 32) ? commitmentOf(record.secret) : null;
  check('commitment', commitment === record.commitment, commitment === record.commitment ? 'secret matches the commitment' : 'SHA-256 of the secret is not the published commitment');
  const entropy = entropyCheck(record, trust);
  check('entropy', entropy === null, entropy ?? `${record.entropy.source} entropy as committed`);
  const seed = deriveSeed(record);
  check('seed', seed === record.seed, seed === record.seed ? seed : `seed derives to ${seed}, record says ${record.seed}`);
  if (knownAlgorithm) {
    const expected = selectionFor(record, seed);
    const same = canonicalJson(expected) === canonicalJson({ winners: record.winners, alternates: record.alternates });
    check('result', same, same ? `winners ${record.winners.join(', ')}` : `the seed selects winners [${expected.winners.join(', ')}] and alternates [${expected.alternates.join(', ')}]`);
  }
  const firstFailure = checks.find((c) => !c.ok) ?? null;
  return { ok: firstFailure === null, checks, firstFailure };
}

function weightsProblem(record: DrawRecord): string | null {
  if (record.algorithm !== WEIGHTED_DRAW_V1) return null;
  const weights = record.weights ?? [];
  if (weights.length !== record.pool.length || weights.some((w, i) => w.id !== record.pool[i])) return 'the weights do not list the pool in pool order';
  const hash = weightsHashOf(weights);
  return hash === record.weightsHash ? weightOutsideTheRule(record) : `weights hash to ${hash}, record says ${record.weightsHash}`;
}

/**
 * A weight the announced rule cannot give: each firm in the pool cleared the threshold, so its weight is the
 * function's value at a score from the threshold to 100. Records from before the rule was on them carry no rule.
 */
function weightOutsideTheRule(record: DrawRecord): string | null {
  const { weightFunction, creditThreshold } = record;
  if (weightFunction === undefined || weightFunction === null || creditThreshold === undefined || creditThreshold === null) return null;
  const range = creditWeightRange(weightFunction, creditThreshold);
  if (!range) return `the weight function "${weightFunction}" is not a published one`;
  const odd = (record.weights ?? []).find((w) => !Number.isInteger(w.weight) || w.weight < range.min || w.weight > range.max);
  return odd ? `${odd.id}'s weight ${odd.weight} is not one ${weightFunction} gives a score from ${creditThreshold} to 100 (${range.min}–${range.max})` : null;
}

function entropyCheck(record: DrawRecord, trust: DrandTrust): string | null {
  const { entropy, entropyPlan: plan } = record;
  if (entropy.source !== plan.source) return `the commitment promised ${plan.source} entropy, the record has ${entropy.source}`;
  if (entropy.source === 'witnesses' && plan.source === 'witnesses') {
    const planProblem = witnessPlanProblem(plan);
    if (planProblem) return planProblem;
    const who = entropy.values.map((v) => v.witness);
    if (canonicalJson([...who].sort()) !== canonicalJson([...plan.witnesses].sort())) return 'the witnesses who entered values are not the witnesses named in the commitment';
    if (entropy.values.some((v) => v.value.length === 0)) return 'a witness value is empty';
    return null;
  }
  if (entropy.source === 'drand' && plan.source === 'drand') {
    if (entropy.chainHash !== plan.chainHash || entropy.round !== plan.round) return `the commitment fixed round ${plan.round} of ${plan.chainHash}, the record uses round ${entropy.round} of ${entropy.chainHash}`;
    const key = (trust.chains ?? { [QUICKNET.chainHash]: QUICKNET.publicKey })[entropy.chainHash];
    if (!key) return `drand chain ${entropy.chainHash} is not one this verifier trusts`;
    const beacon = verifyDrandBeacon(entropy, key);
    if (!beacon.ok) return beacon.reason;
    if (beacon.randomness !== entropy.randomness) return `randomness is SHA-256 of the signature, ${beacon.randomness}, not ${entropy.randomness}`;
    return roundTimeProblem(record.committedAt, entropy.chainHash, entropy.round, trust);
  }
  return 'unknown entropy source';
}

/**
 * The beacon must be one nobody could know when the secret was committed: a round published before the
 * commitment would let whoever chose the secret try secrets until the seed gave the winner they wanted.
 */
function roundTimeProblem(committedAt: string, chainHash: string, round: number, trust: DrandTrust): string | null {
  const timing = (trust.timings ?? {})[chainHash] ?? (chainHash === QUICKNET.chainHash ? QUICKNET : null);
  if (!timing) return `the publication times of drand chain ${chainHash} are unknown to this verifier: give its genesis and period`;
  const committed = Date.parse(committedAt);
  if (Number.isNaN(committed)) return `committedAt "${committedAt}" is no instant`;
  const published = drandRoundTime(round, timing);
  if (published > committed) return null;
  return `round ${round} was published at ${new Date(published).toISOString()}, not after the commitment at ${committedAt}: its randomness could be known when the secret was chosen`;
}

