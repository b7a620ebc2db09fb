/**
 * One draw over 100,000 candidates, hashing included: pool hash, commitment, seed, k + m picks — and the
 * verifier re-doing all of it. Prints median and worst of repeated runs; asserts nothing.
 *
 *   node -r @swc-node/register tools/bench/draw.ts [--candidates 100000] [--runs 30]
 */
import { randomBytes } from 'node:crypto';
import { commitDraw, compareUtf8, revealDraw, UNIFORM_DRAW_V1, verifyDraw, WEIGHTED_DRAW_V1 } from '@mkt/draw/core';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const candidates = arg('candidates', 100_000);
const runs = arg('runs', 30);
const pool = Array.from({ length: candidates }, (_, i) => `agency-${String(i).padStart(6, '0')}`).sort(compareUtf8);
const weights = pool.map((id, i) => ({ id, weight: (i % 10) + 1 }));

function timeIt(label: string, once: () => void): void {
  for (let i = 0; i < 3; i++) once(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    once();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} median ${times[Math.floor(runs / 2)].toFixed(2)} ms   worst ${times[runs - 1].toFixed(2)} ms`);
}

function drawOnce(algorithm: typeof UNIFORM_DRAW_V1 | typeof WEIGHTED_DRAW_V1, k: number, m: number) {
  const secret = randomBytes(32).toString('hex');
  const commitment = commitDraw({
    drawId: 'bench', projectId: 'bench', round: 1, algorithm, rulesVersion: 'rules/2026-1', k, m, pool,
    weights: algorithm === WEIGHTED_DRAW_V1 ? weights : undefined, exclusions: [],
    entropyPlan: { source: 'witnesses', witnesses: ['OWNER'] }, committedAt: new Date().toISOString(), secret,
  });
  return revealDraw(commitment, secret, { source: 'witnesses', values: [{ witness: 'OWNER', value: String(Math.random()) }] });
}

console.log(`draw over ${candidates.toLocaleString('en')} candidates, ${runs} runs each`);
timeIt('uniform draw, k=1 m=3 (commit + reveal)', () => void drawOnce(UNIFORM_DRAW_V1, 1, 3));
timeIt('weighted draw, k=1 m=3 (commit + reveal)', () => void drawOnce(WEIGHTED_DRAW_V1, 1, 3));
const record = drawOnce(UNIFORM_DRAW_V1, 1, 3);
timeIt('verify a uniform record', () => void verifyDraw(record));
