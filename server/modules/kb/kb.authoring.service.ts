import { and, asc, count, desc, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Locale } from '../../../common/errors';
import type { AppContext, RequestMeta } from '../../context';
import type { Executor, Tx } from '../../db/connection';
import {
  categories,
  kbArticleLocks,
  kbArticleRevisions,
  kbArticles,
  kbSections,
  kbVotes,
  staffUsers,
  type KbStatus,
} from '../../db/schema';
import { AppError } from '../../errors';
import { textArray } from './kb.sql';
import { recordAudit } from '../../platform/audit';
import type { AuthUser } from '../../platform/auth/sessions';
import { emit, withTransaction } from '../../platform/outbox';
import { lineDiff } from './kb.diff';
import { mayEditLocked } from './kb.policy';
import type { articleContent, createArticleBody, listQuery, unhelpfulQuery, updateArticleBody } from './kb.schema';

type Staff = Extract<AuthUser, { kind: 'staff' }>;
type Row = typeof kbArticles.$inferSelect;
type Content = z.infer<typeof articleContent>;

/** The event search (kb-search) reindexes on: every change of a variant's text, status or existence. */
export const ARTICLE_SAVED = 'kb.article_saved';

export async function saved(tx: Executor, row: Pick<Row, 'id' | 'slug' | 'locale'>, action: string) {
  await emit(tx, {
    type: ARTICLE_SAVED,
    aggregateType: 'kb_article',
    aggregateId: row.id,
    payload: { slug: row.slug, locale: row.locale, action },
  });
}

export async function audit(
  tx: Executor,
  staff: Staff,
  meta: RequestMeta,
  action: string,
  row: Pick<Row, 'id' | 'slug' | 'locale'>,
  data = {},
) {
  await recordAudit(tx, {
    actor: { kind: 'staff', id: staff.id },
    action: `kb.${action}`,
    entityType: 'kb_article',
    entityId: row.id,
    ip: meta.ip,
    requestId: meta.requestId,
    data: { slug: row.slug, locale: row.locale, ...data },
  });
}

async function lockOf(db: Executor, slug: string) {
  const [lock] = await db
    .select({ staffId: kbArticleLocks.staffId, lockedAt: kbArticleLocks.lockedAt, name: staffUsers.name })
    .from(kbArticleLocks)
    .innerJoin(staffUsers, eq(staffUsers.id, kbArticleLocks.staffId))
    .where(eq(kbArticleLocks.slug, slug))
    .limit(1);
  return lock ?? null;
}

const presentLock = (lock: Awaited<ReturnType<typeof lockOf>>) =>
  lock ? { staffId: lock.staffId, name: lock.name, lockedAt: lock.lockedAt.toISOString() } : null;

/** The variant, locked for this transaction (FOR UPDATE), after the lock and revision checks. */
export async function editable(tx: Tx, staff: Staff, id: string, revision?: number): Promise<Row> {
  const [row] = await tx.select().from(kbArticles).where(eq(kbArticles.id, id)).for('update').limit(1);
  if (!row) throw new AppError('NOT_FOUND');
  const lock = await lockOf(tx, row.slug);
  if (!mayEditLocked(staff, lock))
    throw new AppError('KB_ARTICLE_LOCKED', { lockedBy: lock?.name, lockedAt: lock?.lockedAt.toISOString() });
  if (revision !== undefined && revision !== row.revision) {
    throw new AppError('KB_REVISION_STALE', { current: row.revision, yours: revision });
  }
  return row;
}

/** Unknown sections or catalogue categories are field errors, like any other bad value. */
async function checkRefs(tx: Executor, input: Pick<Content, 'section' | 'categories'>) {
  const fields: Record<string, { code: string; message: string }> = {};
  const [section] = await tx
    .select({ slug: kbSections.slug })
    .from(kbSections)
    .where(eq(kbSections.slug, input.section))
    .limit(1);
  if (!section) fields.section = { code: 'unknown_section', message: `No section ${input.section}` };
  if (input.categories.length) {
    const found = await tx.select({ slug: categories.slug }).from(categories).where(inArray(categories.slug, input.categories));
    const missing = input.categories.filter((c) => !found.some((f) => f.slug === c));
    if (missing.length) fields.categories = { code: 'unknown_category', message: `No category ${missing.join(', ')}` };
  }
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields });
}

/** Section, audience and categories belong to the article: a save of one variant moves the others along. */
async function syncSiblings(tx: Tx, row: Pick<Row, 'id' | 'slug'>, input: Pick<Content, 'section' | 'audience' | 'categories'>) {
  const changed = await tx
    .update(kbArticles)
    .set({ section: input.section, audience: input.audience, categories: input.categories, updatedAt: sql`now()` })
    .where(
      and(
        eq(kbArticles.slug, row.slug),
        ne(kbArticles.id, row.id),
        or(
          ne(kbArticles.section, input.section),
          ne(kbArticles.audience, input.audience),
          sql`${kbArticles.categories} <> ${textArray(input.categories)}`,
        ),
      ),
    )
    .returning({ id: kbArticles.id, slug: kbArticles.slug, locale: kbArticles.locale });
  for (const sibling of changed) await saved(tx, sibling, 'sync');
}

export async function addRevision(
  tx: Executor,
  row: Pick<Row, 'id'>,
  number: number,
  content: Pick<Row, 'title' | 'summary' | 'body' | 'tags' | 'phrasings'>,
  extra: { action: 'seed' | 'create' | 'edit' | 'revert'; authorId: string | null; revertedFrom?: number; note?: string | null },
) {
  await tx.insert(kbArticleRevisions).values({
    articleId: row.id,
    number,
    action: extra.action,
    revertedFrom: extra.revertedFrom ?? null,
    title: content.title,
    summary: content.summary,
    body: content.body,
    tags: content.tags,
    phrasings: content.phrasings,
    note: extra.note ?? null,
    authorId: extra.authorId,
  });
}

/** The console's list: filters, newest first, paged. */
export async function listArticles(db: Executor, query: z.infer<typeof listQuery>) {
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(kbArticles.status, query.status));
  if (query.section) conditions.push(eq(kbArticles.section, query.section));
  if (query.locale) conditions.push(eq(kbArticles.locale, query.locale));
  if (query.audience) conditions.push(eq(kbArticles.audience, query.audience));
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const text = or(ilike(kbArticles.title, like), ilike(kbArticles.slug, like), ilike(kbArticles.summary, like));
    if (text) conditions.push(text);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [total] = await db.select({ n: count() }).from(kbArticles).where(where);
  const rows = await db
    .select({ a: kbArticles, lockStaff: kbArticleLocks.staffId, lockAt: kbArticleLocks.lockedAt, lockName: staffUsers.name })
    .from(kbArticles)
    .leftJoin(kbArticleLocks, eq(kbArticleLocks.slug, kbArticles.slug))
    .leftJoin(staffUsers, eq(staffUsers.id, kbArticleLocks.staffId))
    .where(where)
    .orderBy(desc(kbArticles.updatedAt), asc(kbArticles.slug), asc(kbArticles.locale))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    items: rows.map(({ a, lockStaff, lockAt, lockName }) => ({
      id: a.id,
      slug: a.slug,
      locale: a.locale as Locale,
      title: a.title,
      section: a.section,
      audience: a.audience,
      status: a.status,
      revision: a.revision,
      views: a.viewCount,
      yes: a.helpfulYes,
      no: a.helpfulNo,
      updatedAt: a.updatedAt.toISOString(),
      lock: lockStaff && lockAt ? { staffId: lockStaff, name: lockName ?? '', lockedAt: lockAt.toISOString() } : null,
    })),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** One variant with everything the editor needs. */
export async function articleDetail(db: Executor, id: string) {
  const [row] = await db.select().from(kbArticles).where(eq(kbArticles.id, id)).limit(1);
  if (!row) throw new AppError('NOT_FOUND');
  const [author] = row.updatedBy
    ? await db
        .select({ id: staffUsers.id, name: staffUsers.name })
        .from(staffUsers)
        .where(eq(staffUsers.id, row.updatedBy))
        .limit(1)
    : [];
  const variants = await db
    .select({ id: kbArticles.id, locale: kbArticles.locale, status: kbArticles.status })
    .from(kbArticles)
    .where(eq(kbArticles.slug, row.slug))
    .orderBy(asc(kbArticles.locale));
  return {
    id: row.id,
    slug: row.slug,
    locale: row.locale as Locale,
    title: row.title,
    summary: row.summary,
    body: row.body,
    tags: row.tags,
    phrasings: row.phrasings,
    section: row.section,
    audience: row.audience,
    categories: row.categories,
    status: row.status,
    revision: row.revision,
    views: row.viewCount,
    yes: row.helpfulYes,
    no: row.helpfulNo,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: author ?? null,
    lock: presentLock(await lockOf(db, row.slug)),
    variants: variants.map((v) => ({ id: v.id, locale: v.locale as Locale, status: v.status })),
  };
}

/** A new article, or a new language variant of an existing slug; a draft with revision 1. */
export async function createArticle(ctx: AppContext, staff: Staff, input: z.infer<typeof createArticleBody>, meta: RequestMeta) {
  return withTransaction(ctx, async (tx) => {
    await checkRefs(tx, input);
    const [taken] = await tx
      .select({ id: kbArticles.id })
      .from(kbArticles)
      .where(and(eq(kbArticles.slug, input.slug), eq(kbArticles.locale, input.locale)))
      .limit(1);
    if (taken) throw new AppError('CONFLICT', { reason: 'slug_taken', slug: input.slug, locale: input.locale });
    const lock = await lockOf(tx, input.slug);
    if (!mayEditLocked(staff, lock)) throw new AppError('KB_ARTICLE_LOCKED', { lockedBy: lock?.name });
    const [row] = await tx
      .insert(kbArticles)
      .values({ ...input, status: 'draft', revision: 1, updatedBy: staff.id })
      .returning();
    if (!row) throw new Error('insert failed');
    await addRevision(tx, row, 1, row, { action: 'create', authorId: staff.id });
    await syncSiblings(tx, row, input);
    await audit(tx, staff, meta, 'create', row);
    await saved(tx, row, 'create');
    return { id: row.id, revision: 1, status: row.status };
  });
}

/** A save: a new revision unless nothing changed; 409 when based on an older revision, 423 when locked by another. */
export async function updateArticle(
  ctx: AppContext,
  staff: Staff,
  id: string,
  input: z.infer<typeof updateArticleBody>,
  meta: RequestMeta,
) {
  return withTransaction(ctx, async (tx) => {
    const row = await editable(tx, staff, id, input.revision);
    await checkRefs(tx, input);
    const textChanged =
      row.title !== input.title ||
      row.summary !== input.summary ||
      row.body !== input.body ||
      row.tags.join('\n') !== input.tags.join('\n') ||
      row.phrasings.join('\n') !== input.phrasings.join('\n');
    const sharedChanged =
      row.section !== input.section ||
      row.audience !== input.audience ||
      row.categories.join('\n') !== input.categories.join('\n');
    if (!textChanged && !sharedChanged) return { id: row.id, revision: row.revision, status: row.status };
    const revision = textChanged ? row.revision + 1 : row.revision;
    await tx
      .update(kbArticles)
      .set({
        title: input.title,
        summary: input.summary,
        body: input.body,
        tags: input.tags,
        phrasings: input.phrasings,
        section: input.section,
        audience: input.audience,
        categories: input.categories,
        revision,
        updatedBy: staff.id,
        updatedAt: sql`now()`,
      })
      .where(eq(kbArticles.id, id));
    if (textChanged)
      await addRevision(tx, row, revision, input, { action: 'edit', authorId: staff.id, note: input.note ?? null });
    await syncSiblings(tx, row, input);
    await audit(tx, staff, meta, 'edit', row, { revision });
    await saved(tx, row, 'edit');
    return { id: row.id, revision, status: row.status };
  });
}

/** Restores the text of an older revision as a new one. */
export async function revertArticle(
  ctx: AppContext,
  staff: Staff,
  id: string,
  input: { number: number; revision: number },
  meta: RequestMeta,
) {
  return withTransaction(ctx, async (tx) => {
    const row = await editable(tx, staff, id, input.revision);
    const [old] = await tx
      .select()
      .from(kbArticleRevisions)
      .where(and(eq(kbArticleRevisions.articleId, id), eq(kbArticleRevisions.number, input.number)))
      .limit(1);
    if (!old) throw new AppError('NOT_FOUND');
    const revision = row.revision + 1;
    await tx
      .update(kbArticles)
      .set({
        title: old.title,
        summary: old.summary,
        body: old.body,
        tags: old.tags,
        phrasings: old.phrasings,
        revision,
        updatedBy: staff.id,
        updatedAt: sql`now()`,
      })
      .where(eq(kbArticles.id, id));
    await addRevision(tx, row, revision, old, { action: 'revert', authorId: staff.id, revertedFrom: old.number });
    await audit(tx, staff, meta, 'revert', row, { revision, revertedFrom: old.number });
    await saved(tx, row, 'revert');
    return { id: row.id, revision, status: row.status };
  });
}

export async function setStatus(ctx: AppContext, staff: Staff, id: string, status: KbStatus, meta: RequestMeta) {
  return withTransaction(ctx, async (tx) => {
    const row = await editable(tx, staff, id);
    if (row.status !== status) {
      await tx
        .update(kbArticles)
        .set({
          status,
          updatedBy: staff.id,
          updatedAt: sql`now()`,
          ...(status === 'published' ? { publishedAt: sql`now()` } : {}),
        })
        .where(eq(kbArticles.id, id));
      await audit(tx, staff, meta, status === 'published' ? 'publish' : 'unpublish', row);
      await saved(tx, row, status === 'published' ? 'publish' : 'unpublish');
    }
    return { id: row.id, revision: row.revision, status };
  });
}

/** Deletes a variant with its revisions, votes and views (audited; search drops it on the event). */
export async function deleteArticle(ctx: AppContext, staff: Staff, id: string, meta: RequestMeta) {
  await withTransaction(ctx, async (tx) => {
    const row = await editable(tx, staff, id);
    await tx.delete(kbArticles).where(eq(kbArticles.id, id));
    const [left] = await tx.select({ n: count() }).from(kbArticles).where(eq(kbArticles.slug, row.slug));
    if (!left?.n) await tx.delete(kbArticleLocks).where(eq(kbArticleLocks.slug, row.slug));
    await audit(tx, staff, meta, 'delete', row, { title: row.title });
    await emit(tx, {
      type: ARTICLE_SAVED,
      aggregateType: 'kb_article',
      aggregateId: row.id,
      payload: { slug: row.slug, locale: row.locale, action: 'delete', deleted: true },
    });
  });
}

/** Locks the article (every variant) for its author; the holder or an admin may lock again or unlock. */
export async function setLock(ctx: AppContext, staff: Staff, id: string, locked: boolean, meta: RequestMeta) {
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.select().from(kbArticles).where(eq(kbArticles.id, id)).limit(1);
    if (!row) throw new AppError('NOT_FOUND');
    const lock = await lockOf(tx, row.slug);
    if (!mayEditLocked(staff, lock)) throw new AppError('KB_ARTICLE_LOCKED', { lockedBy: lock?.name });
    if (locked) {
      await tx
        .insert(kbArticleLocks)
        .values({ slug: row.slug, staffId: staff.id })
        .onConflictDoUpdate({ target: kbArticleLocks.slug, set: { staffId: staff.id, lockedAt: sql`now()` } });
    } else {
      await tx.delete(kbArticleLocks).where(eq(kbArticleLocks.slug, row.slug));
    }
    await audit(tx, staff, meta, locked ? 'lock' : 'unlock', row);
    return presentLock(await lockOf(tx, row.slug));
  });
}

export async function listRevisions(db: Executor, id: string) {
  const [row] = await db.select({ id: kbArticles.id }).from(kbArticles).where(eq(kbArticles.id, id)).limit(1);
  if (!row) throw new AppError('NOT_FOUND');
  const rows = await db
    .select({ r: kbArticleRevisions, authorName: staffUsers.name })
    .from(kbArticleRevisions)
    .leftJoin(staffUsers, eq(staffUsers.id, kbArticleRevisions.authorId))
    .where(eq(kbArticleRevisions.articleId, id))
    .orderBy(desc(kbArticleRevisions.number));
  return {
    items: rows.map(({ r, authorName }) => ({
      number: r.number,
      action: r.action,
      revertedFrom: r.revertedFrom,
      title: r.title,
      note: r.note,
      author: r.authorId ? { id: r.authorId, name: authorName ?? '' } : null,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

/** What revision `number` changed against `against` (default: the one before it; 0 = empty). */
export async function diffRevisions(db: Executor, id: string, number: number, against?: number) {
  const base = against ?? number - 1;
  const rows = await db
    .select()
    .from(kbArticleRevisions)
    .where(and(eq(kbArticleRevisions.articleId, id), inArray(kbArticleRevisions.number, [number, base])));
  const to = rows.find((r) => r.number === number);
  const from = rows.find((r) => r.number === base);
  if (!to || (base > 0 && !from)) throw new AppError('NOT_FOUND');
  const empty = { title: '', summary: '', body: '', tags: [] as string[], phrasings: [] as string[] };
  const a = from ?? empty;
  return {
    from: base,
    to: number,
    title: lineDiff(a.title, to.title),
    summary: lineDiff(a.summary, to.summary),
    body: lineDiff(a.body, to.body),
    tags: lineDiff(a.tags.join('\n'), to.tags.join('\n')),
    phrasings: lineDiff(a.phrasings.join('\n'), to.phrasings.join('\n')),
  };
}

/** For authors: variants voted "not helpful", most such votes first, with the latest comments. */
export async function unhelpful(db: Executor, query: z.infer<typeof unhelpfulQuery>) {
  const where = and(sql`${kbArticles.helpfulNo} > 0`, query.locale ? eq(kbArticles.locale, query.locale) : undefined);
  const [total] = await db.select({ n: count() }).from(kbArticles).where(where);
  const rows = await db
    .select()
    .from(kbArticles)
    .where(where)
    .orderBy(
      desc(kbArticles.helpfulNo),
      sql`${kbArticles.helpfulNo}::float8 / (${kbArticles.helpfulYes} + ${kbArticles.helpfulNo}) DESC`,
      asc(kbArticles.slug),
    )
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const ids = rows.map((r) => r.id);
  const comments = ids.length
    ? await db
        .select({ articleId: kbVotes.articleId, comment: kbVotes.comment, helpful: kbVotes.helpful, at: kbVotes.updatedAt })
        .from(kbVotes)
        .where(and(inArray(kbVotes.articleId, ids), sql`${kbVotes.comment} IS NOT NULL`))
        .orderBy(asc(kbVotes.helpful), desc(kbVotes.updatedAt))
    : [];
  return {
    items: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      locale: r.locale as Locale,
      title: r.title,
      yes: r.helpfulYes,
      no: r.helpfulNo,
      views: r.viewCount,
      comments: comments
        .filter((c) => c.articleId === r.id)
        .slice(0, 10)
        .map((c) => ({ comment: c.comment ?? '', helpful: c.helpful, at: c.at.toISOString() })),
    })),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
