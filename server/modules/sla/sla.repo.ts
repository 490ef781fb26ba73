import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/connection';
import { slaCalendars, slaPolicies } from '../../db/schema';

/**
 * The SQL of the SLA settings: the sla module owns `sla_policies` and `sla_calendars`, and only it
 * writes them. The staff administration calls these inside its transaction (with its audit row)
 * and clears the reference caches after commit.
 */

export const listSlaCalendars = (db: Executor) => db.select().from(slaCalendars).orderBy(asc(slaCalendars.code));
export const listSlaPolicies = (db: Executor) => db.select().from(slaPolicies).orderBy(asc(slaPolicies.code));

export async function slaCalendarIdByCode(db: Executor, code: string): Promise<string | undefined> {
  const [row] = await db.select({ id: slaCalendars.id }).from(slaCalendars).where(eq(slaCalendars.code, code)).limit(1);
  return row?.id;
}

/** Changes a policy's targets or calendar; false when there is no such policy. */
export async function updateSlaPolicy(
  db: Executor,
  id: string,
  values: Partial<
    Pick<typeof slaPolicies.$inferInsert, 'name' | 'calendarId' | 'firstResponseMinutes' | 'resolutionMinutes' | 'atRiskPercent'>
  >,
): Promise<boolean> {
  const updated = await db
    .update(slaPolicies)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(slaPolicies.id, id))
    .returning({ id: slaPolicies.id });
  return updated.length > 0;
}

/** Replaces a calendar's definition (checked by the caller with `calendarSchema`); false when there is no such calendar. */
export async function updateSlaCalendar(db: Executor, id: string, definition: Record<string, unknown>): Promise<boolean> {
  const updated = await db
    .update(slaCalendars)
    .set({ definition, updatedAt: new Date() })
    .where(eq(slaCalendars.id, id))
    .returning({ id: slaCalendars.id });
  return updated.length > 0;
}
