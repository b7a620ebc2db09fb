import { createHash } from 'node:crypto';
import { leafHashOf } from './merkle-hash';
import { MerkleLog } from './merkle-log';
import { useSha256 } from './sha256-provider';

const nodeSha256 = (parts: readonly Uint8Array[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
};

describe('useSha256', () => {
  afterEach(() => useSha256(null));

  it('gives the same leaves, roots and proofs with a native SHA-256 as with the pure one', () => {
    const events = Array.from({ length: 37 }, (_, i) => ({ type: 'x.Y', n: i, text: `事件 ${i}` }));
    const build = () => {
      const log = MerkleLog.of(events.map(leafHashOf));
      return { roots: [0, 1, 7, 36, 37].map((n) => Buffer.from(log.rootAt(n)).toString('hex')), proof: log.inclusionProof(5, 37).map((h) => Buffer.from(h).toString('hex')) };
    };
    const pure = build();
    useSha256(nodeSha256);
    expect(build()).toEqual(pure);
  });
});
