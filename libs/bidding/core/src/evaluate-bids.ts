import { conflict, invalid } from '@mkt/shared/kernel';
import { basisPointsOf, isWholeFen } from './quote.value-object';

/**
 * How valid bids are ranked, fixed when the round opens:
 * - LOWEST_PRICE: lowest effective price first;
 * - REASONABLE_LOW (合理低价): bids priced strictly below `abnormallyLowFraction` × mean of the valid bids are set
 *   aside as abnormally low; a bid exactly at the threshold stays in; the rest rank lowest price first;
 * - CLOSEST_TO_AVERAGE (平均价): smallest distance |price − mean of the valid bids| first (above and below alike).
 */
export type EvaluationRule =
  | { readonly kind: 'LOWEST_PRICE' }
  | { readonly kind: 'REASONABLE_LOW'; readonly abnormallyLowFraction: number }
  | { readonly kind: 'CLOSEST_TO_AVERAGE' };

/** A revealed bid that passed its commitment, form and cap checks, with its effective price. */
export interface EvaluableBid {
  readonly agencyId: string;
  readonly priceFen: number;
}

/** The mean of the valid bids as an exact fraction (sumFen / count) and as a number for display. */
export interface MeanOfValidBids {
  readonly sumFen: number;
  readonly count: number;
  readonly meanFen: number;
}

export interface SetAsideBid extends EvaluableBid {
  readonly reason: 'ABNORMALLY_LOW';
  readonly mean: MeanOfValidBids;
  readonly abnormallyLowFraction: number;
  /** fraction × mean; a price strictly below it is abnormally low. */
  readonly thresholdFen: number;
}

export interface RankedBid extends EvaluableBid {
  /** Competition rank: equal standing shares a position (1, 2, 2, 4). Array order within a shared position means nothing. */
  readonly position: number;
  /** Only under CLOSEST_TO_AVERAGE. */
  readonly distanceFromMeanFen?: number;
}

/**
 * Agencies of exactly equal standing whose order matters: the group straddles the winners' cut
 * (`seatsAtStake` > 0) or lies below it (its order decides who steps up after a decline). Groups wholly
 * inside the winners are not listed: all of them are selected whatever their order.
 * Broken only by the auditable draw, then `applyTieBreak`; never by time or id.
 */
export interface TiedGroup {
  readonly position: number;
  readonly agencyIds: readonly string[];
  readonly seatsAtStake: number;
}

export type EvaluationFailure = { readonly reason: 'TOO_FEW_VALID_BIDS'; readonly required: number; readonly actual: number };

export interface BidEvaluation {
  readonly rule: EvaluationRule;
  /** Every bid that entered evaluation, in input order. */
  readonly validBids: readonly EvaluableBid[];
  readonly mean: MeanOfValidBids | null;
  readonly setAside: readonly SetAsideBid[];
  /** Empty when the round failed. */
  readonly ranking: readonly RankedBid[];
  readonly tiedGroups: readonly TiedGroup[];
  /** The agencies selected without any tie-break; fewer than `winners` while a tie straddles the cut. */
  readonly winners: readonly string[];
  readonly failed: boolean;
  readonly failure: EvaluationFailure | null;
}

const BP = 10_000n;

/** Rule: an evaluation rule is one of the three, and a reasonable-low fraction is 0 < f < 1 with ≤ 4 decimals. */
export function evaluationRuleMustBeSound(rule: EvaluationRule): void {
  if (!rule || !['LOWEST_PRICE', 'REASONABLE_LOW', 'CLOSEST_TO_AVERAGE'].includes(rule.kind))
    throw invalid('BIDDING.INVALID_EVALUATION_RULE', 'the rule is LOWEST_PRICE, REASONABLE_LOW or CLOSEST_TO_AVERAGE', 'evaluation.kind');
  if (rule.kind === 'REASONABLE_LOW') {
    const bp = basisPointsOf(rule.abnormallyLowFraction);
    if (bp === null || bp <= 0 || bp >= 10_000)
      throw invalid('BIDDING.INVALID_EVALUATION_RULE', 'the abnormally-low fraction is 0 < f < 1 with at most 4 decimals', 'evaluation.abnormallyLowFraction');
  }
}

function countMustBePositive(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 1) throw invalid('BIDDING.INVALID_COUNT', `${field} is a whole number ≥ 1`, field);
}

function meanOf(bids: readonly EvaluableBid[]): MeanOfValidBids | null {
  if (bids.length === 0) return null;
  const sumFen = bids.reduce((s, b) => s + b.priceFen, 0);
  return { sumFen, count: bids.length, meanFen: sumFen / bids.length };
}

/** Ranks valid bids under the round's rule; sets aside abnormally low ones; reports ties unresolved; fails below the minimum (流标). */
export function evaluateBids(bids: readonly EvaluableBid[], rule: EvaluationRule, minimumValidBids: number, winners: number): BidEvaluation {
  evaluationRuleMustBeSound(rule);
  countMustBePositive(minimumValidBids, 'minimumValidBids');
  countMustBePositive(winners, 'winners');
  const seen = new Set<string>();
  for (const b of bids) {
    if (!b.agencyId || seen.has(b.agencyId)) throw invalid('BIDDING.DUPLICATE_BID', `agency ${b.agencyId} has more than one bid`, 'bids');
    if (!isWholeFen(b.priceFen) || b.priceFen <= 0) throw invalid('BIDDING.INVALID_PRICE', `agency ${b.agencyId}'s price is not a positive whole fen`, 'bids');
    seen.add(b.agencyId);
  }

  const validBids = bids.map((b) => ({ agencyId: b.agencyId, priceFen: b.priceFen }));
  const mean = meanOf(validBids);
  let setAside: SetAsideBid[] = [];
  let contenders = validBids;
  if (rule.kind === 'REASONABLE_LOW' && mean) {
    // Exact: price < (bp / 10000) × (sum / n)  ⇔  price × n × 10000 < bp × sum. Equality is not abnormally low.
    const bp = BigInt(basisPointsOf(rule.abnormallyLowFraction) as number);
    const isLow = (b: EvaluableBid) => BigInt(b.priceFen) * BigInt(mean.count) * BP < bp * BigInt(mean.sumFen);
    const thresholdFen = (Number(bp) * mean.sumFen) / (10_000 * mean.count);
    setAside = validBids
      .filter(isLow)
      .map((b) => ({ ...b, reason: 'ABNORMALLY_LOW' as const, mean, abnormallyLowFraction: rule.abnormallyLowFraction, thresholdFen }));
    contenders = validBids.filter((b) => !isLow(b));
  }

  const base = { rule, validBids, mean, setAside };
  if (contenders.length < minimumValidBids) {
    return { ...base, ranking: [], tiedGroups: [], winners: [], failed: true, failure: { reason: 'TOO_FEW_VALID_BIDS', required: minimumValidBids, actual: contenders.length } };
  }

  // Scores are exact integers: the price, or |price × n − sum| (the distance to the mean scaled by n).
  const score = (b: EvaluableBid): bigint => {
    if (rule.kind !== 'CLOSEST_TO_AVERAGE' || !mean) return BigInt(b.priceFen);
    const d = BigInt(b.priceFen) * BigInt(mean.count) - BigInt(mean.sumFen);
    return d < 0n ? -d : d;
  };
  const scored = contenders.map((b) => ({ bid: b, score: score(b) })).sort((x, y) => (x.score < y.score ? -1 : x.score > y.score ? 1 : 0));
  const ranking: RankedBid[] = [];
  scored.forEach((s, i) => {
    const position = i > 0 && scored[i - 1].score === s.score ? ranking[i - 1].position : i + 1;
    ranking.push({
      ...s.bid,
      position,
      ...(rule.kind === 'CLOSEST_TO_AVERAGE' && mean ? { distanceFromMeanFen: Math.abs(s.bid.priceFen - mean.meanFen) } : {}),
    });
  });

  return { ...base, ranking, tiedGroups: tiedGroupsOf(ranking, winners), winners: decidedWinners(ranking, winners), failed: false, failure: null };
}

function groupsOf(ranking: readonly RankedBid[]): RankedBid[][] {
  const groups: RankedBid[][] = [];
  for (const r of ranking) {
    const last = groups[groups.length - 1];
    if (last && last[0].position === r.position) last.push(r);
    else groups.push([r]);
  }
  return groups;
}

function tiedGroupsOf(ranking: readonly RankedBid[], winners: number): TiedGroup[] {
  return groupsOf(ranking)
    .filter((g) => g.length > 1 && g[0].position + g.length - 1 > winners)
    .map((g) => ({
      position: g[0].position,
      // Sorted only so the output is stable; this order decides nothing.
      agencyIds: g.map((r) => r.agencyId).sort(),
      seatsAtStake: Math.max(0, winners - g[0].position + 1),
    }));
}

function decidedWinners(ranking: readonly RankedBid[], winners: number): string[] {
  return groupsOf(ranking)
    .filter((g) => g[0].position + g.length - 1 <= winners)
    .flatMap((g) => g.map((r) => r.agencyId));
}

/**
 * Puts one tied group into the order the auditable draw gave and numbers it p, p+1, …; the rest is unchanged.
 * `tiedAgencyOrder` must be exactly the members of one shared position.
 */
export function applyTieBreak(ranking: readonly RankedBid[], tiedAgencyOrder: readonly string[]): RankedBid[] {
  const members = ranking.filter((r) => tiedAgencyOrder.includes(r.agencyId));
  const position = members[0]?.position;
  const group = ranking.filter((r) => r.position === position);
  const exact =
    members.length === tiedAgencyOrder.length &&
    new Set(tiedAgencyOrder).size === tiedAgencyOrder.length &&
    group.length === tiedAgencyOrder.length &&
    group.length > 1 &&
    members.every((m) => m.position === position);
  if (!exact) throw invalid('BIDDING.TIE_BREAK_MISMATCH', 'the order must list exactly the agencies of one tied position', 'tiedAgencyOrder');
  const first = ranking.findIndex((r) => r.position === position);
  const ordered = tiedAgencyOrder.map((id, i) => ({ ...(group.find((r) => r.agencyId === id) as RankedBid), position: (position as number) + i }));
  return [...ranking.slice(0, first), ...ordered, ...ranking.slice(first + group.length)];
}

/** The selected agencies once every tie at the cut is broken; refuses while a tie straddles it. */
export function winnersFrom(ranking: readonly RankedBid[], winners: number): string[] {
  countMustBePositive(winners, 'winners');
  const inside = ranking.filter((r) => r.position <= winners);
  if (inside.length > winners) throw conflict('BIDDING.TIE_UNRESOLVED', 'a tie at the winners’ cut must be broken by the draw first');
  return inside.map((r) => r.agencyId);
}
