import type { DrawOutcome } from './draw-outcome';
import type { FairnessTest, FairnessTestNotRun } from './fairness-tests';
import { groupedWins, type GroupOf } from './grouped-wins';

/** Fixed in advance: a grouped test runs on at least this many informative draws (a pool spanning ≥ 2 groups)… */
export const INDEPENDENCE_MIN_DRAWS = 30;
/** …with every group it compares expecting at least this many wins (the chi-square approximation's usual rule). */
export const INDEPENDENCE_MIN_EXPECTED_WINS = 5;
/** Winner position is compared in deciles of the frozen pool, sign-up order in quintiles. */
export const POSITION_BINS = 10;
export const SIGN_UP_BINS = 5;

type Outcome = FairnessTest | FairnessTestNotRun;
type Grouping = { readonly kind: 'categorical' } | { readonly kind: 'ordinal'; readonly unit: string; readonly bins: number };

/** The bin, 1…bins, of rank r among n: (r + ½)/n cut in equal parts, so every position of a pool has one bin. */
function binOf(rank: number, n: number, bins: number): string {
  return String(Math.min(bins - 1, Math.floor(((rank + 0.5) / n) * bins)) + 1);
}

/**
 * Where winners stood in the frozen pool (sorted by id, so a position is an id's place in the alphabet): under a
 * fair draw the winner's decile follows the pool's, draw by draw.
 */
export function winnerPositionUniformity(draws: readonly DrawOutcome[]): Outcome {
  const positions = new Map(draws.map((d) => [d, new Map(d.pool.map((id, i) => [id, i]))]));
  const groupOf: GroupOf = (draw, id) => binOf(positions.get(draw)?.get(id) ?? 0, draw.pool.length, POSITION_BINS);
  return independence('winner-position-uniformity', draws, groupOf, { kind: 'ordinal', unit: 'decile', bins: POSITION_BINS });
}

/**
 * Sign-up time (the 2012 US visa lottery picked mostly early entrants): in rounds that took sign-ups, rank the pool
 * by sign-up order and cut the normalised rank in quintiles. Under a fair draw the winner's quintile follows the
 * pool's, draw by draw.
 */
export function signUpOrderIndependence(draws: readonly DrawOutcome[]): Outcome {
  const ranks = new Map(draws.map((d) => [d, new Map((d.signUpOrder ?? []).map((id, r) => [id, r]))]));
  // The pool is drawn from the signed-up firms; a record where it is not tells nothing about sign-up time.
  const withSignUps = draws.filter((d) => d.signUpOrder && d.pool.length >= 2 && d.pool.every((id) => ranks.get(d)?.has(id)));
  const groupOf: GroupOf = (draw, id) => {
    const order = ranks.get(draw) as Map<string, number>;
    return binOf(order.get(id) as number, order.size, SIGN_UP_BINS);
  };
  return independence('sign-up-order', withSignUps, groupOf, { kind: 'ordinal', unit: 'quintile', bins: SIGN_UP_BINS });
}

/** Region: the city of each pool firm's seat. */
export function regionIndependence(draws: readonly DrawOutcome[]): Outcome {
  return independence('region', draws, (d, id) => d.attributes?.get(id)?.region ?? 'unknown', { kind: 'categorical' });
}

/**
 * Size: the log records no registered capital or staff; the firm's qualification grade for the drawn item is what
 * it holds that tracks size (grades are awarded on capital, staff and record).
 */
export function gradeIndependence(draws: readonly DrawOutcome[]): Outcome {
  return independence('qualification-grade', draws, (d, id) => gradeLabel(d.attributes?.get(id)?.grade ?? null), { kind: 'categorical' });
}

/**
 * Price: a draw has no quote, so a firm's price is its typical quote in earlier bidding (`AgencyAtDraw.priceLevel`).
 * Within each pool the firms with such a history are split at the median into the cheaper and the dearer half
 * (ties by id); firms that never quoted form a third group. A fair draw favours none of them.
 */
export function priceLevelIndependence(draws: readonly DrawOutcome[]): Outcome {
  const halves = new Map<DrawOutcome, Map<string, string>>();
  for (const draw of draws) {
    const priced = draw.pool
      .map((id) => ({ id, level: draw.attributes?.get(id)?.priceLevel ?? null }))
      .filter((x): x is { id: string; level: number } => x.level !== null)
      .sort((a, b) => a.level - b.level || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    halves.set(draw, new Map(priced.map((x, i) => [x.id, i < Math.floor(priced.length / 2) ? 'cheaper half' : 'dearer half'])));
  }
  return independence('price-level', draws, (d, id) => halves.get(d)?.get(id) ?? 'no quotes', { kind: 'categorical' });
}

function gradeLabel(grade: number | null): string {
  return grade === null ? 'unknown' : `grade ${grade}`;
}

/**
 * Runs `groupedWinsTest` when the history supports it. Groups expecting fewer than the minimum wins are merged
 * first: ordinal bins with their neighbours, in order; categorical groups, smallest first, into "other" until it
 * too reaches the minimum. Which groups merge depends on expectations only — never on who won — so merging does
 * not bias the test.
 */
function independence(name: string, draws: readonly DrawOutcome[], groupOf: GroupOf, grouping: Grouping): Outcome {
  const informative = draws
    .map((draw) => ({ draw, labels: draw.pool.map((id, i) => groupOf(draw, id, i)) }))
    .filter(({ labels }) => labels.some((g) => g !== labels[0]));
  if (informative.length < INDEPENDENCE_MIN_DRAWS) return { name, reason: 'too-few-draws', have: informative.length, need: INDEPENDENCE_MIN_DRAWS };
  const raw = groupedWins(informative).groups;
  const merged = grouping.kind === 'ordinal' ? mergeOrdinal(raw, grouping.unit, grouping.bins) : mergeCategorical(raw);
  const result = groupedWins(informative.map(({ draw, labels }) => ({ draw, labels: labels.map((g) => merged.get(g) ?? g) })));
  if (result.groups.length < 2) return { name, reason: 'one-group', have: result.groups.length, need: 2 };
  const smallest = Math.min(...result.groups.map((g) => g.expected));
  if (smallest < INDEPENDENCE_MIN_EXPECTED_WINS) return { name, reason: 'too-few-expected-wins', have: smallest, need: INDEPENDENCE_MIN_EXPECTED_WINS };
  const order = (g: string) => (grouping.kind === 'ordinal' ? Number(g.split(/[ –]/)[1]) || 0 : 0);
  const groups = [...result.groups].sort((a, b) => order(a.group) - order(b.group) || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  return { name, agencyId: null, statistic: result.statistic, pValue: result.pValue, evidence: { draws: informative.length, degrees: result.degrees }, groups };
}

/** Bins 1…bins in order, each run closed once it expects the minimum; a short tail joins the last run. */
function mergeOrdinal(groups: readonly { group: string; expected: number }[], unit: string, bins: number): Map<string, string> {
  const expectedOf = new Map(groups.map((g) => [g.group, g.expected]));
  const runs: string[][] = [];
  let current: string[] = [];
  let sum = 0;
  for (let b = 1; b <= bins; b++) {
    const label = String(b);
    if (!expectedOf.has(label)) continue;
    current.push(label);
    sum += expectedOf.get(label) as number;
    if (sum >= INDEPENDENCE_MIN_EXPECTED_WINS) {
      runs.push(current);
      current = [];
      sum = 0;
    }
  }
  if (current.length > 0) {
    if (runs.length > 0) runs[runs.length - 1].push(...current);
    else runs.push(current);
  }
  const names = new Map<string, string>();
  for (const run of runs) {
    const name = run.length === 1 ? `${unit} ${run[0]}` : `${unit}s ${run[0]}–${run[run.length - 1]}`;
    for (const label of run) names.set(label, name);
  }
  return names;
}

/** Smallest groups first into "other" while any group, or "other" itself, expects fewer than the minimum. */
function mergeCategorical(groups: readonly { group: string; expected: number }[]): Map<string, string> {
  const names = new Map<string, string>();
  let mergedExpected = 0;
  for (const g of [...groups].sort((a, b) => a.expected - b.expected)) {
    if (g.expected >= INDEPENDENCE_MIN_EXPECTED_WINS && (names.size === 0 || mergedExpected >= INDEPENDENCE_MIN_EXPECTED_WINS)) break;
    names.set(g.group, 'other');
    mergedExpected += g.expected;
  }
  return names;
}
