// The installation the two-node journey (e2e/nodes) runs against: a fresh database on the local
// PostgreSQL server, two app nodes — A with the roles web,worker and B with web,mail, each with a
// DATA_DIR of its own (no shared disk) — behind Debian's nginx as a round-robin balancer, started
// with its own prefix and the reference configuration docs/nginx/paydesk.conf. Outgoing mail goes
// over real SMTP to a capture. A control API on 127.0.0.1 lets the journey read the captured mail,
// kill a node and count undelivered outbox events. Everything is stopped and removed on exit.
//
// Ports (NODES_BASE_PORT, default 3170): +0 node A, +1 node B, +2 nginx, +3 control API, +4 B's SMTP listener.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startSmtpCapture } from './smtp-capture.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const base = Number(process.env.NODES_BASE_PORT ?? 3170);
const ports = { a: base, b: base + 1, balancer: base + 2, control: base + 3, smtpIn: base + 4 };
const serverUrl = process.env.NODES_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const nginxBin = process.env.NGINX ?? '/usr/sbin/nginx';
const publicUrl = `http://127.0.0.1:${ports.balancer}`;
const log = (line) => process.stderr.write(`[nodes] ${line}\n`);

const tmp = mkdtempSync(path.join(tmpdir(), 'paydesk-nodes-'));
const dbName = `paydesk_nodes_${Date.now()}_${process.pid}`;
const admin = async (text) => {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
};
const dbUrl = (() => {
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  return url.toString();
})();

const children = new Map();
let smtp = null;
let control = null;
let stopping = false;

async function cleanup() {
  if (stopping) return;
  stopping = true;
  for (const [name, child] of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(name === 'nginx' ? 'SIGQUIT' : 'SIGTERM');
      await new Promise((resolve) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
  control?.close();
  await smtp?.close();
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch((err) => log(`drop failed: ${err.message}`));
  rmSync(tmp, { recursive: true, force: true });
}

async function waitFor(url, name, child) {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${name} did not answer ${url}`);
}

function startNode(name, roles, port, extra = {}) {
  const dataDir = path.join(tmp, `data-${name}`);
  mkdirSync(dataDir);
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: dbUrl,
    // One key and one public address for every node; the balancer is the only proxy trusted.
    SECRET_KEY: 'c0ffee'.repeat(10) + 'c0ff',
    PUBLIC_URL: publicUrl,
    TRUST_PROXY: '127.0.0.1',
    PAYDESK_ROLES: roles,
    SMTP_URL: smtp.url,
    SEED_DEMO: 'true',
    TICKETS_PER_IP_HOUR: '10000',
    TICKETS_PER_EMAIL_HOUR: '100',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...extra,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  children.set(name, child);
  child.on('exit', (code, signal) => log(`node ${name} exited (${signal ?? code})`));
  return child;
}

function nginxConfig() {
  const reference = readFileSync(path.join(root, 'docs/nginx/paydesk.conf'), 'utf8');
  const nodes = [ports.a, ports.b];
  let n = 0;
  const site = reference
    .split('\n')
    .map((line) => {
      if (line.trim().endsWith('# node')) {
        const port = nodes[n++];
        return line.replace(/server \S+/, `server 127.0.0.1:${port}`);
      }
      if (line.trim().endsWith('# listen')) return line.replace(/listen \S+;/, `listen 127.0.0.1:${ports.balancer};`);
      return line;
    })
    .join('\n');
  if (n !== 2) throw new Error('docs/nginx/paydesk.conf must mark two `# node` lines');
  const siteFile = path.join(tmp, 'paydesk.conf');
  writeFileSync(siteFile, site);
  const temp = (d) => path.join(tmp, 'nginx', d);
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(temp(d), { recursive: true });
  const main = `
worker_processes 1;
daemon off;
pid ${path.join(tmp, 'nginx.pid')};
error_log ${path.join(tmp, 'nginx-error.log')} warn;
events { worker_connections 512; }
http {
  log_format nodes '$request_method $uri $status $upstream_addr';
  access_log ${path.join(tmp, 'nginx-access.log')} nodes;
  client_body_temp_path ${temp('body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
  include ${siteFile};
}
`;
  const mainFile = path.join(tmp, 'nginx.conf');
  writeFileSync(mainFile, main);
  const test = spawnSync(nginxBin, ['-t', '-p', tmp, '-c', mainFile, '-e', path.join(tmp, 'nginx-error.log')], {
    encoding: 'utf8',
  });
  if (test.status !== 0) throw new Error(`nginx refused the configuration:\n${test.stderr}`);
  return mainFile;
}

async function undelivered() {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT count(*)::int AS n FROM outbox_events WHERE delivered_at IS NULL');
    return rows[0].n;
  } finally {
    await client.end();
  }
}

function startControl() {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const json = (status, body) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    try {
      if (url.pathname === '/messages') {
        const to = (url.searchParams.get('to') ?? '').toLowerCase();
        const items = smtp.messages.filter((m) => !to || m.to.toLowerCase().includes(to)).map(({ raw: _raw, ...m }) => m);
        return json(200, { items });
      }
      if (url.pathname === '/nodes') {
        const state = (name) => {
          const child = children.get(name);
          return { port: ports[name], alive: child.exitCode === null && child.signalCode === null };
        };
        return json(200, { a: state('a'), b: state('b'), balancer: ports.balancer });
      }
      const kill = /^\/nodes\/(a|b)\/kill$/.exec(url.pathname);
      if (kill && req.method === 'POST') {
        const child = children.get(kill[1]);
        child.kill('SIGKILL');
        await new Promise((resolve) =>
          child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', resolve),
        );
        return json(200, { killed: kill[1] });
      }
      if (url.pathname === '/outbox') return json(200, { undelivered: await undelivered() });
      if (url.pathname === '/balancer-log') {
        return json(200, { lines: readFileSync(path.join(tmp, 'nginx-access.log'), 'utf8').trim().split('\n') });
      }
      return json(404, { error: 'not found' });
    } catch (err) {
      return json(500, { error: err instanceof Error ? err.message : String(err) });
    }
  });
  return new Promise((resolve) => server.listen(ports.control, '127.0.0.1', () => resolve(server)));
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void cleanup().then(() => process.exit(0));
  });
}

try {
  await admin(`CREATE DATABASE "${dbName}"`);
  smtp = await startSmtpCapture();
  control = await startControl();
  // A first: it migrates and adds the demo data; B then starts on a ready database.
  const a = startNode('a', 'web,worker', ports.a);
  await waitFor(`http://127.0.0.1:${ports.a}/readyz`, 'node A', a);
  const b = startNode('b', 'web,mail', ports.b, { MAIL_INBOUND_PORT: String(ports.smtpIn) });
  await waitFor(`http://127.0.0.1:${ports.b}/readyz`, 'node B', b);
  const mainFile = nginxConfig();
  const nginx = spawn(nginxBin, ['-p', tmp, '-c', mainFile, '-e', path.join(tmp, 'nginx-error.log')], { stdio: 'inherit' });
  children.set('nginx', nginx);
  nginx.on('exit', (code, signal) => {
    log(`nginx exited (${signal ?? code})`);
    if (!stopping) log(readFileSync(path.join(tmp, 'nginx-error.log'), 'utf8'));
  });
  await waitFor(`${publicUrl}/healthz`, 'nginx', nginx);
  log(`ready: balancer ${publicUrl}, nodes ${ports.a} (web,worker) and ${ports.b} (web,mail), database ${dbName}`);
} catch (err) {
  log(`failed to start: ${err instanceof Error ? err.message : String(err)}`);
  await cleanup();
  process.exit(1);
}
