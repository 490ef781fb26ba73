import { parseArgs } from 'node:util';
import pino from 'pino';
import { ConfigError, loadConfig } from './config';
import { STAFF_ROLES } from './db/schema';
import { runMigrations } from './db/migrate';
import { DataDirLockedError } from './platform/lockfile';
import { loggerOptions } from './platform/logger';
import { openConfiguredDatabase } from './runtime';
import { seedDemo } from './seed/demo';
import { seedWikiAndNotices } from './seed/wiki';
import { createStaff, describeNewStaff, parseDepartmentSpec, resetPassword } from './cli/commands';
import { readPassword } from './cli/prompt';
import { backupCommand, restoreCommand } from './cli/backup';
import { rotateKeyCommand } from './cli/rotate-key';
import { SecretKeyError } from './platform/keycheck';
import { filesCommand } from './platform/files/migrate';

const USAGE = `Usage: npm run paydesk -- <command> [options]

Commands:
  migrate                                   apply pending database migrations
  seed                                      add the demo data that is missing
  create-staff --email E --role R [--role R2] [--name N] [--password P] [--department CODE[:TIER]]…
                                            add a staff member (password prompted when omitted) to
                                            departments at a tier (1 when left out); prints the
                                            queues they will see
  reset-password --email E [--kind staff|customer] [--password P]
                                            set a new password and end the person's sessions
  backup FILE                               write the embedded database and its uploaded files to FILE
                                            (not the secret key: keep it apart)
  restore FILE                              restore such a backup into a new, empty DATA_DIR
  rotate-key [--previous HEX] [--generate]  re-seal personal data under SECRET_KEY while the old key
                                            is given (SECRET_KEY_PREVIOUS or --previous); --generate:
                                            a new key for the embedded database's generated key file
  files migrate --to database|s3 [--from local] [--delete-source]
                                            copy every attachment's file to another storage (resumable)

Roles: ${STAFF_ROLES.join(', ')}
On the embedded database the CLI needs the data directory for itself: stop the server first.`;

class UsageError extends Error {}

/** `files …`: its own options (platform/files/migrate.ts). */
async function runFiles(args: string[]): Promise<void> {
  const config = loadConfig();
  const { handle, release } = await openConfiguredDatabase(config);
  try {
    await runMigrations(handle);
    process.exitCode = await filesCommand(args, { config, handle, out: (line) => process.stdout.write(line + '\n') });
  } finally {
    await handle.close();
    release();
  }
}

async function run(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(USAGE + '\n');
    return;
  }
  if (command === 'files') return runFiles(rest);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      role: { type: 'string', multiple: true },
      department: { type: 'string', multiple: true },
      name: { type: 'string' },
      password: { type: 'string' },
      kind: { type: 'string', default: 'staff' },
      previous: { type: 'string', multiple: true },
      generate: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (positionals.length > 0 && command !== 'backup' && command !== 'restore') {
    throw new UsageError(`${command} takes no argument "${positionals[0]}"`);
  }
  let keyGenerated = false;
  const config = loadConfig({
    warn: (message) => {
      keyGenerated = true;
      if (command !== 'restore') console.warn(message);
    },
  });
  if (command === 'backup' || command === 'restore') {
    const file = positionals[0];
    if (!file) throw new UsageError(`${command} needs a FILE`);
    const out = (line: string) => process.stdout.write(`${line}\n`);
    if (command === 'backup') await backupCommand(config, file, out);
    else await restoreCommand(config, file, out, { keyGenerated });
    return;
  }
  const logger = pino(loggerOptions(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL));
  const { handle, release } = await openConfiguredDatabase(config);
  try {
    // Every command runs on an up-to-date schema.
    const migrated = await runMigrations(handle);
    switch (command) {
      case 'migrate':
        process.stdout.write(`Migrations: ${migrated.applied} applied now, ${migrated.total} in total.\n`);
        return;
      case 'seed': {
        const added = (await seedDemo(handle.db)).added + (await seedWikiAndNotices(handle.db)).added;
        process.stdout.write(added ? `Demo data: ${added} records added.\n` : 'Demo data: already present, nothing added.\n');
        return;
      }
      case 'create-staff': {
        if (!values.email || !values.role?.length) throw new UsageError('create-staff needs --email and at least one --role');
        const password = values.password ?? (await readPassword('Password for the new staff member: '));
        const user = await createStaff(handle.db, {
          email: values.email,
          roles: values.role.flatMap((r) => r.split(',')),
          name: values.name,
          password,
          departments: (values.department ?? []).flatMap((d) => d.split(',')).map(parseDepartmentSpec),
        });
        process.stdout.write(`${describeNewStaff(user).join('\n')}\n`);
        return;
      }
      case 'reset-password': {
        if (!values.email) throw new UsageError('reset-password needs --email');
        if (values.kind !== 'staff' && values.kind !== 'customer') throw new UsageError('--kind is staff or customer');
        const password = values.password ?? (await readPassword('New password: '));
        await resetPassword(handle.db, { kind: values.kind, email: values.email, password });
        process.stdout.write(`Password of ${values.email} changed; their sessions were ended.\n`);
        return;
      }
      case 'rotate-key': {
        const result = await rotateKeyCommand(handle, config, {
          previous: values.previous ?? [],
          generate: values.generate ?? false,
          out: (line) => process.stdout.write(`${line}\n`),
        });
        if (Object.keys(result.left).length > 0) process.exitCode = 2;
        return;
      }
      default:
        throw new UsageError(`Unknown command "${command}"`);
    }
  } finally {
    await handle.close();
    release();
    logger.flush();
  }
}

function fail(message: string, usage = false): never {
  process.stderr.write(`${message}\n${usage ? `\n${USAGE}\n` : ''}`);
  process.exit(1);
}

run(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) fail(err.message, true);
  if (err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof SecretKeyError) fail(err.message);
  if (err instanceof Error && err.name === 'CliError') fail(err.message);
  if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) fail(err.message, true);
  fail(`Failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
});
