// `npm run check:deploy`: the deployment files checked offline, without a Docker engine or a cluster (see README).
import { join } from 'node:path';
import { checkRepository } from './deploy-checks';
import { formatProblem } from './problem';

const root = join(__dirname, '../..');
const results = checkRepository(root);
let failed = 0;
for (const result of results) {
  if (result.problems.length === 0) {
    console.log(`ok    ${result.target}: ${result.summary}`);
    continue;
  }
  failed++;
  console.log(`FAIL  ${result.target}: ${result.problems.length} problem(s)`);
  for (const problem of result.problems) console.log(`      ${formatProblem(problem)}`);
}
console.log(`check:deploy: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
