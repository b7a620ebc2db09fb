// `npm start`: the whole marketplace in one process (embedded mode) on http://localhost:3000.
// Builds the web UI once if it is missing, then runs the marketplace app from its TypeScript sources.
const { spawn, spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '../..');
const webIndex = join(root, 'dist/apps/web/index.html');

if (!existsSync(webIndex) && process.env.SKIP_WEB_BUILD !== '1') {
  console.log('Building the web UI (first run only)…');
  const build = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', 'apps/web', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) console.warn('The web UI did not build; the API still starts. Retry with `npm run build:web`.');
}

const env = { ...process.env, DATA_DIR: process.env.DATA_DIR ?? join(root, '.data'), NODE_OPTIONS: '' };
const app = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/marketplace/src/main.ts'], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
