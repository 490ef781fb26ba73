import { and, count, inArray, notInArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/connection';
import { customers, departmentMembers, departments, staffUsers, STAFF_ROLES, tickets, type StaffRole } from '../db/schema';
import { recordAudit } from '../platform/audit';
import { deleteUserSessions } from '../platform/auth/sessions';
import { hashPassword } from '../platform/crypto';
import type { TicketStatus } from '../../common/tickets';

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

/** A department the new person joins: its code and tier (1–3). */
export type DepartmentSpec = { code: string; tier: number };

/** `--department CODE[:TIER]` → { code, tier } (tier 1 when left out). */
export function parseDepartmentSpec(value: string): DepartmentSpec {
  const match = /^([a-z0-9_-]+)(?::([1-3]))?$/i.exec(value.trim());
  if (!match) throw new CliError(`--department: "${value}" is not CODE or CODE:TIER (tier 1, 2 or 3)`);
  return { code: (match[1] as string).toLowerCase(), tier: Number(match[2] ?? 1) };
}

export type CreatedStaff = {
  id: string;
  email: string;
  roles: StaffRole[];
  /** The departments joined, with their Russian name and how many open requests are in them now. */
  departments: Array<{ code: string; name: string; tier: number; open: number }>;
};

// Requests that are in someone's queue (not waiting for a guest's confirmation, not closed).
const CLOSED: TicketStatus[] = ['unconfirmed', 'resolved', 'archived', 'expired'];

/** Adds a staff member (and their departments); refuses a taken e-mail, an unknown role or department, a short password. */
export async function createStaff(
  db: Database,
  input: { email: string; roles: string[]; name?: string; password: string; departments?: DepartmentSpec[] },
): Promise<CreatedStaff> {
  const email = parse(z.string().trim().toLowerCase().email('not an e-mail address'), input.email, '--email');
  const roles = parse(
    z.array(z.enum(STAFF_ROLES, { message: `roles are ${STAFF_ROLES.join(', ')}` })).min(1),
    input.roles,
    '--role',
  );
  const pass = parse(password, input.password, 'password');
  const wanted = input.departments ?? [];
  return db.transaction(async (tx) => {
    const taken = await tx
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(sql`lower(${staffUsers.email}) = ${email}`)
      .limit(1);
    if (taken.length > 0) throw new CliError(`A staff member with the e-mail ${email} already exists`);
    const known = await tx.select({ id: departments.id, code: departments.code, name: departments.name }).from(departments);
    const joined = wanted.map((spec) => {
      const dep = known.find((d) => d.code === spec.code);
      if (!dep)
        throw new CliError(`--department: no department "${spec.code}"; there are ${known.map((d) => d.code).join(', ')}`);
      return { ...spec, id: dep.id, name: dep.name.ru ?? spec.code };
    });
    if (new Set(joined.map((d) => d.id)).size !== joined.length) throw new CliError('--department: a department is given twice');
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
    if (joined.length > 0) {
      await tx.insert(departmentMembers).values(joined.map((d) => ({ departmentId: d.id, staffId: row.id, tier: d.tier })));
    }
    await recordAudit(tx, {
      actor: { kind: 'system' },
      action: 'staff.created',
      entityType: 'staff',
      entityId: row.id,
      data: { roles: row.roles, via: 'cli', departments: joined.map((d) => `${d.code}:${d.tier}`) },
    });
    const open = joined.length
      ? await tx
          .select({ departmentId: tickets.departmentId, n: count() })
          .from(tickets)
          .where(
            and(
              inArray(
                tickets.departmentId,
                joined.map((d) => d.id),
              ),
              notInArray(tickets.status, CLOSED),
            ),
          )
          .groupBy(tickets.departmentId)
      : [];
    return {
      ...row,
      departments: joined.map((d) => ({
        code: d.code,
        name: d.name,
        tier: d.tier,
        open: Number(open.find((o) => o.departmentId === d.id)?.n ?? 0),
      })),
    };
  });
}

/** What the new person will see when they sign in, as lines for the terminal. */
export function describeNewStaff(user: CreatedStaff): string[] {
  const lines = [`Staff member ${user.email} created with roles ${user.roles.join(', ')}.`];
  const oversees = user.roles.some((r) => r === 'supervisor' || r === 'admin');
  if (user.departments.length === 0) {
    lines.push(
      oversees
        ? 'In no department: their own queues are empty; as a supervisor or admin they see every request under «Все».'
        : 'In no department: their queues stay EMPTY until they are added to one (--department CODE[:TIER], or Console → Администрирование → Отделы).',
    );
  } else {
    lines.push('When they sign in at /console they will see the queues of:');
    for (const d of user.departments) lines.push(`  ${d.name} (${d.code}), line ${d.tier}: ${d.open} open request(s) now`);
  }
  return lines;
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
