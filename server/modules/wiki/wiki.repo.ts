import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/connection';
import {
  customers,
  staffUsers,
  wikiMembers,
  wikiPages,
  wikiProposals,
  wikiRevisions,
  type WikiProposalStatus,
} from '../../db/schema';
import { standingOf } from './wiki.levels';

/** `%`, `_` and `\` typed by a person match themselves. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listPages(db: Executor, opts: { q?: string; page: number; pageSize: number }) {
  const q = opts.q?.trim();
  const where = q ? or(ilike(wikiPages.title, likePattern(q)), ilike(wikiPages.body, likePattern(q))) : undefined;
  const [rows, [count]] = await Promise.all([
    db
      .select({
        slug: wikiPages.slug,
        locale: wikiPages.locale,
        title: wikiPages.title,
        excerpt: sql<string>`left(${wikiPages.body}, 240)`,
        revision: wikiPages.revision,
        locked: wikiPages.locked,
        updatedAt: wikiPages.updatedAt,
      })
      .from(wikiPages)
      .where(where)
      // Title matches first when searching, then the most recently changed.
      .orderBy(
        ...(q ? [sql`CASE WHEN ${wikiPages.title} ILIKE ${likePattern(q)} THEN 0 ELSE 1 END`] : []),
        desc(wikiPages.updatedAt),
        asc(wikiPages.slug),
      )
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(wikiPages)
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export async function pageBySlug(db: Executor, slug: string) {
  const [page] = await db.select().from(wikiPages).where(eq(wikiPages.slug, slug)).limit(1);
  return page ?? null;
}

const revisionColumns = {
  number: wikiRevisions.number,
  title: wikiRevisions.title,
  body: wikiRevisions.body,
  kind: wikiRevisions.kind,
  summary: wikiRevisions.summary,
  createdAt: wikiRevisions.createdAt,
  authorName: customers.name,
  staffName: staffUsers.name,
};

export async function revisionsOf(db: Executor, pageId: string) {
  return db
    .select(revisionColumns)
    .from(wikiRevisions)
    .leftJoin(customers, eq(customers.id, wikiRevisions.authorCustomerId))
    .leftJoin(staffUsers, eq(staffUsers.id, wikiRevisions.staffId))
    .where(eq(wikiRevisions.pageId, pageId))
    .orderBy(desc(wikiRevisions.number))
    .limit(500);
}

export async function revisionOf(db: Executor, pageId: string, number: number) {
  const [row] = await db
    .select(revisionColumns)
    .from(wikiRevisions)
    .leftJoin(customers, eq(customers.id, wikiRevisions.authorCustomerId))
    .leftJoin(staffUsers, eq(staffUsers.id, wikiRevisions.staffId))
    .where(and(eq(wikiRevisions.pageId, pageId), eq(wikiRevisions.number, number)))
    .limit(1);
  return row ?? null;
}

export async function listProposals(
  db: Executor,
  opts: { status?: WikiProposalStatus; authorId?: string; page: number; pageSize: number },
) {
  const where = and(
    opts.status ? eq(wikiProposals.status, opts.status) : undefined,
    opts.authorId ? eq(wikiProposals.authorCustomerId, opts.authorId) : undefined,
  );
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: wikiProposals.id,
        status: wikiProposals.status,
        baseRevision: wikiProposals.baseRevision,
        title: wikiProposals.title,
        body: wikiProposals.body,
        summary: wikiProposals.summary,
        reason: wikiProposals.reason,
        revisionNumber: wikiProposals.revisionNumber,
        createdAt: wikiProposals.createdAt,
        decidedAt: wikiProposals.decidedAt,
        authorName: customers.name,
        pageSlug: wikiPages.slug,
        pageTitle: wikiPages.title,
        pageBody: wikiPages.body,
        pageRevision: wikiPages.revision,
      })
      .from(wikiProposals)
      .innerJoin(wikiPages, eq(wikiPages.id, wikiProposals.pageId))
      .innerJoin(customers, eq(customers.id, wikiProposals.authorCustomerId))
      .where(where)
      // The queue is worked oldest first; a member's own list shows the newest first.
      .orderBy(opts.status === 'pending' && !opts.authorId ? asc(wikiProposals.createdAt) : desc(wikiProposals.createdAt))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(wikiProposals)
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

/** Customers with their wiki standing, for the console (search by name or e-mail). */
export async function listMembers(db: Executor, opts: { q?: string; page: number; pageSize: number; now?: Date }) {
  const q = opts.q?.trim();
  const where: SQL | undefined = q
    ? or(ilike(customers.name, likePattern(q)), ilike(customers.email, likePattern(q)))
    : undefined;
  const now = opts.now ?? new Date();
  const edits = sql<number>`(SELECT count(*)::int FROM ${wikiRevisions} WHERE ${wikiRevisions.authorCustomerId} = ${customers.id})`;
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: customers.id,
        name: customers.name,
        email: customers.email,
        createdAt: customers.createdAt,
        identityVerified: wikiMembers.identityVerified,
        strikes: wikiMembers.strikes,
        override: wikiMembers.levelOverride,
        overrideReason: wikiMembers.overrideReason,
        edits,
      })
      .from(customers)
      .leftJoin(wikiMembers, eq(wikiMembers.customerId, customers.id))
      .where(where)
      // Members who have taken part come first.
      .orderBy(desc(edits), desc(sql`${wikiMembers.customerId} IS NOT NULL`), asc(customers.name), asc(customers.id))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(customers)
      .where(where),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, standing: standingOf(r.id, r, now) })),
    total: count?.n ?? 0,
  };
}
