// `npm start`: the whole marketplace in one process (embedded mode) on http://localhost:3000.
// Builds the web UI once if it is missing, then runs the marketplace app from its TypeScript sources.
const { spawn } = require('node:child_process');
const { join } = require('node:path');
const { ensureWebBuild } = require('./ensure-web-build');
const { seedDemoBidding } = require('./seed-demo-bidding');
const { seedDemoDraw } = require('./seed-demo-draw');

const root = join(__dirname, '../..');
ensureWebBuild();

const dataDir = process.env.DATA_DIR ?? join(root, '.data');
// A first start also generates a directory of a few hundred demo firms across the catalog (DEMO_DIRECTORY_SIZE).
const env = { DEMO_DIRECTORY_SIZE: '300', ...process.env, DATA_DIR: dataDir, NODE_OPTIONS: '' };
// The app gets its own process group and exactly one signal, from here: a terminal's Ctrl-C reaches the whole
// foreground group, and a second signal in the middle of a graceful shutdown would cut it short.
const app = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/marketplace/src/main.ts'], { cwd: root, env, stdio: 'inherit', detached: true });
let forwarded = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (forwarded) return;
    forwarded = true;
    app.kill(signal);
  });
}
process.on('exit', () => {
  if (app.exitCode === null && app.signalCode === null) app.kill('SIGKILL');
});
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

if (process.env.DEMO_DATA !== 'off') void seedWhenHealthy();

async function seedWhenHealthy() {
  const baseUrl = `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  for (let i = 0; i < 600; i++) {
    const healthy = await fetch(`${baseUrl}/health`).then((r) => r.ok, () => false);
    if (healthy) {
      await seedDemoDraw({ baseUrl, dataDir }).catch((error) => console.warn(`demo draw not seeded: ${error.message}`));
      await seedDemoBidding({ baseUrl, dataDir }).catch((error) => console.warn(`demo bidding not seeded: ${error.message}`));
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
