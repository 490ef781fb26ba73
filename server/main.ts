import { performance } from 'node:perf_hooks';
import { buildApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
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
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  let runtime;
  try {
    runtime = await createRuntime(config);
  } catch (err) {
    if (err instanceof DataDirLockedError || err instanceof SecretKeyError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const { ctx } = runtime;
  const app = config.PAYDESK_ROLES.includes('web') ? await buildApp(ctx) : null;
  if (app) await app.listen({ port: config.PORT, host: config.HOST });
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

main().catch((err: unknown) => {
  process.stderr.write(`paydesk failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
