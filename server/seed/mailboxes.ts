import { inArray } from 'drizzle-orm';
import type { Database } from '../db/connection';
import { departments, mailboxes } from '../db/schema';

/** The demo mailboxes (S1: several addresses by case); support@ is the generic one, routed by content. */
export const DEMO_MAILBOXES: ReadonlyArray<{ address: string; name: string; department: string }> = [
  { address: 'support@paydesk.local', name: 'Поддержка', department: 'first_line' },
  { address: 'terminals@paydesk.local', name: 'Терминалы', department: 'terminals' },
  { address: 'security@paydesk.local', name: 'Безопасность', department: 'security' },
  { address: 'agents@paydesk.local', name: 'Агенты', department: 'agent_support' },
];

/** Adds the demo mailboxes that are missing (by address); changes nothing an admin edited. */
export async function seedDemoMailboxes(db: Database): Promise<{ added: number }> {
  const deps = await db
    .select({ id: departments.id, code: departments.code })
    .from(departments)
    .where(
      inArray(
        departments.code,
        DEMO_MAILBOXES.map((m) => m.department),
      ),
    );
  const byCode = new Map(deps.map((d) => [d.code, d.id]));
  const rows = DEMO_MAILBOXES.filter((m) => byCode.has(m.department)).map((m) => ({
    address: m.address,
    name: m.name,
    departmentId: byCode.get(m.department) ?? null,
  }));
  if (rows.length === 0) return { added: 0 };
  const inserted = await db.insert(mailboxes).values(rows).onConflictDoNothing().returning({ id: mailboxes.id });
  return { added: inserted.length };
}
