import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, departmentMembers, departments, sessions, staffUsers } from '../db/schema';
import { createSession } from '../platform/auth/sessions';
import { verifyPassword } from '../platform/crypto';
import { createTestDb, type TestDb } from '../test/db';
import { makeCustomer } from '../test/factories';
import { seedReference } from '../seed/reference';
import { CliError, createStaff, describeNewStaff, parseDepartmentSpec, resetPassword } from './commands';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db?.dispose());

describe('create-staff', () => {
  it('adds a staff member who can sign in with the given password, and audits it', async () => {
    const user = await createStaff(db.db, {
      email: ' New.Operator@Paydesk.test ',
      roles: ['operator', 'specialist'],
      password: 'long-enough-pw',
    });
    expect(user).toMatchObject({ email: 'new.operator@paydesk.test', roles: ['operator', 'specialist'] });
    const [row] = await db.db.select().from(staffUsers).where(eq(staffUsers.id, user.id));
    expect(await verifyPassword('long-enough-pw', row?.passwordHash ?? '')).toBe(true);
    const audit = await db.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(audit.map((a) => a.action)).toEqual(['staff.created']);
  });

  it('refuses a taken e-mail, an unknown role and a short password with a message', async () => {
    await createStaff(db.db, { email: 'taken@paydesk.test', roles: ['admin'], password: 'long-enough-pw' });
    await expect(
      createStaff(db.db, { email: 'TAKEN@paydesk.test', roles: ['admin'], password: 'long-enough-pw' }),
    ).rejects.toThrow(/already exists/);
    await expect(createStaff(db.db, { email: 'x@paydesk.test', roles: ['king'], password: 'long-enough-pw' })).rejects.toThrow(
      /--role: roles are operator/,
    );
    await expect(createStaff(db.db, { email: 'y@paydesk.test', roles: ['admin'], password: 'short' })).rejects.toThrow(CliError);
    await expect(createStaff(db.db, { email: 'not-an-email', roles: ['admin'], password: 'long-enough-pw' })).rejects.toThrow(
      /--email/,
    );
  });
});

describe('create-staff --department', () => {
  it('puts the new person into the departments at their tiers and says which queues they will see', async () => {
    await seedReference(db.db);
    const user = await createStaff(db.db, {
      email: 'new.security@paydesk.test',
      roles: ['specialist'],
      password: 'long-enough-pw',
      departments: [parseDepartmentSpec('security:2'), parseDepartmentSpec('first_line')],
    });
    const rows = await db.db
      .select({ code: departments.code, tier: departmentMembers.tier })
      .from(departmentMembers)
      .innerJoin(departments, eq(departments.id, departmentMembers.departmentId))
      .where(eq(departmentMembers.staffId, user.id));
    expect(rows.sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      { code: 'first_line', tier: 1 },
      { code: 'security', tier: 2 },
    ]);
    const printed = describeNewStaff(user).join('\n');
    expect(printed).toContain('will see the queues of');
    expect(printed).toMatch(/\(security\), line 2: \d+ open request/);
    expect(printed).toMatch(/\(first_line\), line 1: \d+ open request/);
  });

  it('warns that a person in no department will see empty queues', async () => {
    const user = await createStaff(db.db, { email: 'lonely@paydesk.test', roles: ['operator'], password: 'long-enough-pw' });
    expect(describeNewStaff(user).join('\n')).toContain('EMPTY until they are added');
  });

  it('refuses an unknown department or tier, naming the known ones, and creates nobody', async () => {
    await seedReference(db.db);
    await expect(
      createStaff(db.db, {
        email: 'nowhere@paydesk.test',
        roles: ['operator'],
        password: 'long-enough-pw',
        departments: [parseDepartmentSpec('no_such')],
      }),
    ).rejects.toThrow(/no department "no_such"; there are .*first_line/);
    expect(await db.db.select().from(staffUsers).where(eq(staffUsers.email, 'nowhere@paydesk.test'))).toEqual([]);
    expect(() => parseDepartmentSpec('security:7')).toThrow(CliError);
    expect(parseDepartmentSpec('Security')).toEqual({ code: 'security', tier: 1 });
  });
});

describe('reset-password', () => {
  it('sets the new password, lifts a lock-out and ends the sessions', async () => {
    const customer = await makeCustomer(db.db);
    await createSession(db.db, { kind: 'customer', userId: customer.id, ttlHours: 1 });
    await resetPassword(db.db, { kind: 'customer', email: customer.email ?? '', password: 'brand-new-pass' });
    const left = await db.db.select().from(sessions).where(eq(sessions.userId, customer.id));
    expect(left).toHaveLength(0);
    await expect(
      resetPassword(db.db, { kind: 'staff', email: 'ghost@paydesk.test', password: 'brand-new-pass' }),
    ).rejects.toThrow(/No staff account/);
  });
});

describe('npm run paydesk', () => {
  it('runs on the embedded database: migrate, create-staff, then refuses a duplicate with exit 1', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const env = {
      ...process.env,
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'paydesk-cli-')),
      DATABASE_URL: '',
      SECRET_KEY: 'd'.repeat(64),
    };
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'server/cli.ts'), ...args], {
        env,
        encoding: 'utf8',
        timeout: 60_000,
      });
    const migrate = cli('migrate');
    expect(migrate.stdout).toMatch(/Migrations: \d+ applied now/);
    expect(migrate.status).toBe(0);
    const created = cli('create-staff', '--email', 'cli@paydesk.test', '--role', 'supervisor', '--password', 'cli-password-1');
    expect(created.stdout).toContain('cli@paydesk.test created with roles supervisor');
    const again = cli('create-staff', '--email', 'cli@paydesk.test', '--role', 'supervisor', '--password', 'cli-password-1');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
    const noPassword = cli('reset-password', '--email', 'cli@paydesk.test');
    expect(noPassword.status).toBe(1);
    expect(noPassword.stderr).toContain('pass --password');
    // Four processes, each opening the embedded database: ~20 s on a quiet machine, over 45 s when
    // the suite's other files load both cores — a guard against a hang, not a speed assertion.
  }, 180_000);
});
