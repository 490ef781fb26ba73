// The server the Playwright journeys run against: a fresh temporary DATA_DIR with demo data
// on port E2E_PORT (3100), or E2E_DATABASE_URL's PostgreSQL database when set. Outgoing mail
// goes over real SMTP to a capture on 127.0.0.1, readable by the journeys at
// http://127.0.0.1:E2E_MAIL_PORT/messages?to=<address> (3101). Everything is removed on exit.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSmtpCapture } from './smtp-capture.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'paydesk-e2e-'));
const smtp = await startSmtpCapture();
const mailApi = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== '/messages') {
    res.writeHead(404).end();
    return;
  }
  const to = (url.searchParams.get('to') ?? '').toLowerCase();
  const items = smtp.messages.filter((m) => !to || m.to.toLowerCase().includes(to)).map(({ raw: _raw, ...m }) => m);
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items }));
});
await new Promise((resolve) => mailApi.listen(Number(process.env.E2E_MAIL_PORT ?? 3101), '127.0.0.1', resolve));

const env = {
  ...process.env,
  PORT: process.env.E2E_PORT ?? '3100',
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  DATABASE_URL: process.env.E2E_DATABASE_URL ?? '',
  // A PostgreSQL server needs SECRET_KEY (no per-node key); the embedded run generates one into DATA_DIR.
  ...(process.env.E2E_DATABASE_URL && !process.env.SECRET_KEY ? { SECRET_KEY: 'e'.repeat(64) } : {}),
  SMTP_URL: smtp.url,
  SEED_DEMO: 'true',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
};
const server = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], { cwd: root, env, stdio: 'inherit' });
const cleanup = async () => {
  rmSync(dataDir, { recursive: true, force: true });
  mailApi.close();
  await smtp.close();
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', async (code) => {
  await cleanup();
  process.exit(code ?? 0);
});
