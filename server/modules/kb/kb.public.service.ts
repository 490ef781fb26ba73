import { maskText } from '../../../common/pii';
import { and, asc, eq, gt, inArray, ne, or, sql } from 'drizzle-orm';
import type { Locale } from '../../../common/errors';
import type { L10n } from '../../../common/forms/types';
import type { AppContext } from '../../context';
import type { Executor } from '../../db/connection';
import { categories, kbArticles, kbSections, kbViewMarks, kbVotes, type KbAudience } from '../../db/schema';
import { AppError } from '../../errors';
import { textArray } from './kb.sql';
import { enforceRateLimit } from '../../platform/ratelimit';
import type { SectionNode } from './kb.schema';
import type { Viewer } from './kb.visitor';

export type Reader = { locale: Locale; audience: 'customer' | 'agent' };
type Row = typeof kbArticles.$inferSelect;
type Section = typeof kbSections.$inferSelect;

/** A view by the same visitor or address within this window is not counted again. */
export const VIEW_WINDOW_MINUTES = 60;
/** "Popular": views, plus this many views' worth per helpful vote (minus per unhelpful one). */
export const VOTE_WEIGHT = 10;

const visible = (audience: Reader['audience']): KbAudience[] => [audience, 'all'];
const published = (reader: Reader) =>
  and(eq(kbArticles.status, 'published'), inArray(kbArticles.audience, visible(reader.audience)));

/** One variant per slug: the reader's language, else Russian (slugs with neither are left out). */
export function pickVariants<T extends { slug: string; locale: string }>(rows: T[], locale: Locale): Map<string, T> {
  const picked = new Map<string, T>();
  for (const row of rows) {
    const current = picked.get(row.slug);
    if (row.locale === locale) picked.set(row.slug, row);
    else if (row.locale === 'ru' && !current) picked.set(row.slug, row);
  }
  return picked;
}

const ref = (r: Pick<Row, 'slug' | 'locale' | 'title' | 'summary'>) => ({
  slug: r.slug,
  locale: r.locale as Locale,
  title: r.title,
  summary: r.summary,
});

async function visibleRows(db: Executor, reader: Reader, where?: ReturnType<typeof and>) {
  return db
    .select({
      slug: kbArticles.slug,
      locale: kbArticles.locale,
      title: kbArticles.title,
      summary: kbArticles.summary,
      section: kbArticles.section,
      tags: kbArticles.tags,
    })
    .from(kbArticles)
    .where(and(published(reader), inArray(kbArticles.locale, [...new Set([reader.locale, 'ru'])]), where));
}

async function loadSections(db: Executor): Promise<Section[]> {
  return db.select().from(kbSections).orderBy(asc(kbSections.position), asc(kbSections.slug));
}

function trailOf(sections: Map<string, Section>, slug: string): Array<{ slug: string; name: L10n }> {
  const trail: Array<{ slug: string; name: L10n }> = [];
  let current = sections.get(slug);
  while (current && trail.length < 10) {
    trail.unshift({ slug: current.slug, name: current.name });
    current = current.parentSlug ? sections.get(current.parentSlug) : undefined;
  }
  return trail;
}

/** The section tree with the number of articles the reader sees in each; empty branches hidden. */
export async function sectionTree(
  db: Executor,
  reader: Reader,
  options: { includeEmpty?: boolean } = {},
): Promise<SectionNode[]> {
  const sections = await loadSections(db);
  const counts = new Map<string, number>();
  for (const row of pickVariants(await visibleRows(db, reader), reader.locale).values()) {
    counts.set(row.section, (counts.get(row.section) ?? 0) + 1);
  }
  const build = (parent: string | null): SectionNode[] =>
    sections
      .filter((s) => s.parentSlug === parent)
      .map((s) => ({ slug: s.slug, name: s.name, articleCount: counts.get(s.slug) ?? 0, children: build(s.slug) }))
      .filter((n) => options.includeEmpty || n.articleCount > 0 || n.children.length > 0);
  return build(null);
}

/** A section: where it sits, its subsections and its articles in the reader's language. */
export async function sectionPage(db: Executor, slug: string, reader: Reader) {
  const tree = await sectionTree(db, reader);
  const find = (nodes: SectionNode[]): SectionNode | undefined => {
    for (const n of nodes) {
      if (n.slug === slug) return n;
      const inner = find(n.children);
      if (inner) return inner;
    }
    return undefined;
  };
  const node = find(tree);
  if (!node) throw new AppError('NOT_FOUND');
  const sections = new Map((await loadSections(db)).map((s) => [s.slug, s]));
  const rows = await visibleRows(db, reader, and(eq(kbArticles.section, slug)));
  const articles = [...pickVariants(rows, reader.locale).values()]
    .sort((a, b) => a.title.localeCompare(b.title, reader.locale))
    .map(ref);
  return {
    slug: node.slug,
    name: node.name,
    trail: trailOf(sections, slug),
    children: node.children.map((c) => ({ slug: c.slug, name: c.name, articleCount: c.articleCount })),
    articles,
  };
}

/** Counts a view unless this visitor or address was counted for the variant within the window. */
export async function countView(db: Executor, articleId: string, viewer: Viewer): Promise<boolean> {
  return db.transaction(async (tx) => {
    const since = new Date(Date.now() - VIEW_WINDOW_MINUTES * 60_000);
    const [fresh] = await tx
      .select({ key: kbViewMarks.viewerKey })
      .from(kbViewMarks)
      .where(
        and(
          eq(kbViewMarks.articleId, articleId),
          inArray(kbViewMarks.viewerKey, viewer.viewKeys),
          gt(kbViewMarks.countedAt, since),
        ),
      )
      .limit(1);
    if (fresh) return false;
    await tx
      .insert(kbViewMarks)
      .values(viewer.viewKeys.map((viewerKey) => ({ articleId, viewerKey })))
      .onConflictDoUpdate({ target: [kbViewMarks.articleId, kbViewMarks.viewerKey], set: { countedAt: sql`now()` } });
    await tx
      .update(kbArticles)
      .set({ viewCount: sql`${kbArticles.viewCount} + 1` })
      .where(eq(kbArticles.id, articleId));
    return true;
  });
}

/** Deletes view marks older than the window (hourly job). */
export async function pruneViewMarks(db: Executor): Promise<void> {
  await db.delete(kbViewMarks).where(sql`${kbViewMarks.countedAt} < now() - make_interval(mins => ${VIEW_WINDOW_MINUTES})`);
}

async function variantFor(db: Executor, slug: string, reader: Reader) {
  const rows = await db
    .select()
    .from(kbArticles)
    .where(and(eq(kbArticles.slug, slug), published(reader)));
  const row = rows.find((r) => r.locale === reader.locale) ?? rows.find((r) => r.locale === 'ru');
  if (!row) throw new AppError('NOT_FOUND');
  return { row, locales: rows.map((r) => r.locale as Locale) };
}

/** The catalogue leaf "Didn't help? Write to us" opens: the first linked one of the reader's audience. */
async function contactTarget(db: Executor, slugs: string[], audience: Reader['audience']) {
  if (slugs.length === 0) return null;
  const leaves = await db
    .select({ id: categories.id, slug: categories.slug, name: categories.name, parentId: categories.parentId })
    .from(categories)
    .where(
      and(
        inArray(categories.slug, slugs),
        eq(categories.audience, audience),
        eq(categories.isLeaf, true),
        eq(categories.active, true),
      ),
    );
  for (const slug of slugs) {
    const leaf = leaves.find((l) => l.slug === slug);
    if (!leaf) continue;
    const path = [leaf.slug];
    let parentId = leaf.parentId;
    let usable = true;
    // Depth is a handful of levels; an inactive ancestor hides the leaf from the wizard.
    while (parentId && path.length < 20) {
      const [parent] = await db
        .select({ slug: categories.slug, parentId: categories.parentId, active: categories.active })
        .from(categories)
        .where(eq(categories.id, parentId))
        .limit(1);
      if (!parent || !parent.active) {
        usable = false;
        break;
      }
      path.unshift(parent.slug);
      parentId = parent.parentId;
    }
    if (usable) return { audience, path, name: leaf.name };
  }
  return null;
}

/** Up to five other articles: sharing tags first, then the same section. */
async function relatedTo(db: Executor, row: Row, reader: Reader) {
  const near = or(
    eq(kbArticles.section, row.section),
    row.tags.length ? sql`${kbArticles.tags} && ${textArray(row.tags)}` : undefined,
  );
  const rows = await visibleRows(db, reader, and(ne(kbArticles.slug, row.slug), near));
  const tags = new Set(row.tags);
  return [...pickVariants(rows, reader.locale).values()]
    .map((r) => ({ r, score: r.tags.filter((t) => tags.has(t)).length * 2 + (r.section === row.section ? 1 : 0) }))
    .sort((a, b) => b.score - a.score || a.r.title.localeCompare(b.r.title, reader.locale))
    .slice(0, 5)
    .map(({ r }) => ref(r));
}

/** An article for reading: its variant (Russian fallback flagged), where it sits, related, where to write, my vote. */
export async function articlePage(db: Executor, slug: string, reader: Reader, viewer: Viewer | null) {
  const { row, locales } = await variantFor(db, slug, reader);
  const sections = new Map((await loadSections(db)).map((s) => [s.slug, s]));
  const section = sections.get(row.section);
  const [vote] = viewer
    ? await db
        .select({ helpful: kbVotes.helpful, comment: kbVotes.comment })
        .from(kbVotes)
        .where(and(eq(kbVotes.articleId, row.id), eq(kbVotes.voterKey, viewer.voterKey)))
        .limit(1)
    : [];
  if (viewer) await countView(db, row.id, viewer);
  return {
    slug: row.slug,
    locale: row.locale as Locale,
    requestedLocale: reader.locale,
    fallback: row.locale !== reader.locale,
    title: row.title,
    summary: row.summary,
    body: row.body,
    audience: row.audience,
    tags: row.tags,
    updatedAt: row.updatedAt.toISOString(),
    section: section ? { slug: section.slug, name: section.name } : null,
    trail: trailOf(sections, row.section),
    locales,
    related: await relatedTo(db, row, reader),
    contact: await contactTarget(db, row.categories, reader.audience),
    myVote: vote ?? null,
  };
}

/**
 * "Was this helpful?": one vote per visitor (or customer) per variant; voting again changes it.
 * The variant's counters move with the vote in one transaction.
 */
export async function vote(
  ctx: Pick<AppContext, 'db'>,
  slug: string,
  input: { locale: Locale; helpful: boolean; comment?: string | undefined },
  reader: Reader,
  viewer: Viewer,
  ip: string,
) {
  await enforceRateLimit(ctx.db, { name: 'kb.vote.ip', limit: 60, windowSeconds: 3600 }, ip);
  const { row } = await variantFor(ctx.db, slug, { ...reader, locale: input.locale });
  // A comment is free text: passport and card numbers typed into it are kept only as masks (common/pii).
  const comment = input.comment?.trim() ? maskText(input.comment.trim()).text : null;
  return ctx.db.transaction(async (tx) => {
    const [previous] = await tx
      .select({ helpful: kbVotes.helpful })
      .from(kbVotes)
      .where(and(eq(kbVotes.articleId, row.id), eq(kbVotes.voterKey, viewer.voterKey)))
      .limit(1);
    await tx
      .insert(kbVotes)
      .values({ articleId: row.id, voterKey: viewer.voterKey, customerId: viewer.customerId, helpful: input.helpful, comment })
      .onConflictDoUpdate({
        target: [kbVotes.articleId, kbVotes.voterKey],
        set: { helpful: input.helpful, comment, updatedAt: sql`now()` },
      });
    const delta = (helpful: boolean) => (previous === undefined ? 0 : previous.helpful === helpful ? 1 : 0);
    const [counts] = await tx
      .update(kbArticles)
      .set({
        helpfulYes: sql`${kbArticles.helpfulYes} + ${(input.helpful ? 1 : 0) - delta(true)}`,
        helpfulNo: sql`${kbArticles.helpfulNo} + ${(input.helpful ? 0 : 1) - delta(false)}`,
      })
      .where(eq(kbArticles.id, row.id))
      .returning({ yes: kbArticles.helpfulYes, no: kbArticles.helpfulNo });
    return { helpful: input.helpful, comment, yes: counts?.yes ?? 0, no: counts?.no ?? 0 };
  });
}

/** The most read and most helpful articles (all variants of a slug together), in the reader's language. */
export async function popular(db: Executor, reader: Reader, limit: number) {
  const scored = await db
    .select({
      slug: kbArticles.slug,
      score:
        sql<number>`sum(${kbArticles.viewCount} + ${VOTE_WEIGHT} * (${kbArticles.helpfulYes} - ${kbArticles.helpfulNo}))`.mapWith(
          Number,
        ),
    })
    .from(kbArticles)
    .where(published(reader))
    .groupBy(kbArticles.slug)
    .orderBy(sql`2 DESC`, asc(kbArticles.slug))
    .limit(limit * 2);
  if (scored.length === 0) return [];
  const variants = pickVariants(
    await visibleRows(
      db,
      reader,
      and(
        inArray(
          kbArticles.slug,
          scored.map((s) => s.slug),
        ),
      ),
    ),
    reader.locale,
  );
  return scored
    .flatMap((s) => {
      const v = variants.get(s.slug);
      return v ? [{ ...ref(v), section: v.section }] : [];
    })
    .slice(0, limit);
}
