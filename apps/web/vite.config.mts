import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev` of the web UI talks to a gateway or the embedded marketplace on :3000, as the built UI will.
const backend = 'http://127.0.0.1:3000';
const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));

// The UI runs the very same pure libraries as the services (the draw verifier above all): resolve the
// workspace's `@mkt/*` aliases from tsconfig.base.json.
const { compilerOptions } = JSON.parse(readFileSync(`${workspaceRoot}/tsconfig.base.json`, 'utf8'));
const alias = Object.entries(compilerOptions.paths as Record<string, string[]>).map(([find, [target]]) => ({
  find: new RegExp(`^${find.replace(/\//g, '\\/')}$`),
  replacement: `${workspaceRoot}/${target}`,
}));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: { alias },
  build: { outDir: '../../dist/apps/web', emptyOutDir: true },
  server: { proxy: { '/api': backend, '/health': backend } },
});
