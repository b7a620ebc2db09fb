/** A verifier thread: hashes the runs it is given (`hashRun`) and hands back each run's tree, its levels moved, not copied. */
import { parentPort } from 'node:worker_threads';
import { hashRun, type HashRunTask } from './hash-run';
import { useNativeSha256 } from './native-sha256';

useNativeSha256();

// The file's bytes come with each task as shared memory: nothing is copied, whatever file the task is from.
parentPort?.on('message', ({ shared, length, task }: { shared: SharedArrayBuffer; length: number; task: HashRunTask }) => {
  const reply = hashRun(Buffer.from(shared, 0, length), task);
  parentPort?.postMessage(reply, reply.kind === 'hashed' ? reply.levels.map((level) => level.buffer as ArrayBuffer) : []);
});
