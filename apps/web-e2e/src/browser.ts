import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const workspaceRoot = join(__dirname, '../../..');

/** Debian's Chromium, headless, without the background networking this closed machine refuses. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Builds the web UI as `npm run build:web` does, so the browser sees the current sources — into a folder of this
 * process's own, so that journeys run at the same time (or `npm start`) never serve a build another one is emptying.
 */
export function buildWebUi(): string {
  const outDir = join(workspaceRoot, 'tmp/web-ui', String(process.pid));
  const result = spawnSync(process.execPath, [join(workspaceRoot, 'node_modules/vite/bin/vite.js'), 'build', 'apps/web', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], {
    cwd: workspaceRoot,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  if (result.status !== 0) throw new Error(`vite build failed: ${result.stderr}`);
  return outDir;
}
