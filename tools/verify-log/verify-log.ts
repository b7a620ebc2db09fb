/**
 * Checks an audit log export offline against the log's public key, and names the first item that fails.
 *
 *   node -r @swc-node/register tools/verify-log/verify-log.ts <export.json> --key <vkey>
 *
 * Exit code 0: every entry and checkpoint verified. 1: the export fails verification. 2: usage or unreadable file.
 */
import { readFileSync } from 'node:fs';
import { describeExportFailure, parseVerifierKey, toBase64, verifyLogExport, type LogExport, type NoteVerifier } from '@mkt/audit/core';
import { useNativeSha256 } from './native-sha256';

useNativeSha256();

const USAGE = 'usage: verify-log <export.json> --key <vkey>   (vkey: <name>+<key id>+<base64 key>)';

function main(argv: string[]): number {
  const keyAt = argv.indexOf('--key');
  const key = keyAt >= 0 ? argv[keyAt + 1] : undefined;
  const files = argv.filter((_, i) => i !== keyAt && i !== keyAt + 1);
  if (key === undefined || files.length !== 1) return usage(USAGE);

  let verifier: NoteVerifier;
  let exported: LogExport;
  try {
    verifier = parseVerifierKey(key);
  } catch (e) {
    return usage((e as Error).message);
  }
  try {
    exported = JSON.parse(readFileSync(files[0], 'utf8'));
  } catch (e) {
    return usage(`cannot read ${files[0]}: ${(e as Error).message}`);
  }

  const result = verifyLogExport(exported, verifier);
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

process.exitCode = main(process.argv.slice(2));
