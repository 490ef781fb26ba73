import { performance } from 'node:perf_hooks';
import { buildApp } from './app';
import { ConfigError, ensureDataDir, loadConfig, type Config } from './config';
import { isDatabaseUnreachable } from './db/connection';
import { SecretKeyError } from './platform/keycheck';
import { DataDirLockedError } from './platform/lockfile';
import { createRuntime } from './runtime';
import { demoSignIns } from './seed/sign-ins';

function printBanner(config: Config, seconds: number): void {
  const lines = [
    '',
    `  paydesk is running (${config.embedded ? `embedded PostgreSQL in ${config.DATA_DIR}` : 'PostgreSQL server'}; roles: ${config.PAYDESK_ROLES.join(', ')}; started in ${seconds.toFixed(1)} s)`,
    '',
    `  Customer portal:   ${config.publicUrl}/`,
    `  Operator console:  ${config.publicUrl}/console`,
    `  API docs:          ${config.publicUrl}/api/docs`,
  ];
  if (config.SEED_DEMO) {
    lines.push('', '  Demo sign-ins (demo data; turn off with SEED_DEMO=false):');
    for (const s of demoSignIns()) lines.push(`    ${s.who.padEnd(25)} ${s.email.padEnd(28)} ${s.password}`);
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  // DATA_DIR holds the embedded database and local files: refuse an unusable one before opening anything.
  if (config.embedded) ensureDataDir(config.DATA_DIR);
  const runtime = await createRuntime(config).catch((err: unknown) => {
    throw err instanceof Error ? Object.assign(err, { startingDatabase: true }) : err;
  });
  const { ctx } = runtime;
  const app = config.PAYDESK_ROLES.includes('web') ? await buildApp(ctx) : null;
  if (app)
    await app.listen({ port: config.PORT, host: config.HOST }).catch(async (err: unknown) => {
      await runtime.close().catch(() => undefined);
      throw err instanceof Error ? Object.assign(err, { listening: `${config.HOST}:${config.PORT}` }) : err;
    });
  printBanner(config, (performance.now() - started) / 1000);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    ctx.logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await app?.close();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/**
 * One clear English line for an operator, no stack: what failed and what to check. The errors
 * paydesk raises itself (configuration, the DATA_DIR lock, the key check) carry their own text.
 */
function startFailure(err: unknown): string {
  if (err instanceof ConfigError) return `paydesk cannot start: ${err.problems.join('; ')}`;
  if (err instanceof DataDirLockedError || err instanceof SecretKeyError) return `paydesk cannot start: ${err.message}`;
  const e = (err ?? {}) as NodeJS.ErrnoException & {
    listening?: string;
    startingDatabase?: boolean;
    address?: string;
    port?: number;
  };
  if (e.listening && e.code === 'EADDRINUSE')
    return `paydesk cannot start: ${e.listening} is already in use; stop the other program or set PORT`;
  if (e.listening && e.code === 'EACCES')
    return `paydesk cannot start: not allowed to listen on ${e.listening}; set PORT above 1023`;
  if (e.listening) return `paydesk cannot start: cannot listen on ${e.listening} (${e.code ?? e.message})`;
  if (e.startingDatabase && (isDatabaseUnreachable(err) || /timeout|connect/i.test(e.message ?? '')))
    return `paydesk cannot start: the database does not answer (${e.code ?? e.message}); check DATABASE_URL and that PostgreSQL is running`;
  if (e.startingDatabase && /^(28|3D)/.test(e.code ?? ''))
    return `paydesk cannot start: the database refused the connection (${e.message}); check the user, password and database name in DATABASE_URL`;
  const message = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  return `paydesk cannot start: ${message}`;
}

main().catch((err: unknown) => {
  process.stderr.write(`${startFailure(err)}\n`);
  process.exit(1);
});
