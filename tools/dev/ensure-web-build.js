// Builds the web UI once if it is missing (dist/apps/web), for the launchers of both modes.
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '../..');

function ensureWebBuild() {
  if (existsSync(join(root, 'dist/apps/web/index.html')) || process.env.SKIP_WEB_BUILD === '1') return;
  console.log('Building the web UI (first run only)…');
  const build = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', 'apps/web', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) console.warn('The web UI did not build; the API still starts. Retry with `npm run build:web`.');
}

module.exports = { ensureWebBuild };
