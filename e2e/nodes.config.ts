import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The two-node journey: two app nodes on one PostgreSQL database behind nginx, started by
// scripts/e2e-nodes.mjs (ports NODES_BASE_PORT … +4, default 3170). `npm run test:e2e:nodes`.
const port = Number(process.env.NODES_BASE_PORT ?? 3170);
const baseURL = `http://127.0.0.1:${port + 2}`;

export default defineConfig({
  ...base,
  testDir: 'nodes',
  timeout: 240_000,
  use: { ...base.use, baseURL },
  webServer: {
    command: 'node scripts/e2e-nodes.mjs',
    cwd: '..',
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 240_000,
    stderr: 'pipe',
  },
});
