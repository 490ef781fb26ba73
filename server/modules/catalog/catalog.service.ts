import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Locale } from '../../../common/errors';
import { parseFormDefinition } from '../../../common/forms/definition';
import type { FormDef } from '../../../common/forms/types';
import type { AppContext, RequestMeta } from '../../context';
import type { Executor, Tx } from '../../db/connection';
import { categories, deflections, departments, forms, kbArticles, slaPolicies, type Audience } from '../../db/schema';
import { AppError } from '../../errors';
import { referenceChanged } from '../../platform/refcache';
import { recordAudit } from '../../platform/audit';
import { withTransaction } from '../../platform/outbox';
import { asLocale } from '../../platform/locale';
import { enforceRateLimit } from '../../platform/ratelimit';
import { categoryPath } from '../tickets';
import { loadPolicy, workingDayMinutes } from '../sla';
import type { CatalogNodeDto, LeafRoutingDto, createNodeBody, updateNodeBody } from './catalog.schema';
import type { z } from 'zod';
import { ownIssue } from '../../issues';

type Category = typeof categories.$inferSelect;

/** The catalogue tree of one audience (or all), ordered; inactive branches only for admins. */
export async function catalogTree(
  db: Executor,
  options: { audience?: Audience; includeInactive?: boolean },
): Promise<CatalogNodeDto[]> {
  const rows = await db
    .select()
    .from(categories)
    .where(options.audience ? eq(categories.audience, options.audience) : undefined)
    .orderBy(asc(categories.position), asc(categories.slug));
  const byParent = new Map<string | null, Category[]>();
  for (const r of rows) byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), r]);
  const routing = options.includeInactive ? await routingOf(db, rows) : null;
  const build = (parentId: string | null): CatalogNodeDto[] =>
    (byParent.get(parentId) ?? [])
      .filter((c) => options.includeInactive || (c.active && (!c.isLeaf || c.currentFormId)))
      .map((c) => ({
        id: c.id,
        slug: c.slug,
        name: c.name,
        hint: c.hint,
        audience: c.audience,
        isLeaf: c.isLeaf,
        ...(options.includeInactive ? { active: c.active } : {}),
        ...(routing && c.isLeaf ? { routing: routing(c) } : {}),
        children: build(c.id),
      }))
      // A branch whose every leaf is hidden is hidden too.
      .filter((n) => options.includeInactive || n.isLeaf || n.children.length > 0);
  return build(null);
}

/** For the admin tree: each leaf's department, SLA policy and form version by code (three small lookups). */
async function routingOf(db: Executor, rows: Category[]): Promise<(c: Category) => LeafRoutingDto> {
  const formIds = rows.flatMap((r) => (r.currentFormId ? [r.currentFormId] : []));
  const [deps, policies, versions] = await Promise.all([
    db.select({ id: departments.id, code: departments.code }).from(departments),
    db.select({ id: slaPolicies.id, code: slaPolicies.code }).from(slaPolicies),
    formIds.length
      ? db.select({ id: forms.id, version: forms.version }).from(forms).where(inArray(forms.id, formIds))
      : Promise.resolve([]),
  ]);
  const code = (list: Array<{ id: string; code: string }>, id: string | null) => list.find((x) => x.id === id)?.code ?? null;
  return (c) => ({
    departmentCode: code(deps, c.departmentId),
    priority: c.priority,
    slaCode: code(policies, c.slaPolicyId),
    articleSlugs: c.articleSlugs,
    formVersion: versions.find((v) => v.id === c.currentFormId)?.version ?? null,
  });
}

/**
 * A leaf's current form with what the wizard shows before it: the path, linked answers, the
 * review time. `admin` serves inactive leaves too (the editor opens them to change and revive).
 */
export async function leafForm(db: Executor, categoryId: string, locale: Locale, options: { admin?: boolean } = {}) {
  const [row] = await db
    .select({ category: categories, form: forms })
    .from(categories)
    .innerJoin(forms, eq(forms.id, categories.currentFormId))
    .where(
      and(eq(categories.id, categoryId), eq(categories.isLeaf, true), options.admin ? undefined : eq(categories.active, true)),
    )
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND');
  const path = await categoryPath(db, categoryId);
  const ancestors = await db
    .select({ active: categories.active })
    .from(categories)
    .where(
      inArray(
        categories.id,
        path.map((p) => p.id),
      ),
    );
  if (!options.admin && ancestors.some((a) => !a.active)) throw new AppError('NOT_FOUND');
  const slugs = row.category.articleSlugs;
  const found = slugs.length
    ? await db
        .select({ slug: kbArticles.slug, locale: kbArticles.locale, title: kbArticles.title, summary: kbArticles.summary })
        .from(kbArticles)
        .where(and(inArray(kbArticles.slug, slugs), eq(kbArticles.status, 'published')))
    : [];
  // The reader's language, else Russian; in the order the admin linked them.
  const articles = slugs.flatMap((slug) => {
    const variant =
      found.find((a) => a.slug === slug && a.locale === locale) ?? found.find((a) => a.slug === slug && a.locale === 'ru');
    return variant ? [{ slug, locale: asLocale(variant.locale), title: variant.title, summary: variant.summary }] : [];
  });
  const policy = row.category.slaPolicyId ? await loadPolicy(db, row.category.slaPolicyId) : null;
  return {
    categoryId,
    formId: row.form.id,
    version: row.form.version,
    path,
    form: row.form.definition as unknown as { fields: Array<Record<string, unknown>> },
    articles,
    expectedReview: policy
      ? {
          slaCode: policy.code,
          resolutionMinutes: policy.resolutionMinutes,
          businessHours: !policy.calendar.alwaysOpen,
          businessDayMinutes: workingDayMinutes(policy.calendar),
        }
      : null,
  };
}

/** "This answered my question": counted per leaf (deflection), with the article and query. */
export async function recordDeflection(
  ctx: AppContext,
  categoryId: string,
  input: { articleSlug?: string; query?: string },
  meta: RequestMeta,
) {
  await enforceRateLimit(ctx.db, { name: 'catalog.deflection.ip', limit: 120, windowSeconds: 3600 }, meta.ip);
  await withTransaction(ctx, async (tx) => {
    const [leaf] = await tx
      .select({ id: categories.id })
      .from(categories)
      .where(and(eq(categories.id, categoryId), eq(categories.isLeaf, true)))
      .limit(1);
    if (!leaf) throw new AppError('NOT_FOUND');
    await tx.insert(deflections).values({ categoryId, articleSlug: input.articleSlug ?? null, query: input.query ?? null });
    await tx
      .update(categories)
      .set({ deflections: sql`${categories.deflections} + 1` })
      .where(eq(categories.id, categoryId));
  });
}

function parseForm(input: unknown): FormDef {
  const parsed = parseFormDefinition(input);
  if (!parsed.ok)
    throw new AppError('VALIDATION_FAILED', {
      issues: parsed.errors.map((e) => ({ path: ['form', ...e.path.split('.')], message: `${e.path}: ${e.message}` })),
    });
  return parsed.form;
}

async function refs(tx: Tx, input: { departmentCode?: string; slaCode?: string }) {
  const out: { departmentId?: string; slaPolicyId?: string } = {};
  if (input.departmentCode) {
    const [d] = await tx
      .select({ id: departments.id })
      .from(departments)
      .where(eq(departments.code, input.departmentCode))
      .limit(1);
    if (!d)
      throw new AppError('VALIDATION_FAILED', {
        issues: [ownIssue(['body', 'departmentCode'], 'catalog.unknown_department', { code: input.departmentCode })],
      });
    out.departmentId = d.id;
  }
  if (input.slaCode) {
    const [p] = await tx.select({ id: slaPolicies.id }).from(slaPolicies).where(eq(slaPolicies.code, input.slaCode)).limit(1);
    if (!p)
      throw new AppError('VALIDATION_FAILED', {
        issues: [ownIssue(['body', 'slaCode'], 'catalog.unknown_sla', { code: input.slaCode })],
      });
    out.slaPolicyId = p.id;
  }
  return out;
}

async function assertParent(tx: Tx, parentId: string | null, audience: Audience, selfId?: string) {
  if (!parentId) return;
  const [parent] = await tx.select().from(categories).where(eq(categories.id, parentId)).limit(1);
  if (!parent) throw new AppError('VALIDATION_FAILED', { issues: [ownIssue(['body', 'parentId'], 'catalog.no_parent')] });
  if (parent.isLeaf) throw new AppError('VALIDATION_FAILED', { issues: [ownIssue(['body', 'parentId'], 'catalog.leaf_parent')] });
  if (parent.audience !== audience)
    throw new AppError('VALIDATION_FAILED', {
      issues: [ownIssue(['body', 'parentId'], 'catalog.other_audience')],
    });
  if (selfId && (await categoryPath(tx, parentId)).some((p) => p.id === selfId)) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [ownIssue(['body', 'parentId'], 'catalog.under_itself')],
    });
  }
}

type Actor = { id: string };

export async function createNode(ctx: AppContext, actor: Actor, input: z.infer<typeof createNodeBody>, meta: RequestMeta) {
  const form = input.leaf ? parseForm(input.leaf.form) : null;
  const id = await withTransaction(ctx, async (tx) => {
    await assertParent(tx, input.parentId, input.audience);
    const [taken] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.slug, input.slug)).limit(1);
    if (taken) throw new AppError('CONFLICT', { reason: 'slug_taken', slug: input.slug });
    const ids = input.leaf ? await refs(tx, input.leaf) : {};
    const [row] = await tx
      .insert(categories)
      .values({
        parentId: input.parentId,
        slug: input.slug,
        name: input.name,
        hint: input.hint,
        audience: input.audience,
        position: input.position ?? 0,
        isLeaf: Boolean(input.leaf),
        priority: input.leaf?.priority ?? 'normal',
        articleSlugs: input.leaf?.articleSlugs ?? [],
        ...ids,
      })
      .returning();
    if (!row) throw new AppError('INTERNAL');
    if (form) await publishFormIn(tx, row.id, form, actor.id);
    await recordAudit(tx, {
      actor: { kind: 'staff', id: actor.id },
      action: 'catalog.created',
      entityType: 'category',
      entityId: row.id,
      ip: meta.ip,
      requestId: meta.requestId,
      data: { slug: input.slug },
    });
    return row.id;
  });
  await referenceChanged(ctx);
  return id;
}

export async function updateNode(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: z.infer<typeof updateNodeBody>,
  meta: RequestMeta,
) {
  await withTransaction(ctx, async (tx) => {
    const [node] = await tx.select().from(categories).where(eq(categories.id, id)).for('update').limit(1);
    if (!node) throw new AppError('NOT_FOUND');
    if (input.parentId !== undefined) await assertParent(tx, input.parentId, node.audience, node.id);
    if (!node.isLeaf && (input.departmentCode || input.slaCode || input.priority || input.articleSlugs)) {
      throw new AppError('VALIDATION_FAILED', {
        issues: [ownIssue(['body'], 'catalog.leaf_only_settings')],
      });
    }
    const { departmentCode, slaCode, ...rest } = input;
    await tx
      .update(categories)
      .set({ ...rest, ...(await refs(tx, { departmentCode, slaCode })), updatedAt: new Date() })
      .where(eq(categories.id, id));
    await recordAudit(tx, {
      actor: { kind: 'staff', id: actor.id },
      action: input.active === false ? 'catalog.deactivated' : 'catalog.updated',
      entityType: 'category',
      entityId: id,
      ip: meta.ip,
      requestId: meta.requestId,
      data: { changed: Object.keys(input) },
    });
  });
  await referenceChanged(ctx);
}

/** Sets the order of a parent's children (ids not listed keep their place after the listed ones). */
export async function reorder(ctx: AppContext, actor: Actor, parentId: string | null, order: string[], meta: RequestMeta) {
  await withTransaction(ctx, async (tx) => {
    const siblings = await tx
      .select({ id: categories.id })
      .from(categories)
      .where(parentId ? eq(categories.parentId, parentId) : sql`${categories.parentId} IS NULL`);
    const known = new Set(siblings.map((s) => s.id));
    const stranger = order.find((id) => !known.has(id));
    if (stranger)
      throw new AppError('VALIDATION_FAILED', {
        issues: [ownIssue(['body', 'order'], 'catalog.not_a_child', { id: String(stranger) })],
      });
    for (const [i, id] of order.entries())
      await tx.update(categories).set({ position: i, updatedAt: new Date() }).where(eq(categories.id, id));
    await recordAudit(tx, {
      actor: { kind: 'staff', id: actor.id },
      action: 'catalog.reordered',
      entityType: 'category',
      entityId: parentId,
      ip: meta.ip,
      requestId: meta.requestId,
      data: { order },
    });
  });
  await referenceChanged(ctx);
}

/** A new form version of a leaf; requests filed earlier keep theirs. */
export async function publishForm(ctx: AppContext, actor: Actor, categoryId: string, input: unknown, meta: RequestMeta) {
  const form = parseForm(input);
  const published = await withTransaction(ctx, async (tx) => {
    const [node] = await tx.select().from(categories).where(eq(categories.id, categoryId)).for('update').limit(1);
    if (!node) throw new AppError('NOT_FOUND');
    if (!node.isLeaf) throw new AppError('VALIDATION_FAILED', { issues: [ownIssue(['params', 'id'], 'catalog.form_on_node')] });
    const version = await publishFormIn(tx, categoryId, form, actor.id);
    await recordAudit(tx, {
      actor: { kind: 'staff', id: actor.id },
      action: 'catalog.form_published',
      entityType: 'category',
      entityId: categoryId,
      ip: meta.ip,
      requestId: meta.requestId,
      data: { version },
    });
    return version;
  });
  await referenceChanged(ctx);
  return published;
}

async function publishFormIn(tx: Tx, categoryId: string, form: FormDef, actorId: string): Promise<number> {
  const [last] = await tx
    .select({ version: sql<number>`coalesce(max(${forms.version}), 0)::int` })
    .from(forms)
    .where(eq(forms.categoryId, categoryId));
  const version = (last?.version ?? 0) + 1;
  const [row] = await tx
    .insert(forms)
    .values({ categoryId, version, definition: form, createdBy: actorId })
    .returning({ id: forms.id });
  await tx
    .update(categories)
    .set({ currentFormId: row?.id ?? null, updatedAt: new Date() })
    .where(eq(categories.id, categoryId));
  return version;
}
