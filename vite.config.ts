import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const API_TARGET = process.env.PAYDESK_API_URL ?? 'http://127.0.0.1:3000';
const proxy = {
  '/api': { target: API_TARGET, changeOrigin: false },
  '/ws': { target: API_TARGET.replace(/^http/, 'ws'), ws: true },
  '/healthz': { target: API_TARGET },
};

// One build for the portal (/) and the console (/console); the server serves dist/web
// with an SPA fallback to index.html.
export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 4173, proxy },
});
