import { randomBytes } from 'node:crypto';
import type { Database } from '../db/connection';
import { customers, staffUsers, type StaffRole } from '../db/schema';
import { hashPassword } from '../platform/crypto';

const unique = () => randomBytes(4).toString('hex');

/** A staff member with a known password (default `correct-horse-1`). */
export async function makeStaff(
  db: Database,
  overrides: Partial<{ email: string; name: string; roles: StaffRole[]; password: string; active: boolean }> = {},
) {
  const password = overrides.password ?? 'correct-horse-1';
  const [row] = await db
    .insert(staffUsers)
    .values({
      email: overrides.email ?? `staff-${unique()}@paydesk.test`,
      name: overrides.name ?? 'Тестовый Оператор',
      roles: overrides.roles ?? ['operator'],
      active: overrides.active ?? true,
      passwordHash: await hashPassword(password),
    })
    .returning();
  if (!row) throw new Error('insert failed');
  return { ...row, password };
}

/** A customer account with a known password (default `customer-pass-1`). */
export async function makeCustomer(
  db: Database,
  overrides: Partial<{ email: string | null; phone: string | null; name: string; password: string; priority: boolean }> = {},
) {
  const password = overrides.password ?? 'customer-pass-1';
  const [row] = await db
    .insert(customers)
    .values({
      email: overrides.email === undefined ? `customer-${unique()}@example.test` : overrides.email,
      phone: overrides.phone ?? null,
      name: overrides.name ?? 'Тестовый Клиент',
      priority: overrides.priority ?? false,
      passwordHash: await hashPassword(password),
    })
    .returning();
  if (!row) throw new Error('insert failed');
  return { ...row, password };
}
