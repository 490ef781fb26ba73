import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/connection';
import { customers, staffUsers, STAFF_ROLES, type StaffRole } from '../db/schema';
import { recordAudit } from '../platform/audit';
import { deleteUserSessions } from '../platform/auth/sessions';
import { hashPassword } from '../platform/crypto';

/** A refusal the CLI prints as is. */
export class CliError extends Error {
  override name = 'CliError';
}

export const PASSWORD_MIN = 10;
const password = z.string().min(PASSWORD_MIN, `the password needs at least ${PASSWORD_MIN} characters`).max(200);

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new CliError(`${what}: ${result.error.issues.map((i) => i.message).join('; ')}`);
  return result.data;
}

/** Adds a staff member; refuses a taken e-mail, an unknown role, a short password. */
export async function createStaff(
  db: Database,
  input: { email: string; roles: string[]; name?: string; password: string },
): Promise<{ id: string; email: string; roles: StaffRole[] }> {
  const email = parse(z.string().trim().toLowerCase().email('not an e-mail address'), input.email, '--email');
  const roles = parse(
    z.array(z.enum(STAFF_ROLES, { message: `roles are ${STAFF_ROLES.join(', ')}` })).min(1),
    input.roles,
    '--role',
  );
  const pass = parse(password, input.password, 'password');
  return db.transaction(async (tx) => {
    const taken = await tx
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(sql`lower(${staffUsers.email}) = ${email}`)
      .limit(1);
    if (taken.length > 0) throw new CliError(`A staff member with the e-mail ${email} already exists`);
    const [row] = await tx
      .insert(staffUsers)
      .values({
        email,
        roles: [...new Set(roles)],
        name: input.name?.trim() || email.split('@')[0] || email,
        passwordHash: await hashPassword(pass),
      })
      .returning({ id: staffUsers.id, email: staffUsers.email, roles: staffUsers.roles });
    if (!row) throw new CliError('insert failed');
    await recordAudit(tx, {
      actor: { kind: 'system' },
      action: 'staff.created',
      entityType: 'staff',
      entityId: row.id,
      data: { roles: row.roles, via: 'cli' },
    });
    return row;
  });
}

/** Sets a new password, clears the lock-out and ends every session of that person. */
export async function resetPassword(
  db: Database,
  input: { kind: 'staff' | 'customer'; email: string; password: string },
): Promise<void> {
  const email = input.email.trim().toLowerCase();
  const pass = parse(password, input.password, 'password');
  const passwordHash = await hashPassword(pass);
  await db.transaction(async (tx) => {
    const table = input.kind === 'staff' ? staffUsers : customers;
    const [row] = await tx
      .update(table)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null, updatedAt: new Date() })
      .where(sql`lower(${table.email}) = ${email}`)
      .returning({ id: table.id });
    if (!row) throw new CliError(`No ${input.kind} account with the e-mail ${email}`);
    await deleteUserSessions(tx, input.kind, row.id);
    await recordAudit(tx, {
      actor: { kind: 'system' },
      action: 'auth.password_reset',
      entityType: input.kind,
      entityId: row.id,
      data: { via: 'cli' },
    });
  });
}
