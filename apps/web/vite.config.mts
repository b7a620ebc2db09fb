import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev` of the web UI talks to a gateway or the embedded marketplace on :3000, as the built UI will.
const backend = 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: { outDir: '../../dist/apps/web', emptyOutDir: true },
  server: { proxy: { '/api': backend, '/health': backend } },
});
