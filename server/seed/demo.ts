import { sql } from 'drizzle-orm';
import type { Database } from '../db/connection';
import { customers, staffUsers, type StaffRole } from '../db/schema';
import { hashPassword } from '../platform/crypto';

/** Demo staff: one per role. Passwords are public on purpose (printed at start); demo data only. */
export const DEMO_STAFF: ReadonlyArray<{ email: string; name: string; roles: StaffRole[]; password: string }> = [
  { email: 'operator@paydesk.local', name: 'Ольга Операторова', roles: ['operator'], password: 'demo-operator' },
  { email: 'specialist@paydesk.local', name: 'Сергей Техподдержкин', roles: ['specialist'], password: 'demo-specialist' },
  { email: 'terminal@paydesk.local', name: 'Тимур Терминалов', roles: ['specialist'], password: 'demo-terminal' },
  { email: 'supervisor@paydesk.local', name: 'Марина Старшая', roles: ['supervisor'], password: 'demo-supervisor' },
  { email: 'security@paydesk.local', name: 'Игорь Безопасов', roles: ['security_officer'], password: 'demo-security' },
  { email: 'admin@paydesk.local', name: 'Анна Админова', roles: ['admin'], password: 'demo-admin' },
];

export const DEMO_CUSTOMERS: ReadonlyArray<{ email: string; phone: string; name: string; password: string; priority: boolean }> =
  [
    { email: 'customer@paydesk.local', phone: '+79001234567', name: 'Иван Клиентов', password: 'demo-customer', priority: false },
    {
      email: 'priority@paydesk.local',
      phone: '+79007654321',
      name: 'Пётр Приоритетов',
      password: 'demo-priority',
      priority: true,
    },
    // The blocked-wallet and unauthorised-debit cases of the demo working day (seed/workday.ts).
    {
      email: 'blocked@paydesk.local',
      phone: '+79005550101',
      name: 'Анна Заблокированная',
      password: 'demo-blocked',
      priority: false,
    },
    { email: 'cards@paydesk.local', phone: '+79005550202', name: 'Олег Картов', password: 'demo-cards', priority: false },
  ];

/**
 * Adds the demo accounts that are missing; a second run adds nothing and changes nothing
 * (a demo password changed by an admin stays changed). Returns how many rows it added.
 */
export async function seedDemo(db: Database): Promise<{ added: number }> {
  let added = 0;
  for (const s of DEMO_STAFF) {
    const exists = await db
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(sql`lower(${staffUsers.email}) = ${s.email}`)
      .limit(1);
    if (exists.length > 0) continue;
    const inserted = await db
      .insert(staffUsers)
      .values({ email: s.email, name: s.name, roles: s.roles, passwordHash: await hashPassword(s.password) })
      .onConflictDoNothing()
      .returning({ id: staffUsers.id });
    added += inserted.length;
  }
  for (const c of DEMO_CUSTOMERS) {
    const exists = await db
      .select({ id: customers.id })
      .from(customers)
      .where(sql`lower(${customers.email}) = ${c.email}`)
      .limit(1);
    if (exists.length > 0) continue;
    const inserted = await db
      .insert(customers)
      .values({
        email: c.email,
        phone: c.phone,
        name: c.name,
        priority: c.priority,
        passwordHash: await hashPassword(c.password),
      })
      .onConflictDoNothing()
      .returning({ id: customers.id });
    added += inserted.length;
  }
  return { added };
}
