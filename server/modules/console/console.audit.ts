import { and, desc, eq, gte, inArray, lt, lte, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/connection';
import { auditLog, staffUsers, tickets } from '../../db/schema';
import { AppError } from '../../errors';
import { parseTicketNumber } from '../tickets';
import { canReadAudit, type StaffScope } from '../staff';

export type AuditFilter = {
  actor?: string;
  action?: string;
  number?: string;
  entityType?: string;
  from?: Date;
  to?: Date;
  cursor?: number;
  limit: number;
};

/** The audit log for supervisors and admins, newest first, filtered, keyset-paginated by id. */
export async function browseAudit(db: Executor, scope: StaffScope, f: AuditFilter) {
  if (!canReadAudit(scope)) throw new AppError('FORBIDDEN');
  const where: SQL[] = [];
  if (f.actor) where.push(eq(auditLog.actorId, f.actor));
  if (f.action) where.push(eq(auditLog.action, f.action));
  if (f.entityType) where.push(eq(auditLog.entityType, f.entityType));
  if (f.from) where.push(gte(auditLog.at, f.from));
  if (f.to) where.push(lte(auditLog.at, f.to));
  if (f.cursor) where.push(lt(auditLog.id, f.cursor));
  if (f.number) {
    const number = parseTicketNumber(f.number);
    const [t] = number ? await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.number, number)).limit(1) : [];
    if (!t) return { items: [], nextCursor: null };
    where.push(eq(auditLog.entityType, 'ticket'), eq(auditLog.entityId, t.id));
  }
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  const ids = [...new Set(page.filter((r) => r.actorKind === 'staff' && r.actorId).map((r) => r.actorId as string))];
  const names = ids.length
    ? new Map(
        (await db.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(inArray(staffUsers.id, ids))).map(
          (s) => [s.id, s.name],
        ),
      )
    : new Map<string, string>();
  // Customers' and guests' rows (filed, confirmed, replied…) carry no number in their data:
  // every request row gets its number from the request itself, for the link.
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const ticketIds = [
    ...new Set(page.filter((r) => r.entityType === 'ticket' && UUID.test(r.entityId ?? '')).map((r) => r.entityId as string)),
  ];
  const numbers = ticketIds.length
    ? new Map(
        (await db.select({ id: tickets.id, number: tickets.number }).from(tickets).where(inArray(tickets.id, ticketIds))).map(
          (t) => [t.id, t.number],
        ),
      )
    : new Map<string, string>();
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: { kind: r.actorKind, id: r.actorId, name: r.actorId ? (names.get(r.actorId) ?? null) : null },
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      number: r.entityType === 'ticket' && r.entityId ? (numbers.get(r.entityId) ?? null) : null,
      ip: r.ip,
      data: r.data,
    })),
    nextCursor: rows.length > f.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
