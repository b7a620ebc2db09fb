// Fails when an Nx project lacks a `scope:*` or `type:*` tag: an untagged project would slip past every
// module-boundary constraint in eslint.config.mjs.
const { execFileSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { tmpdir } = require('node:os');

const dir = mkdtempSync(join(tmpdir(), 'nx-graph-'));
try {
  const file = join(dir, 'graph.json');
  execFileSync('npx', ['nx', 'graph', `--file=${file}`], { stdio: 'ignore' });
  const { graph } = JSON.parse(readFileSync(file, 'utf8'));
  const untagged = Object.values(graph.nodes)
    .filter((node) => {
      const tags = node.data.tags ?? [];
      return !tags.some((t) => t.startsWith('scope:')) || !tags.some((t) => t.startsWith('type:'));
    })
    .map((node) => node.name);
  if (untagged.length > 0) {
    console.error(`Projects without a scope:* and a type:* tag: ${untagged.join(', ')}`);
    process.exit(1);
  }
  console.log(`project tags: ${Object.keys(graph.nodes).length} projects, all tagged`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
