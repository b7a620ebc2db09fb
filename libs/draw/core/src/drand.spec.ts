import { bls12_381 } from '@noble/curves/bls12-381';
import { bytesToHex } from './digest';
import { drandEntropyFromRelay, drandRoundAt, drandRoundTime, QUICKNET } from './drand';

// Round 657413 of quicknet as the League of Entropy's relays serve it (the same beacon the other specs use).
const relayAnswer = {
  round: 657413,
  randomness: 'fc1873a13f3545aeade8401532ef5519920652eee6b0d2b19ca12643b87b3587',
  signature: 'b713718a38ae728dfd477991af2822e08d2f305e47718cef9f7848ce4050e7be41076862b98fad56e91a6b85b89cd97b',
};
const plan = { chainHash: QUICKNET.chainHash, round: relayAnswer.round };

describe('drandEntropyFromRelay', () => {
  it('turns a relay answer for the planned round into verified entropy', () => {
    expect(drandEntropyFromRelay(relayAnswer, plan)).toEqual({ ok: true, entropy: { source: 'drand', ...plan, signature: relayAnswer.signature, randomness: relayAnswer.randomness } });
    // A relay need not state the randomness; it is derived from the signature anyway.
    expect(drandEntropyFromRelay({ round: relayAnswer.round, signature: relayAnswer.signature }, plan)).toMatchObject({ ok: true });
  });

  it.each<[string, unknown, typeof plan, RegExp]>([
    ['another round', { ...relayAnswer, round: relayAnswer.round + 1 }, plan, /answered round 657414/],
    ['a tampered signature', { ...relayAnswer, signature: relayAnswer.signature.replace(/^b7/, 'b6') }, plan, /signature/],
    ['a genuine signature of another round passed off as the planned one', { ...relayAnswer, round: 657412 }, { ...plan, round: 657412 }, /does not verify for round 657412/],
    ['randomness that is not the hash of the signature', { ...relayAnswer, randomness: '00'.repeat(32) }, plan, /randomness/],
    ['no signature at all', { round: relayAnswer.round }, plan, /48-byte/],
    ['an HTML error page', '<html>502</html>', plan, /answered round undefined/],
  ])('refuses %s', (_, answer, planned, reason) => {
    const outcome = drandEntropyFromRelay(answer, planned);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason).toMatch(reason);
  });

  it('refuses a genuine beacon when the pinned key is another chain’s', () => {
    const otherKey = bytesToHex(bls12_381.getPublicKeyForShortSignatures(new Uint8Array(32).fill(7)));
    expect(drandEntropyFromRelay(relayAnswer, plan, otherKey)).toEqual({ ok: false, reason: 'the signature does not verify for round 657413 under the chain key' });
  });
});

describe('drandRoundTime', () => {
  it('is the instant a round is published, the inverse of drandRoundAt', () => {
    const at = drandRoundTime(relayAnswer.round);
    expect(at).toBe((QUICKNET.genesisTime + 3 * (relayAnswer.round - 1)) * 1000);
    expect(drandRoundAt(at / 1000)).toBe(relayAnswer.round);
    expect(drandRoundAt(at / 1000 - 0.001)).toBe(relayAnswer.round - 1);
  });
});
