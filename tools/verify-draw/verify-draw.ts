/**
 * Checks a published draw record offline and says which check fails.
 *
 *   node -r @swc-node/register tools/verify-draw/verify-draw.ts <record.json | -> [--trust <chainHash>=<publicKeyHex>]
 *
 * Exit 0 when every check holds, 1 when one fails, 2 when the input cannot be read.
 */
import { readFileSync } from 'node:fs';
import { QUICKNET, verifyDraw, type DrawRecord } from '@mkt/draw/core';

function main(argv: string[]): number {
  const [source, ...options] = argv;
  if (!source) {
    console.error('usage: verify-draw <record.json | -> [--trust <chainHash>=<publicKeyHex>]');
    return 2;
  }
  const chains: Record<string, string> = { [QUICKNET.chainHash]: QUICKNET.publicKey };
  for (let i = 0; i < options.length; i++) {
    if (options[i] !== '--trust') continue;
    const [chainHash, key] = (options[++i] ?? '').split('=');
    if (!chainHash || !key) {
      console.error('--trust takes <chainHash>=<publicKeyHex>');
      return 2;
    }
    chains[chainHash] = key;
  }
  let record: DrawRecord;
  try {
    record = JSON.parse(readFileSync(source === '-' ? 0 : source, 'utf8'));
  } catch (error) {
    console.error(`cannot read the draw record: ${(error as Error).message}`);
    return 2;
  }
  const result = verifyDraw(record, { chains });
  for (const check of result.checks) console.log(`${check.ok ? 'ok  ' : 'FAIL'} ${check.name.padEnd(10)} ${check.detail}`);
  console.log(result.ok ? `draw ${record.drawId} (project ${record.projectId}, round ${record.round}) verifies` : `draw ${record.drawId} does NOT verify: ${result.firstFailure?.name} fails`);
  return result.ok ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
