import { createHash } from 'node:crypto';
import type { L10n } from '../../../common/forms/types';
import type { SqlRunner } from '../../db/connection';
import type { Priority } from '../../db/schema';
import type { TicketChannel, TicketStatus } from '../../../common/tickets';
import { AppError } from '../../errors';
import { parseTicketNumber } from '../tickets';
import { canSeeAllQueue, isSupervisor, seesSecurity, type StaffScope } from '../staff';

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
  /** The id of `department`, looked up by listQueue (null: no such department). */
  departmentId?: string | null;
};

/** Department ids by code, per database. Codes never change (departments are renamed or
 * deactivated, never re-coded or deleted), so a found id is kept; unknown codes are asked again. */
const departmentIds = new WeakMap<object, Map<string, string>>();
async function departmentIdOf(db: SqlRunner, code: string): Promise<string | null> {
  let known = departmentIds.get(db);
  if (!known) departmentIds.set(db, (known = new Map()));
  const hit = known.get(code);
  if (hit) return hit;
  const { rows } = await db.query<{ id: string }>('SELECT id FROM departments WHERE code = $1 LIMIT 1', [code], {
    name: 'paydesk_department_by_code',
  });
  const id = rows[0]?.id ?? null;
  if (id && known.size < 1_000) known.set(code, id);
  return id;
}

/** Values of one statement, bound as $1, $2… */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

/** Constant lists are written into the SQL (never parameters), so that a generic plan of the
 * prepared statement can still prove a queue's partial index applies. */
const literals = (values: readonly string[]) => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
const WORKING_SQL = literals(WORKING);
const UNANSWERED_SQL = literals(UNANSWERED);

/** `column = one` for one department (keeps the partial index's order), `IN (…)` for several. */
function inDepartments(p: Params, column: string, ids: string[]): string {
  if (ids.length === 1) return `${column} = ${p.add(ids[0], '::uuid')}`;
  return `${column} IN (${ids.map((id) => p.add(id, '::uuid')).join(', ')})`;
}

/**
 * Queues whose partial index leads by the department: for a member of several departments,
 * `department_id IN (…)` breaks the index's order and PostgreSQL sorted the whole queue of those
 * departments (waiting, 3 departments, 1 M requests: 24,000 rows, 340 ms). They are read one
 * department at a time instead (see queueQuery), each in index order up to one page.
 */
const PER_DEPARTMENT: ReadonlySet<Queue> = new Set(['unassigned', 'waiting']);

/** The person's departments, when a page of this queue is read one department at a time. */
function perDepartment(scope: StaffScope, queue: Queue): string[] | null {
  return PER_DEPARTMENT.has(queue) && scope.departments.size > 1 ? [...scope.departments.keys()] : null;
}

/** The rows a queue holds for this person, before filters (matching the queue's partial index). */
function queueCondition(p: Params, scope: StaffScope, queue: Queue): string[] {
  const mine = [...scope.departments.keys()];
  // Supervisors without a department of their own look after every department.
  // A function: its parameters are bound only by the queues that use it.
  const inMyDepartments = () =>
    perDepartment(scope, queue)
      ? ['t.department_id = dep.id'] // dep: one of the person's departments (queueQuery)
      : mine.length > 0
        ? [inDepartments(p, 't.department_id', mine)]
        : isSupervisor(scope)
          ? []
          : ['false'];
  switch (queue) {
    case 'mine':
      // `= ANY(ARRAY[…])` rather than `=`: the person's id is then not a constant of the sort
      // order, so only tickets_q_mine_idx (assignee first) delivers the order without a sort;
      // with `=` the planner may walk the whole "all" index and filter the assignee out.
      return [`t.assignee_id = ANY(ARRAY[${p.add(scope.id, '::uuid')}])`, `t.status IN (${WORKING_SQL})`];
    case 'unassigned':
      return ['t.assignee_id IS NULL', `t.status IN (${UNANSWERED_SQL})`, ...inMyDepartments()];
    // Department queues: one department equality keeps the partial index's order (an OR with
    // "assigned to me" made the planner sort the whole queue: 0.5 s at 1 M requests). Requests
    // assigned to a person are in "mine"; assignment needs membership of the department anyway.
    case 'waiting':
      return [`t.status = 'pending_customer'`, ...inMyDepartments()];
    case 'at_risk':
      return ['t.at_risk_at IS NOT NULL', 't.breached_at IS NULL', `t.status IN (${UNANSWERED_SQL})`, ...inMyDepartments()];
    case 'breached':
      return ['t.breached_at IS NOT NULL', `t.status IN (${WORKING_SQL})`, ...inMyDepartments()];
    case 'all':
      if (!canSeeAllQueue(scope)) throw new AppError('FORBIDDEN');
      return [`t.status IN (${WORKING_SQL})`];
  }
}

/** Security-service requests stay invisible (lists, counts, search) to everyone outside it. */
function visibility(p: Params, scope: StaffScope): string[] {
  if (seesSecurity(scope) || !scope.securityDepartmentId) return [];
  return [`(t.department_id IS NULL OR t.department_id <> ${p.add(scope.securityDepartmentId, '::uuid')})`];
}

function filterConditions(p: Params, f: QueueFilters): string[] {
  const out: string[] = [];
  if (f.status?.length) out.push(`t.status IN (${f.status.map((s) => p.add(s, '::text')).join(', ')})`);
  if (f.categoryId) out.push(`t.category_id = ${p.add(f.categoryId, '::uuid')}`);
  if (f.priority) out.push(`t.priority = ${p.add(f.priority, '::text')}`);
  if (f.channel) out.push(`t.channel = ${p.add(f.channel, '::text')}`);
  if (f.tier) out.push(`t.tier = ${p.add(f.tier, '::int')}`);
  if (f.priorityCustomer !== undefined) out.push(`t.priority_customer = ${p.add(f.priorityCustomer, '::boolean')}`);
  // The department by its code, resolved by listQueue (an unknown code matches nothing).
  if (f.department) out.push(f.departmentId ? `t.department_id = ${p.add(f.departmentId, '::uuid')}` : 'false');
  if (f.q) {
    const number = parseTicketNumber(f.q);
    if (number) out.push(`t.number = ${p.add(number, '::text')}`);
    else if (f.q.includes('@')) {
      const email = p.add(f.q.toLowerCase(), '::text');
      out.push(`(lower(t.guest_email) = ${email} OR t.customer_id IN (SELECT id FROM customers WHERE lower(email) = ${email}))`);
    } else {
      // Words of the subject; the trigram index serves ILIKE '%…%'.
      out.push(`t.subject ILIKE ${p.add(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, '::text')}`);
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
    if (c.due !== null && (typeof c.due !== 'string' || Number.isNaN(Date.parse(c.due)))) throw new Error('bad');
    return c;
  } catch {
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: ['querystring', 'cursor'], code: 'invalid_cursor', message: 'invalid cursor' }],
    });
  }
}

/** Rows after the cursor in the order (Priority customers first, due time ascending with none last, id). */
function after(p: Params, c: Cursor | null, due: string): string[] {
  if (!c) return [];
  const id = p.add(c.id, '::uuid');
  const sameDue =
    c.due === null
      ? `${due} IS NULL AND t.id > ${id}`
      : (() => {
          const at = p.add(c.due, '::timestamptz');
          return `(${due} > ${at} OR ${due} IS NULL OR (${due} = ${at} AND t.id > ${id}))`;
        })();
  const pc = p.add(c.pc, '::boolean');
  return [`(t.priority_customer < ${pc} OR (t.priority_customer = ${pc} AND ${sameDue}))`];
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

/** Names of prepared statements, by their text (a queue, its filters and the number of departments make a text). */
const statementNames = new Map<string, string>();
export function statementName(prefix: string, text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `${prefix}_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    if (statementNames.size < 5_000) statementNames.set(text, name);
  }
  return name;
}

/**
 * The SQL of one page of a queue (not run): listQueue runs it, tests EXPLAIN it. Plain SQL, only
 * the columns the list shows, so that on PostgreSQL it runs as a named prepared statement (parsed
 * and planned once per connection and queue shape; planning cost more than running).
 */
export function queueQuery(scope: StaffScope, input: ListInput): { text: string; params: unknown[]; name: string } {
  if (!Number.isInteger(input.limit) || input.limit < 1) throw new AppError('VALIDATION_FAILED');
  const waiting = input.queue === 'waiting';
  const due = waiting ? 't.updated_at' : 't.resolution_due_at';
  const p = new Params();
  const where = [
    ...queueCondition(p, scope, input.queue),
    ...visibility(p, scope),
    ...filterConditions(p, input.filters),
    ...after(p, decode(input.cursor), due),
  ];
  // "mine": the assignee leads the order (see queueCondition); it is one person, so the order is the same.
  const order = `${input.queue === 'mine' ? 't.assignee_id, ' : ''}t.priority_customer DESC NULLS LAST, ${due} ASC, t.id ASC`;
  const limit = input.limit + 1;
  const deps = perDepartment(scope, input.queue);
  // Several departments: each one's page in its index order (a LATERAL with the department as a
  // parameter), then the best of those few rows; otherwise the page straight from the index.
  const from = deps
    ? `unnest(ARRAY[${deps.map((id) => p.add(id, '::uuid')).join(', ')}]) AS dep(id)
  CROSS JOIN LATERAL (
    SELECT t.id, t.number, t.subject, t.status, t.priority, t.priority_customer, t.channel, t.tier, t.department_id,
           t.category_id, t.assignee_id, t.customer_id, t.requester_name, t.guest_email, t.resolution_due_at,
           t.updated_at, t.at_risk_at, t.breached_at
      FROM tickets t
     WHERE ${where.join('\n       AND ')}
     ORDER BY ${order}
     LIMIT ${limit}) t`
    : 'tickets t';
  const text = `SELECT t.id, t.number, t.subject, t.status, t.priority, t.priority_customer, t.channel, t.tier,
       t.department_id, d.code AS dep_code, d.name AS dep_name, t.category_id, c.name AS cat_name,
       t.assignee_id, s.name AS assignee_name,
       coalesce(nullif(cu.name, ''), t.requester_name) AS customer_name, coalesce(cu.email, t.guest_email) AS customer_email,
       t.resolution_due_at, t.updated_at, t.at_risk_at IS NOT NULL AS at_risk, t.breached_at IS NOT NULL AS breached,
       to_char(${due} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_due
  FROM ${from}
  JOIN categories c ON c.id = t.category_id
  LEFT JOIN departments d ON d.id = t.department_id
  LEFT JOIN staff_users s ON s.id = t.assignee_id
  LEFT JOIN customers cu ON cu.id = t.customer_id
${deps ? '' : ` WHERE ${where.join('\n   AND ')}\n`} ORDER BY ${order}
 LIMIT ${limit}`;
  return { text, params: p.values, name: statementName('pdq', text) };
}

/** A timestamp as `Date.prototype.toISOString` writes it, in SQL. */
const isoSql = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * One page of a queue as the answer's JSON, built by PostgreSQL: the page (queueQuery) numbered in
 * its order, its first `limit` rows as the `items` array of the answer's exact shape (listResponse),
 * and the row after them for the cursor. The app then parses no rows and serialises nothing: pg's
 * row parsing, the timestamps and JSON.stringify were a third of the app's CPU on a queue page.
 */
export function queuePageQuery(scope: StaffScope, input: ListInput): { text: string; params: unknown[]; name: string } {
  const page = queueQuery(scope, input);
  const text = `WITH r AS (SELECT q.*, row_number() OVER () AS rn FROM (${page.text}) q)
SELECT (SELECT coalesce(json_agg(json_build_object(
          'number', number, 'subject', subject, 'status', status, 'priority', priority,
          'priorityCustomer', priority_customer, 'channel', channel, 'tier', tier,
          'department', CASE WHEN department_id IS NULL THEN NULL
                             ELSE json_build_object('id', department_id, 'code', coalesce(dep_code, ''), 'name', dep_name) END,
          'category', json_build_object('id', category_id, 'name', cat_name),
          'assignee', CASE WHEN assignee_id IS NULL THEN NULL
                           ELSE json_build_object('id', assignee_id, 'name', coalesce(assignee_name, '')) END,
          'customer', json_build_object('name', customer_name, 'email', customer_email),
          'slaDueAt', ${isoSql('resolution_due_at')},
          'atRisk', at_risk, 'breached', breached,
          'updatedAt', ${isoSql('updated_at')}) ORDER BY rn), '[]')::text
          FROM r WHERE rn <= ${input.limit}) AS items,
       (SELECT json_build_object('pc', priority_customer, 'due', cursor_due, 'id', id)::text
          FROM r WHERE rn = ${input.limit} AND EXISTS (SELECT 1 FROM r WHERE rn > ${input.limit})) AS last`;
  return { text, params: page.params, name: statementName('pdqj', text) };
}

/**
 * One page of a queue, keyset-paginated, sorted by Priority customers then SLA due, as the JSON
 * text of the answer (`{ items, nextCursor }`, listResponse's shape; console.queues.test.ts checks it).
 */
export async function listQueueJson(db: SqlRunner, scope: StaffScope, input: ListInput): Promise<string> {
  // By id, not a sub-select: a constant keeps tickets_q_department_idx's order in the plan.
  const department = input.filters.department;
  const filters = department ? { ...input.filters, departmentId: await departmentIdOf(db, department) } : input.filters;
  const { text, params, name } = queuePageQuery(scope, { ...input, filters });
  const { rows } = await db.query<{ items: string; last: string | null }>(text, params, { name });
  const row = rows[0];
  const last = row?.last ? (JSON.parse(row.last) as Cursor) : null;
  // To the microsecond: PostgreSQL keeps them (now() fills updated_at), and a cursor cut to the
  // millisecond sorted before its own row, which then came again on the next page.
  const nextCursor = last ? JSON.stringify(encode(last)) : 'null';
  return `{"items":${row?.items ?? '[]'},"nextCursor":${nextCursor}}`;
}

/** The same page as an object (for callers inside the server). */
export async function listQueue(
  db: SqlRunner,
  scope: StaffScope,
  input: ListInput,
): Promise<{ items: QueueRow[]; nextCursor: string | null }> {
  return JSON.parse(await listQueueJson(db, scope, input)) as { items: QueueRow[]; nextCursor: string | null };
}

/**
 * The person's queues with their counts (the "all" queue for supervisors only), in one prepared
 * statement, all exact. Department queues are summed from ticket_queue_counts, "mine" from
 * ticket_assignee_counts (both kept by triggers in the same transaction as every change to a
 * request, see db/schema/queuecounts.ts). Same conditions as queueCondition and visibility.
 * `capped` stays in the answer for the clients and is always false now.
 */
export async function queueCounts(
  db: SqlRunner,
  scope: StaffScope,
): Promise<Array<{ queue: Queue; count: number; capped: boolean }>> {
  const queues = QUEUES.filter((q) => q !== 'all' || canSeeAllQueue(scope));
  const p = new Params();
  const mine = [...scope.departments.keys()];
  const inMine = mine.length > 0 ? inDepartments(p, 'c.department_key', mine) : isSupervisor(scope) ? 'true' : 'false';
  const hidden = seesSecurity(scope) || !scope.securityDepartmentId ? null : p.add(scope.securityDepartmentId, '::uuid');
  const me = p.add(scope.id, '::uuid');
  const text = `
    SELECT
      (SELECT coalesce(sum(a.n), 0)::int FROM ticket_assignee_counts a
        WHERE a.assignee_id = ${me}${hidden ? ` AND a.department_key <> ${hidden}` : ''}) AS mine,
      coalesce(sum(c.n) FILTER (WHERE NOT c.assigned AND c.status IN (${UNANSWERED_SQL}) AND ${inMine}), 0)::int AS unassigned,
      coalesce(sum(c.n) FILTER (WHERE c.status = 'pending_customer' AND ${inMine}), 0)::int AS waiting,
      coalesce(sum(c.n) FILTER (WHERE c.at_risk AND NOT c.breached AND c.status IN (${UNANSWERED_SQL}) AND ${inMine}), 0)::int AS at_risk,
      coalesce(sum(c.n) FILTER (WHERE c.breached AND ${inMine}), 0)::int AS breached,
      coalesce(sum(c.n), 0)::int AS "all"
    FROM ticket_queue_counts c${hidden ? `\n    WHERE c.department_key <> ${hidden}` : ''}`;
  const { rows } = await db.query<Record<Queue, number>>(text, p.values, { name: statementName('pdc', text) });
  const row = rows[0];
  return queues.map((queue) => ({ queue, count: Number(row?.[queue] ?? 0), capped: false }));
}
