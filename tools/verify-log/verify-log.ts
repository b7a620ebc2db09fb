/**
 * Checks an audit log export offline against the log's public key, and names the first item that fails.
 *
 *   node -r @swc-node/register tools/verify-log/verify-log.ts <export.json> --key <vkey> [--threads n]
 *
 * Entries are hashed on `--threads` threads (default: every core); the verdict is the audit core's own.
 * Exit code 0: every entry and checkpoint verified. 1: the export fails verification. 2: usage or unreadable file.
 */
import { describeExportFailure, parseVerifierKey, toBase64, type ExportVerification, type NoteVerifier } from '@mkt/audit/core';
import { verifyExportFile } from './parallel-verify';

const USAGE = 'usage: verify-log <export.json> --key <vkey> [--threads n]   (vkey: <name>+<key id>+<base64 key>)';

async function main(argv: string[]): Promise<number> {
  const option = (name: string) => {
    const at = argv.indexOf(name);
    return at >= 0 ? { at, value: argv[at + 1] } : null;
  };
  const key = option('--key');
  const threads = option('--threads');
  const optionSlots = [key, threads].flatMap((o) => (o ? [o.at, o.at + 1] : []));
  const files = argv.filter((_, i) => !optionSlots.includes(i));
  if (key?.value === undefined || files.length !== 1) return usage(USAGE);
  const threadCount = threads ? Number(threads.value) : undefined;
  if (threadCount !== undefined && !(Number.isInteger(threadCount) && threadCount >= 1)) return usage('--threads takes a whole number of at least 1');

  let verifier: NoteVerifier;
  try {
    verifier = parseVerifierKey(key.value);
  } catch (e) {
    return usage((e as Error).message);
  }
  let result: ExportVerification;
  try {
    result = await verifyExportFile(files[0], verifier, { threads: threadCount });
  } catch (e) {
    return usage(`cannot read ${files[0]}: ${(e as Error).message}`);
  }

  if (!result.ok) {
    console.log(`FAIL ${result.failure.kind}: ${describeExportFailure(result.failure)}`);
    console.log(JSON.stringify(result.failure));
    return 1;
  }
  console.log(`OK ${result.origin} size ${result.size} root ${toBase64(result.rootHash)}`);
  console.log(`${result.checkpointsVerified} checkpoint(s) verified, signed up to size ${result.signedSize}`);
  if (result.signedSize < result.size) {
    console.log(`note: entries ${result.signedSize}..${result.size - 1} are not yet covered by a signed checkpoint`);
  }
  return 0;
}

function usage(message: string): number {
  console.error(message);
  return 2;
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
