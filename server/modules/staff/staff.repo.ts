import { and, arrayContains, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/connection';
import { cannedAnswers, categories, departmentMembers, departments, staffUsers, type StaffRole } from '../../db/schema';

/** The SQL of the staff administration screens (departments, members, canned answers; the SLA settings are the sla module's). */

export const listDepartments = (db: Executor) => db.select().from(departments).orderBy(asc(departments.code));

export const listMemberships = (db: Executor) =>
  db
    .select({
      departmentId: departmentMembers.departmentId,
      tier: departmentMembers.tier,
      staffId: staffUsers.id,
      name: staffUsers.name,
      email: staffUsers.email,
      roles: staffUsers.roles,
    })
    .from(departmentMembers)
    .innerJoin(staffUsers, eq(staffUsers.id, departmentMembers.staffId));

export async function departmentIdByCode(db: Executor, code: string): Promise<string | undefined> {
  const [row] = await db.select({ id: departments.id }).from(departments).where(eq(departments.code, code)).limit(1);
  return row?.id;
}

export async function departmentExists(db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, id)).limit(1);
  return Boolean(row);
}

export async function insertDepartment(db: Executor, values: { code: string; name: { ru: string; uk: string; en: string } }) {
  const [row] = await db.insert(departments).values(values).returning({ id: departments.id });
  return row!.id;
}

export async function updateDepartment(
  db: Executor,
  id: string,
  values: { name?: { ru: string; uk: string; en: string }; active?: boolean },
): Promise<boolean> {
  const updated = await db.update(departments).set(values).where(eq(departments.id, id)).returning({ id: departments.id });
  return updated.length > 0;
}

export async function countActiveStaff(db: Executor, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(inArray(staffUsers.id, ids), eq(staffUsers.active, true)));
  return rows.length;
}

export async function replaceMembers(
  db: Executor,
  departmentId: string,
  members: ReadonlyArray<{ staffId: string; tier: number }>,
): Promise<void> {
  await db.delete(departmentMembers).where(eq(departmentMembers.departmentId, departmentId));
  if (members.length) await db.insert(departmentMembers).values(members.map((m) => ({ ...m, departmentId })));
}

/** Who is in a department now (before its members are replaced). */
export async function memberIds(db: Executor, departmentId: string): Promise<string[]> {
  const rows = await db
    .select({ id: departmentMembers.staffId })
    .from(departmentMembers)
    .where(eq(departmentMembers.departmentId, departmentId));
  return rows.map((r) => r.id);
}

export async function updateStaff(
  db: Executor,
  id: string,
  values: { roles?: StaffRole[]; active?: boolean },
): Promise<{ roles: StaffRole[]; active: boolean } | undefined> {
  const [row] = await db
    .update(staffUsers)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(staffUsers.id, id))
    .returning({ roles: staffUsers.roles, active: staffUsers.active });
  return row;
}

/**
 * The active admins' ids, their rows locked until the transaction ends (in one order): two admins
 * demoting each other at once wait for one another, and the second sees the first one's change.
 */
export async function lockActiveAdmins(db: Executor): Promise<string[]> {
  const rows = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.active, true), arrayContains(staffUsers.roles, ['admin'])))
    .orderBy(asc(staffUsers.id))
    .for('update');
  return rows.map((r) => r.id);
}

export const listStaff = (db: Executor) =>
  db
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      name: staffUsers.name,
      roles: staffUsers.roles,
      active: staffUsers.active,
    })
    .from(staffUsers)
    .orderBy(asc(staffUsers.name));

export async function categoryExists(db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, id)).limit(1);
  return Boolean(row);
}

export const listCanned = (db: Executor) => db.select().from(cannedAnswers).orderBy(asc(cannedAnswers.title));

export async function insertCanned(db: Executor, values: typeof cannedAnswers.$inferInsert): Promise<string> {
  const [row] = await db.insert(cannedAnswers).values(values).returning({ id: cannedAnswers.id });
  return row!.id;
}

export async function updateCanned(
  db: Executor,
  id: string,
  values: Partial<typeof cannedAnswers.$inferInsert>,
): Promise<boolean> {
  const updated = await db
    .update(cannedAnswers)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(cannedAnswers.id, id))
    .returning({ id: cannedAnswers.id });
  return updated.length > 0;
}
