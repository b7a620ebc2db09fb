import fc from 'fast-check';
import { UNIFORM_DRAW_V1 } from './algorithm';
import { compareUtf8 } from './byte-order';
import { commitDraw, revealDraw } from './conduct-draw';
import { sha256Hex } from './digest';
import type { Entropy } from './entropy';
import { deriveSeed } from './seed';

const secretArb = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'));
const idsArb = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }), { minLength: 1, maxLength: 40 });
const entropyArb: fc.Arbitrary<Entropy> = fc.string({ minLength: 1, maxLength: 20 }).map((value) => ({ source: 'witnesses', values: [{ witness: 'OWNER', value }] }));

function draw(ids: readonly string[], k: number, m: number, secret: string, entropy: Entropy) {
  const commitment = commitDraw({
    drawId: 'd', projectId: 'p', round: 1, algorithm: UNIFORM_DRAW_V1, rulesVersion: 'r', k, m, pool: [...ids].sort(compareUtf8),
    exclusions: [], entropyPlan: { source: 'witnesses', witnesses: ['OWNER'] }, committedAt: '2026-01-01T00:00:00.000Z', secret,
  });
  return revealDraw(commitment, secret, entropy);
}

describe('draw properties (fast-check)', () => {
  it('depends only on the canonical pool, not on the order the candidates arrived in', () => {
    fc.assert(
      fc.property(idsArb, fc.nat(), secretArb, entropyArb, (ids, shuffleSeed, secret, entropy) => {
        const shuffled = [...ids].sort((a, b) => (sha256Hex(`${shuffleSeed}${a}`) < sha256Hex(`${shuffleSeed}${b}`) ? -1 : 1));
        const a = draw(ids, 1, 2, secret, entropy);
        const b = draw(shuffled, 1, 2, secret, entropy);
        return a.seed === b.seed && JSON.stringify([a.winners, a.alternates]) === JSON.stringify([b.winners, b.alternates]);
      }),
    );
  });

  it('picks distinct winners and alternates, all from the pool, as many as the pool allows', () => {
    fc.assert(
      fc.property(idsArb, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 5 }), secretArb, entropyArb, (ids, k, m, secret, entropy) => {
        const { winners, alternates } = draw(ids, k, m, secret, entropy);
        const picked = [...winners, ...alternates];
        return new Set(picked).size === picked.length && picked.every((id) => ids.includes(id)) && picked.length === Math.min(ids.length, k + m) && winners.length === Math.min(k, ids.length);
      }),
    );
  });

  it('changes the seed when any byte of the secret, the entropy or the pool changes', () => {
    fc.assert(
      fc.property(idsArb, secretArb, entropyArb, fc.nat(31), fc.integer({ min: 1, max: 255 }), (ids, secret, entropy, at, flip) => {
        const base = draw(ids, 1, 0, secret, entropy);
        const bytes = Buffer.from(secret, 'hex');
        bytes[at] ^= flip;
        const otherSecret = bytes.toString('hex');
        const withSecret = deriveSeed({ ...base, secret: otherSecret });
        const otherEntropy: Entropy = { source: 'witnesses', values: [{ witness: 'OWNER', value: `${(entropy as unknown as { values: { value: string }[] }).values[0].value}!` }] };
        const withEntropy = deriveSeed({ ...base, entropy: otherEntropy });
        const withPool = draw([...ids, `${ids[0]}+`], 1, 0, secret, entropy).seed;
        return new Set([base.seed, withSecret, withEntropy, withPool]).size === 4;
      }),
    );
  });
});
