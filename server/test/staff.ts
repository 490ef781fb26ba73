import { eq } from 'drizzle-orm';
import type { Database } from '../db/connection';
import { departmentMembers, departments, type StaffRole } from '../db/schema';
import { makeStaff } from './factories';

/** A staff member with roles and department memberships (`code:tier`). */
export async function makeMember(
  db: Database,
  roles: StaffRole[],
  memberships: Array<[code: string, tier: number]>,
  name?: string,
) {
  const staff = await makeStaff(db, { roles, ...(name ? { name } : {}) });
  for (const [code, tier] of memberships) {
    const [d] = await db.select({ id: departments.id }).from(departments).where(eq(departments.code, code));
    if (!d) throw new Error(`no department ${code}`);
    await db.insert(departmentMembers).values({ departmentId: d.id, staffId: staff.id, tier });
  }
  return staff;
}

export async function departmentId(db: Database, code: string): Promise<string> {
  const [d] = await db.select({ id: departments.id }).from(departments).where(eq(departments.code, code));
  if (!d) throw new Error(`no department ${code}`);
  return d.id;
}
