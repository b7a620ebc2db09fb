import { signCheckpoint } from './checkpoint';
import { leafHash } from './merkle-hash';
import { MerkleLog } from './merkle-log';
import { generateSigner, verifierOf } from './signed-note';
import { acceptCheckpoint, initialWitnessState, WitnessState } from './witness';

const ORIGIN = 'audit.marketplace.example/log';
const logSigner = generateSigner(ORIGIN);
const logKey = verifierOf(logSigner);
const log = MerkleLog.of(Array.from({ length: 20 }, (_, i) => leafHash(Uint8Array.of(i))));
const checkpointAt = (size: number, signer = logSigner, tree = log) => signCheckpoint({ origin: ORIGIN, size, rootHash: tree.rootAt(size) }, signer);

function witnessAt(size: number): WitnessState {
  const decision = acceptCheckpoint(initialWitnessState(ORIGIN), checkpointAt(size), log.consistencyProof(0, size), logKey);
  if (!decision.accepted) throw new Error(decision.refusal.kind);
  return decision.state;
}

describe('acceptCheckpoint', () => {
  it('accepts a first checkpoint from a witness that has seen nothing (the empty tree is extended by every tree)', () => {
    const decision = acceptCheckpoint(initialWitnessState(ORIGIN), checkpointAt(7), [], logKey);
    expect(decision).toMatchObject({ accepted: true, state: { origin: ORIGIN, checkpoint: { size: 7, rootHash: log.rootAt(7) } } });
  });

  it('accepts growth proven consistent, and remembers the new checkpoint as received', () => {
    const note = checkpointAt(13);
    const decision = acceptCheckpoint(witnessAt(7), note, log.consistencyProof(7, 13), logKey);
    expect(decision).toEqual({ accepted: true, state: { origin: ORIGIN, checkpoint: { origin: ORIGIN, size: 13, rootHash: log.rootAt(13) }, signedNote: note } });
  });

  it('accepts the same checkpoint again, with an empty proof', () => {
    expect(acceptCheckpoint(witnessAt(7), checkpointAt(7), [], logKey)).toMatchObject({ accepted: true });
  });

  it('refuses a fork: the same size with another root', () => {
    const forked = MerkleLog.of([...Array.from({ length: 6 }, (_, i) => log.leafHash(i)), leafHash(Uint8Array.of(99))]);
    expect(acceptCheckpoint(witnessAt(7), checkpointAt(7, logSigner, forked), [], logKey)).toEqual({ accepted: false, refusal: { kind: 'fork', size: 7 } });
  });

  it('refuses a fork that grew: a larger tree not extending the witnessed one, whatever proof comes with it', () => {
    const forked = MerkleLog.of([...Array.from({ length: 6 }, (_, i) => log.leafHash(i)), ...Array.from({ length: 8 }, (_, i) => leafHash(Uint8Array.of(100 + i)))]);
    for (const proof of [forked.consistencyProof(7, 14), log.consistencyProof(7, 14), []]) {
      expect(acceptCheckpoint(witnessAt(7), checkpointAt(14, logSigner, forked), proof, logKey)).toEqual({
        accepted: false,
        refusal: { kind: 'inconsistent', witnessedSize: 7, offeredSize: 14 },
      });
    }
  });

  it('refuses a smaller tree (a rollback), even a genuine older checkpoint', () => {
    expect(acceptCheckpoint(witnessAt(13), checkpointAt(7), [], logKey)).toEqual({ accepted: false, refusal: { kind: 'smaller-size', witnessedSize: 13, offeredSize: 7 } });
  });

  it('refuses growth with a bad proof', () => {
    const proof = log.consistencyProof(7, 13);
    proof[1] = proof[1].map((b, i) => (i === 0 ? b ^ 1 : b));
    expect(acceptCheckpoint(witnessAt(7), checkpointAt(13), proof, logKey)).toMatchObject({ accepted: false, refusal: { kind: 'inconsistent' } });
  });

  it('refuses a checkpoint not signed by the log key, or for another log', () => {
    expect(acceptCheckpoint(witnessAt(7), checkpointAt(13, generateSigner(ORIGIN)), log.consistencyProof(7, 13), logKey)).toEqual({
      accepted: false,
      refusal: { kind: 'invalid-checkpoint', failure: { kind: 'not-signed-by-key', keyName: ORIGIN } },
    });
    const otherLog = signCheckpoint({ origin: 'other.example/log', size: 13, rootHash: log.rootAt(13) }, logSigner);
    expect(acceptCheckpoint(witnessAt(7), otherLog, log.consistencyProof(7, 13), logKey)).toMatchObject({ accepted: false, refusal: { kind: 'wrong-origin' } });
  });
});
