import { and, asc, desc, eq, gt, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Locale } from '../../../common/errors';
import type { AppContext, RequestMeta } from '../../context';
import type { Executor } from '../../db/connection';
import { notices, type NoticeAudience } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit } from '../../platform/audit';
import { emit, withTransaction } from '../../platform/outbox';
import type { NoticeInput } from './notices.schema';

export type NoticeRow = typeof notices.$inferSelect;
export type NoticeState = 'upcoming' | 'current' | 'past';

/**
 * The window is half-open: a notice is current from its start (inclusive) until its end
 * (exclusive), so one ending at 10:00 and the next starting at 10:00 never overlap.
 */
export function noticeState(n: Pick<NoticeRow, 'startsAt' | 'endsAt'>, now: Date): NoticeState {
  if (n.startsAt.getTime() > now.getTime()) return 'upcoming';
  if (n.endsAt !== null && n.endsAt.getTime() <= now.getTime()) return 'past';
  return 'current';
}

function stateWhere(state: NoticeState, now: Date): SQL {
  if (state === 'upcoming') return gt(notices.startsAt, now);
  if (state === 'past') return lte(notices.endsAt, now);
  return and(lte(notices.startsAt, now), or(isNull(notices.endsAt), gt(notices.endsAt, now)))!;
}

const audiences = (reader: 'customer' | 'agent'): NoticeAudience[] => [reader, 'all'];

/** Current notices for a reader, most severe first. */
export async function activeNotices(db: Executor, opts: { audience: 'customer' | 'agent'; now?: Date }) {
  const now = opts.now ?? new Date();
  return db
    .select()
    .from(notices)
    .where(and(stateWhere('current', now), inArray(notices.audience, audiences(opts.audience))))
    .orderBy(
      sql`CASE ${notices.severity} WHEN 'critical' THEN 0 WHEN 'outage' THEN 1 WHEN 'maintenance' THEN 2 ELSE 3 END`,
      desc(notices.startsAt),
    )
    .limit(20);
}

/** One page of notices in a state: upcoming soonest first, current and past newest first. */
export async function listNotices(
  db: Executor,
  opts: { state?: NoticeState; audience?: 'customer' | 'agent'; page: number; pageSize: number; now?: Date },
) {
  const now = opts.now ?? new Date();
  const where = and(
    opts.state ? stateWhere(opts.state, now) : undefined,
    opts.audience ? inArray(notices.audience, audiences(opts.audience)) : undefined,
  );
  const order = opts.state === 'upcoming' ? asc(notices.startsAt) : desc(notices.startsAt);
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(notices)
      .where(where)
      .orderBy(order, desc(notices.id))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(notices)
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export function presentStaff(n: NoticeRow, now = new Date()) {
  return {
    id: n.id,
    severity: n.severity,
    audience: n.audience,
    startsAt: n.startsAt.toISOString(),
    endsAt: n.endsAt?.toISOString() ?? null,
    title: n.title,
    body: n.body,
    state: noticeState(n, now),
    updatedAt: n.updatedAt.toISOString(),
  };
}

export function presentPublic(n: NoticeRow, locale: Locale, now = new Date()) {
  return {
    id: n.id,
    severity: n.severity,
    audience: n.audience,
    startsAt: n.startsAt.toISOString(),
    endsAt: n.endsAt?.toISOString() ?? null,
    title: n.title[locale],
    body: n.body[locale],
    state: noticeState(n, now),
  };
}

type Actor = { staffId: string; meta: RequestMeta };

async function audit(tx: Executor, actor: Actor, action: string, id: string, data: Record<string, unknown> = {}) {
  await recordAudit(tx, {
    actor: { kind: 'staff', id: actor.staffId },
    action,
    entityType: 'notice',
    entityId: id,
    ip: actor.meta.ip,
    requestId: actor.meta.requestId,
    data,
  });
  await emit(tx, { type: action, aggregateType: 'notice', aggregateId: id });
}

export async function createNotice(ctx: AppContext, input: NoticeInput, actor: Actor) {
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .insert(notices)
      .values({ ...input, createdBy: actor.staffId, updatedBy: actor.staffId })
      .returning();
    if (!row) throw new Error('insert failed');
    await audit(tx, actor, 'notice.create', row.id, { severity: row.severity, audience: row.audience });
    return row;
  });
}

export async function updateNotice(ctx: AppContext, id: string, input: NoticeInput, actor: Actor) {
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .update(notices)
      .set({ ...input, updatedBy: actor.staffId, updatedAt: new Date() })
      .where(eq(notices.id, id))
      .returning();
    if (!row) throw new AppError('NOT_FOUND');
    await audit(tx, actor, 'notice.update', row.id, { severity: row.severity, audience: row.audience });
    return row;
  });
}

export async function deleteNotice(ctx: AppContext, id: string, actor: Actor) {
  await withTransaction(ctx, async (tx) => {
    const [row] = await tx.delete(notices).where(eq(notices.id, id)).returning({ id: notices.id });
    if (!row) throw new AppError('NOT_FOUND');
    await audit(tx, actor, 'notice.delete', id);
  });
}
