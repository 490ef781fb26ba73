import { and, asc, eq, ilike, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { L10n } from '../../../common/forms/types';
import type { Executor } from '../../db/connection';
import { categories, customers, departments, staffUsers, tickets, type Priority } from '../../db/schema';
import type { TicketChannel, TicketStatus } from '../../../common/tickets';
import { AppError } from '../../errors';
import { parseTicketNumber } from '../tickets/numbers';
import { canSeeAllQueue, isSupervisor, seesSecurity, type StaffScope } from '../staff/staff.policy';

export const QUEUES = ['mine', 'unassigned', 'waiting', 'at_risk', 'breached', 'all'] as const;
export type Queue = (typeof QUEUES)[number];

const WORKING: TicketStatus[] = ['new', 'open', 'reopened', 'pending_customer'];
const UNANSWERED: TicketStatus[] = ['new', 'open', 'reopened'];

export type QueueFilters = {
  status?: TicketStatus[];
  categoryId?: string;
  priority?: Priority;
  channel?: TicketChannel;
  department?: string;
  tier?: number;
  priorityCustomer?: boolean;
  q?: string;
};

/** The rows a queue holds for this person, before filters (matching the queue's partial index). */
function queueCondition(scope: StaffScope, queue: Queue): SQL | undefined {
  const mine = [...scope.departments.keys()];
  // Supervisors without a department of their own look after every department.
  const inMyDepartments = mine.length > 0 ? inArray(tickets.departmentId, mine) : isSupervisor(scope) ? undefined : sql`false`;
  switch (queue) {
    case 'mine':
      return and(eq(tickets.assigneeId, scope.id), inArray(tickets.status, WORKING));
    case 'unassigned':
      return and(isNull(tickets.assigneeId), inArray(tickets.status, UNANSWERED), inMyDepartments);
    // Department queues: one department equality keeps the partial index's order (an OR with
    // "assigned to me" made the planner sort the whole queue: 0.5 s at 1 M requests). Requests
    // assigned to a person are in "mine"; assignment needs membership of the department anyway.
    case 'waiting':
      return and(eq(tickets.status, 'pending_customer'), inMyDepartments);
    case 'at_risk':
      return and(isNotNull(tickets.atRiskAt), isNull(tickets.breachedAt), inArray(tickets.status, UNANSWERED), inMyDepartments);
    case 'breached':
      return and(isNotNull(tickets.breachedAt), inArray(tickets.status, WORKING), inMyDepartments);
    case 'all':
      if (!canSeeAllQueue(scope)) throw new AppError('FORBIDDEN');
      return inArray(tickets.status, WORKING);
  }
}

/** Security-service requests stay invisible (lists, counts, search) to everyone outside it. */
function visibility(scope: StaffScope): SQL | undefined {
  if (seesSecurity(scope) || !scope.securityDepartmentId) return undefined;
  return or(isNull(tickets.departmentId), ne(tickets.departmentId, scope.securityDepartmentId));
}

async function filterConditions(db: Executor, f: QueueFilters): Promise<SQL[]> {
  const out: SQL[] = [];
  if (f.status?.length) out.push(inArray(tickets.status, f.status));
  if (f.categoryId) out.push(eq(tickets.categoryId, f.categoryId));
  if (f.priority) out.push(eq(tickets.priority, f.priority));
  if (f.channel) out.push(eq(tickets.channel, f.channel));
  if (f.tier) out.push(eq(tickets.tier, f.tier));
  if (f.priorityCustomer !== undefined) out.push(eq(tickets.priorityCustomer, f.priorityCustomer));
  if (f.department) {
    const [d] = await db.select({ id: departments.id }).from(departments).where(eq(departments.code, f.department)).limit(1);
    out.push(d ? eq(tickets.departmentId, d.id) : sql`false`);
  }
  if (f.q) {
    const number = parseTicketNumber(f.q);
    if (number) out.push(eq(tickets.number, number));
    else if (f.q.includes('@')) {
      const email = f.q.toLowerCase();
      out.push(
        or(
          sql`lower(${tickets.guestEmail}) = ${email}`,
          sql`${tickets.customerId} IN (SELECT id FROM customers WHERE lower(email) = ${email})`,
        )!,
      );
    } else {
      // Words of the subject; the trigram index serves ILIKE '%…%'.
      out.push(ilike(tickets.subject, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
    }
  }
  return out;
}

type Cursor = { pc: boolean; due: string | null; id: string };
const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(cursor?: string): Cursor | null {
  if (!cursor) return null;
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as Cursor;
    if (typeof c.pc !== 'boolean' || typeof c.id !== 'string' || !/^[0-9a-f-]{36}$/.test(c.id)) throw new Error('bad');
    return c;
  } catch {
    throw new AppError('VALIDATION_FAILED', { issues: [{ path: ['querystring', 'cursor'], message: 'invalid cursor' }] });
  }
}

/** Rows after the cursor in the order (Priority customers first, due time ascending with none last, id). */
function after(c: Cursor | null, dueColumn: typeof tickets.resolutionDueAt | typeof tickets.updatedAt): SQL | undefined {
  if (!c) return undefined;
  const sameDue =
    c.due === null
      ? sql`${dueColumn} IS NULL AND ${tickets.id} > ${c.id}`
      : sql`(${dueColumn} > ${c.due} OR ${dueColumn} IS NULL OR (${dueColumn} = ${c.due} AND ${tickets.id} > ${c.id}))`;
  return sql`(${tickets.priorityCustomer} < ${c.pc} OR (${tickets.priorityCustomer} = ${c.pc} AND ${sameDue}))`;
}

export type QueueRow = {
  number: string;
  subject: string;
  status: TicketStatus;
  priority: Priority;
  priorityCustomer: boolean;
  channel: TicketChannel;
  tier: number;
  department: { id: string; code: string; name: L10n } | null;
  category: { id: string; name: L10n };
  assignee: { id: string; name: string } | null;
  customer: { name: string; email: string | null };
  slaDueAt: string | null;
  atRisk: boolean;
  breached: boolean;
  updatedAt: string;
};

type ListInput = { queue: Queue; filters: QueueFilters; cursor?: string; limit: number };

/** The SQL of one page of a queue (not run): listQueue runs it, tests EXPLAIN it. */
export async function queueQuery(db: Executor, scope: StaffScope, input: ListInput) {
  const dueColumn = input.queue === 'waiting' ? tickets.updatedAt : tickets.resolutionDueAt;
  const where = and(
    queueCondition(scope, input.queue),
    visibility(scope),
    ...(await filterConditions(db, input.filters)),
    after(decode(input.cursor), dueColumn),
  );
  // Wrapped: an async function returning the builder itself would run it (it is thenable).
  const query = db
    .select({
      t: tickets,
      dep: { id: departments.id, code: departments.code, name: departments.name },
      cat: { id: categories.id, name: categories.name },
      assignee: { id: staffUsers.id, name: staffUsers.name },
      cust: { name: customers.name, email: customers.email },
    })
    .from(tickets)
    .leftJoin(departments, eq(departments.id, tickets.departmentId))
    .innerJoin(categories, eq(categories.id, tickets.categoryId))
    .leftJoin(staffUsers, eq(staffUsers.id, tickets.assigneeId))
    .leftJoin(customers, eq(customers.id, tickets.customerId))
    .where(where)
    .orderBy(sql`${tickets.priorityCustomer} DESC NULLS LAST`, asc(dueColumn), asc(tickets.id))
    .limit(input.limit + 1);
  return { query };
}

/** One page of a queue, keyset-paginated, sorted by Priority customers then SLA due. */
export async function listQueue(db: Executor, scope: StaffScope, input: ListInput) {
  const rows = await (await queueQuery(db, scope, input)).query;
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const items: QueueRow[] = page.map(({ t, dep, cat, assignee, cust }) => ({
    number: t.number,
    subject: t.subject,
    status: t.status,
    priority: t.priority,
    priorityCustomer: t.priorityCustomer,
    channel: t.channel,
    tier: t.tier,
    department: dep?.id ? { id: dep.id, code: dep.code, name: dep.name } : null,
    category: cat,
    assignee: assignee?.id ? { id: assignee.id, name: assignee.name } : null,
    customer: { name: cust?.name || t.requesterName, email: cust?.email ?? t.guestEmail },
    slaDueAt: t.resolutionDueAt?.toISOString() ?? null,
    atRisk: t.atRiskAt !== null,
    breached: t.breachedAt !== null,
    updatedAt: t.updatedAt.toISOString(),
  }));
  const nextCursor =
    rows.length > input.limit && last
      ? encode({
          pc: last.t.priorityCustomer,
          due: (input.queue === 'waiting' ? last.t.updatedAt : last.t.resolutionDueAt)?.toISOString() ?? null,
          id: last.t.id,
        })
      : null;
  return { items, nextCursor };
}

/** Counting "mine" stops here: a queue of more shows "10 000+" (an exact count of a huge queue costs a scan). */
export const COUNT_CAP = 10_000;

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/**
 * The person's queues with their counts (the "all" queue for supervisors only), in one
 * statement. Department queues are summed from ticket_queue_counts (exact, kept by triggers in
 * the same transaction as every change to a request, see db/schema/queuecounts.ts); "mine" is
 * counted on its partial index. Same conditions as queueCondition and visibility.
 */
export async function queueCounts(
  db: Executor,
  scope: StaffScope,
): Promise<Array<{ queue: Queue; count: number; capped: boolean }>> {
  const queues = QUEUES.filter((q) => q !== 'all' || canSeeAllQueue(scope));
  const mine = [...scope.departments.keys()];
  const inMine = mine.length > 0 ? sql`c.department_key IN (${list(mine)})` : isSupervisor(scope) ? sql`true` : sql`false`;
  const visible =
    seesSecurity(scope) || !scope.securityDepartmentId ? sql`true` : sql`c.department_key <> ${scope.securityDepartmentId}`;
  const mineInner = db
    .select({ one: sql`1` })
    .from(tickets)
    .where(and(queueCondition(scope, 'mine'), visibility(scope)))
    .limit(COUNT_CAP + 1)
    .as('m');
  const result = await db.execute(sql`
    SELECT
      (SELECT count(*)::int FROM ${mineInner}) AS mine,
      coalesce(sum(c.n) FILTER (WHERE NOT c.assigned AND c.status IN (${list(UNANSWERED)}) AND ${inMine}), 0)::int AS unassigned,
      coalesce(sum(c.n) FILTER (WHERE c.status = 'pending_customer' AND ${inMine}), 0)::int AS waiting,
      coalesce(sum(c.n) FILTER (WHERE c.at_risk AND NOT c.breached AND c.status IN (${list(UNANSWERED)}) AND ${inMine}), 0)::int AS at_risk,
      coalesce(sum(c.n) FILTER (WHERE c.breached AND ${inMine}), 0)::int AS breached,
      coalesce(sum(c.n), 0)::int AS "all"
    FROM ticket_queue_counts c
    WHERE ${visible}`);
  const row = (result as unknown as { rows: Array<Record<Queue, number>> }).rows[0];
  return queues.map((queue) => {
    const n = Number(row?.[queue] ?? 0);
    return queue === 'mine'
      ? { queue, count: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP }
      : { queue, count: n, capped: false };
  });
}
