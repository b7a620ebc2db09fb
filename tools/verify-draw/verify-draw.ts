/**
 * Checks a published draw record offline and says which check fails; or, with --audit, rebuilds every draw in an
 * audit-log document (a log export, a project's record or selection records) from its entries alone and checks each.
 *
 *   node -r @swc-node/register tools/verify-draw/verify-draw.ts <record.json | -> [--trust <chainHash>=<publicKeyHex>@<genesisUnix>/<periodSeconds>]
 *   node -r @swc-node/register tools/verify-draw/verify-draw.ts --audit <entries.json | -> [--draw <drawId>] [--trust …]
 *
 * quicknet is trusted built in. Another chain needs its key and its round timing: the verifier checks that the
 * round was published after the commitment.
 *
 * Exit 0 when every check holds, 1 when one fails, 2 when the input cannot be read (or, with --audit, holds no
 * revealed draw, or not the one asked for).
 */
import { readFileSync } from 'node:fs';
import { drawRecordsOf, loggedEventsIn, type AuditedDraw } from '@mkt/audit/core';
import { QUICKNET, verifyDraw, type DrandTrust, type DrawRecord, type DrawVerification } from '@mkt/draw/core';

const TRUST = '--trust <chainHash>=<publicKeyHex>@<genesisUnix>/<periodSeconds>';
const USAGE = `usage: verify-draw <record.json | -> [${TRUST}]\n       verify-draw --audit <entries.json | -> [--draw <drawId>] [${TRUST}]`;

function main(argv: string[]): number {
  const chains: Record<string, string> = { [QUICKNET.chainHash]: QUICKNET.publicKey };
  const timings: Record<string, { genesisTime: number; periodSeconds: number }> = {};
  let source: string | undefined;
  let audit = false;
  let only: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--trust') {
      const trusted = /^([0-9a-f]+)=([0-9a-f]+)@(\d+)\/(\d+)$/.exec(argv[++i] ?? '');
      if (!trusted) {
        console.error(`--trust takes <chainHash>=<publicKeyHex>@<genesisUnix>/<periodSeconds>`);
        return 2;
      }
      const [, chainHash, key, genesis, period] = trusted;
      chains[chainHash] = key;
      timings[chainHash] = { genesisTime: Number(genesis), periodSeconds: Number(period) };
    } else if (arg === '--audit') audit = true;
    else if (arg === '--draw') only = argv[++i];
    else if (source === undefined) source = arg;
  }
  if (!source || (only !== undefined && !audit) || only === '') {
    console.error(USAGE);
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(source === '-' ? 0 : source, 'utf8'));
  } catch (error) {
    console.error(`cannot read the ${audit ? 'audit entries' : 'draw record'}: ${(error as Error).message}`);
    return 2;
  }
  const trust: DrandTrust = { chains, timings };
  return audit ? verifyFromAudit(input, only, trust) : verifyRecord(input as DrawRecord, trust);
}

function verifyRecord(record: DrawRecord, trust: DrandTrust): number {
  const result = verifyDraw(record, trust);
  printChecks(result);
  console.log(result.ok ? `draw ${record.drawId} (project ${record.projectId}, round ${record.round}) verifies` : `draw ${record.drawId} does NOT verify: ${result.firstFailure?.name} fails`);
  return result.ok ? 0 : 1;
}

function verifyFromAudit(input: unknown, only: string | undefined, trust: DrandTrust): number {
  const events = loggedEventsIn(input);
  if (!events) {
    console.error('cannot read the audit entries: expected a log export, a project record, selection records or a list of entries');
    return 2;
  }
  const draws = drawRecordsOf(events).filter((d) => only === undefined || d.drawId === only);
  const decided = draws.filter((d) => d.positions.revealed !== null || d.problems.length > 0);
  for (const draw of draws.filter((d) => !decided.includes(d))) console.log(`draw ${draw.drawId}: committed at log position ${draw.positions.committed}, not revealed yet`);
  if (decided.length === 0) {
    console.error(only === undefined ? 'the entries hold no revealed draw' : `the entries hold no revealed draw ${only}`);
    return 2;
  }
  let failed = 0;
  for (const draw of decided) if (!verifyAudited(draw, trust)) failed++;
  console.log(failed === 0 ? `${decided.length} draw(s) verify from the audit log alone` : `${failed} of ${decided.length} draw(s) do NOT verify from the audit log`);
  return failed === 0 ? 0 : 1;
}

function verifyAudited(draw: AuditedDraw, trust: DrandTrust): boolean {
  const { committed, contributed, revealed } = draw.positions;
  console.log(`draw ${draw.drawId} (project ${draw.projectId}, round ${draw.round}), log positions: commitment ${committed}, entropy [${contributed.join(', ')}], reveal ${revealed}`);
  for (const problem of draw.problems) console.log(`FAIL log        ${problem}`);
  // The record follows docs/draw-protocol.md; the verifier itself checks that its algorithm id is one it implements.
  const result = draw.record ? verifyDraw(draw.record as DrawRecord, trust) : null;
  if (result) printChecks(result);
  const ok = draw.problems.length === 0 && result?.ok === true;
  const why = draw.problems.length > 0 ? 'the log' : `${result?.firstFailure?.name}`;
  console.log(ok ? `draw ${draw.drawId} verifies from the audit log` : `draw ${draw.drawId} does NOT verify: ${why} fails`);
  return ok;
}

function printChecks(result: DrawVerification): void {
  for (const check of result.checks) console.log(`${check.ok ? 'ok  ' : 'FAIL'} ${check.name.padEnd(10)} ${check.detail}`);
}

process.exitCode = main(process.argv.slice(2));
