import { hasKnownChances, weightedPick } from './draw-chances';
import type { DrawOutcome } from './draw-outcome';
import type { FairnessTest, FairnessTestNotRun } from './fairness-tests';
import { Xoshiro128 } from './xoshiro128';

/** Fixed in advance: simulated histories behind the Monte Carlo p-value (the smallest p it can give is 1/10,000). */
export const CONCENTRATION_SIMULATIONS = 9_999;
/** An item enters the concentration test with at least this many draws; the test needs this many draws in all. */
export const CONCENTRATION_MIN_ITEM_DRAWS = 10;
export const CONCENTRATION_MIN_DRAWS = 30;
/** The simulations' seed is fixed, so the same log always gives the same p-value. */
export const CONCENTRATION_SEED = 'audit/fairness/win-concentration/v1';

/**
 * Are wins more concentrated on a few firms than chance makes them? Per service item, the Herfindahl–Hirschman
 * index HHI = Σ_a (w_a / W)² of the firms' shares of the item's W wins. The test statistic pools the items as
 * Σ_items W² · HHI = Σ_items Σ_a w_a², so an item weighs by its number of wins. Its null distribution is simulated:
 * every draw redrawn from its own recorded pool by its own rule (uniformly, or a credit-weighted draw by its committed
 * weights), `simulations` times, with a seeded generator;
 * p = (1 + #{simulated ≥ observed}) / (1 + simulations), exact for a Monte Carlo test.
 */
export function winConcentration(draws: readonly DrawOutcome[], simulations = CONCENTRATION_SIMULATIONS, seed = CONCENTRATION_SEED): FairnessTest | FairnessTestNotRun {
  const name = 'win-concentration';
  const byItem = new Map<string, DrawOutcome[]>();
  for (const draw of draws) {
    if (draw.pool.length === 0 || draw.winners.length === 0 || draw.winners.length > draw.pool.length || !hasKnownChances(draw)) continue;
    const item = draw.serviceItemCode ?? 'unknown';
    const list = byItem.get(item);
    if (list) list.push(draw);
    else byItem.set(item, [draw]);
  }
  const items = [...byItem].filter(([, list]) => list.length >= CONCENTRATION_MIN_ITEM_DRAWS).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const drawCount = items.reduce((sum, [, list]) => sum + list.length, 0);
  if (drawCount < CONCENTRATION_MIN_DRAWS) return { name, reason: 'too-few-draws', have: drawCount, need: CONCENTRATION_MIN_DRAWS };

  // Flat arrays: one cell per (item, agency); each draw a run of the cells of its pool, and its number of winners.
  const cellOf = new Map<string, number>();
  const poolCells: number[] = [];
  const drawStart: number[] = [];
  const drawWinners: number[] = [];
  const drawWeighted: number[] = [];
  const poolWeights: number[] = [];
  const itemOfCell: number[] = [];
  const observedWins: number[] = [];
  for (const [itemIndex, [item, list]] of items.entries()) {
    for (const draw of list) {
      drawStart.push(poolCells.length);
      drawWinners.push(draw.winners.length);
      drawWeighted.push(draw.weighted ? 1 : 0);
      for (const [i, id] of draw.pool.entries()) {
        poolWeights.push(draw.weighted ? (draw.weights as readonly number[])[i] : 1);
        const key = `${item}\u0000${id}`;
        let cell = cellOf.get(key);
        if (cell === undefined) {
          cell = cellOf.size;
          cellOf.set(key, cell);
          itemOfCell.push(itemIndex);
          observedWins.push(0);
        }
        poolCells.push(cell);
        if (draw.winners.includes(id)) observedWins[cell]++;
      }
    }
  }
  drawStart.push(poolCells.length);

  const drawItem: number[] = [];
  for (const [itemIndex, [, list]] of items.entries()) for (let i = 0; i < list.length; i++) drawItem.push(itemIndex);
  const itemWins = items.map(([, list]) => list.reduce((sum, d) => sum + d.winners.length, 0));
  const squaresPerItem = (wins: ArrayLike<number>) => {
    const squares = new Array<number>(items.length).fill(0);
    for (let c = 0; c < wins.length; c++) squares[itemOfCell[c]] += wins[c] * wins[c];
    return squares;
  };
  const observed = squaresPerItem(observedWins).reduce((a, b) => a + b, 0);

  const history: FlatHistory = {
    poolCells: Int32Array.from(poolCells),
    drawStart: Int32Array.from(drawStart),
    drawWinners: Int32Array.from(drawWinners),
    drawWeighted: Uint8Array.from(drawWeighted),
    poolWeights: Float64Array.from(poolWeights),
    drawItem: Int32Array.from(drawItem),
    cells: cellOf.size,
    items: items.length,
  };
  const { atLeast, simulatedSquares } = simulate(history, observed, simulations, new Xoshiro128(seed));

  const observedSquares = squaresPerItem(observedWins);
  return {
    name,
    agencyId: null,
    statistic: observed,
    pValue: (1 + atLeast) / (1 + simulations),
    evidence: { draws: drawCount, items: items.length, simulations, simulatedAtLeastAsConcentrated: atLeast },
    groups: items.map(([item], i) => ({ group: item, observed: observedSquares[i] / itemWins[i] ** 2, expected: simulatedSquares[i] / simulations / itemWins[i] ** 2 })),
  };
}

interface FlatHistory {
  /** The cells of each draw's pool, draw after draw; draw d's run is [drawStart[d], drawStart[d + 1]). */
  readonly poolCells: Int32Array;
  readonly drawStart: Int32Array;
  readonly drawWinners: Int32Array;
  /** 1 for a credit-weighted draw: its picks follow `poolWeights` (the committed weights, aligned with `poolCells`). */
  readonly drawWeighted: Uint8Array;
  readonly poolWeights: Float64Array;
  readonly drawItem: Int32Array;
  readonly cells: number;
  readonly items: number;
}

/** Redraws every draw from its pool `simulations` times; counts how often Σ w² reaches the observed value. */
function simulate(h: FlatHistory, observed: number, simulations: number, random: Xoshiro128): { atLeast: number; simulatedSquares: Float64Array } {
  const wins = new Int32Array(h.cells);
  const itemSquares = new Float64Array(h.items);
  const simulatedSquares = new Float64Array(h.items);
  const draws = h.drawWinners.length;
  let largestPool = 0;
  for (let d = 0; d < draws; d++) largestPool = Math.max(largestPool, h.drawStart[d + 1] - h.drawStart[d]);
  const scratch = new Int32Array(largestPool);
  const taken = new Uint8Array(largestPool);
  const totals = new Float64Array(draws);
  for (let d = 0; d < draws; d++) for (let c = h.drawStart[d]; c < h.drawStart[d + 1]; c++) totals[d] += h.poolWeights[c];
  let atLeast = 0;
  for (let s = 0; s < simulations; s++) {
    wins.fill(0);
    itemSquares.fill(0);
    for (let d = 0; d < draws; d++) {
      const start = h.drawStart[d];
      const n = h.drawStart[d + 1] - start;
      const k = h.drawWinners[d];
      // Σ w² grows by 2w + 1 when a cell's w wins become w + 1.
      if (h.drawWeighted[d]) {
        // The draw's own rule: k successive picks, each by weight among the firms not yet picked.
        taken.fill(0, 0, n);
        let left = totals[d];
        for (let i = 0; i < k; i++) {
          const picked = weightedPick(h.poolWeights, taken, left, random, start, n);
          taken[picked] = 1;
          left -= h.poolWeights[start + picked];
          const cell = h.poolCells[start + picked];
          itemSquares[h.drawItem[d]] += 2 * wins[cell] + 1;
          wins[cell]++;
        }
        continue;
      }
      if (k === 1) {
        const cell = h.poolCells[start + random.below(n)];
        itemSquares[h.drawItem[d]] += 2 * wins[cell] + 1;
        wins[cell]++;
        continue;
      }
      // k winners without replacement: a partial Fisher–Yates shuffle of the pool's positions.
      for (let i = 0; i < n; i++) scratch[i] = i;
      for (let i = 0; i < k; i++) {
        const j = i + random.below(n - i);
        const picked = scratch[j];
        scratch[j] = scratch[i];
        scratch[i] = picked;
        const cell = h.poolCells[start + picked];
        itemSquares[h.drawItem[d]] += 2 * wins[cell] + 1;
        wins[cell]++;
      }
    }
    let total = 0;
    for (let i = 0; i < h.items; i++) {
      total += itemSquares[i];
      simulatedSquares[i] += itemSquares[i];
    }
    if (total >= observed) atLeast++;
  }
  return { atLeast, simulatedSquares };
}
