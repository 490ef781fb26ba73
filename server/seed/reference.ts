import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FormDef, L10n } from '../../common/forms/types';
import type { ResolutionCode } from '../../common/tickets';
import type { Database, Tx } from '../db/connection';
import { categories, departments, forms, kbArticles, kbSections, resolutionCodes, slaCalendars, slaPolicies } from '../db/schema';
import { DEMO_CATALOG, type DemoCategory } from './demo-catalog';
import { DEMO_ARTICLES, DEMO_KB_SECTIONS } from './demo-articles';
import { indexMissing, seedSynonyms } from '../modules/kb';
import { DEMO_CALENDARS } from '../modules/sla';

/** The departments of the seeds (S0); admins may rename them and add more. */
export const DEPARTMENTS: ReadonlyArray<{ code: string; name: L10n }> = [
  { code: 'first_line', name: { ru: 'Первая линия', uk: 'Перша лінія', en: 'First line' } },
  { code: 'tech_support', name: { ru: 'Техническая поддержка', uk: 'Технічна підтримка', en: 'Technical support' } },
  { code: 'security', name: { ru: 'Служба безопасности', uk: 'Служба безпеки', en: 'Security service' } },
  { code: 'terminals', name: { ru: 'Терминальная служба', uk: 'Термінальна служба', en: 'Terminal service' } },
  { code: 'agent_support', name: { ru: 'Сопровождение агентов', uk: 'Супровід агентів', en: 'Agent support' } },
];

/**
 * SLA policies from the seeds: most requests from minutes to 24 h and at most 5 business days;
 * complaints within 3 business days; security reports urgent (1 h, 24/7); Priority customers tighter.
 */
export const SLA_POLICIES: ReadonlyArray<{
  code: string;
  name: L10n;
  calendar: keyof typeof DEMO_CALENDARS;
  firstResponseMinutes: number;
  resolutionMinutes: number;
}> = [
  {
    code: 'standard',
    name: { ru: 'Обычное', uk: 'Звичайне', en: 'Standard' },
    calendar: 'workdays_msk',
    firstResponseMinutes: 8 * 60,
    resolutionMinutes: 5 * 9 * 60,
  },
  {
    code: 'quick',
    name: { ru: 'Быстрое (24 часа)', uk: 'Швидке (24 години)', en: 'Quick (24 hours)' },
    calendar: 'around_the_clock',
    firstResponseMinutes: 4 * 60,
    resolutionMinutes: 24 * 60,
  },
  {
    code: 'complaint',
    name: { ru: 'Претензия (3 рабочих дня)', uk: 'Претензія (3 робочі дні)', en: 'Complaint (3 business days)' },
    calendar: 'workdays_msk',
    firstResponseMinutes: 8 * 60,
    resolutionMinutes: 3 * 9 * 60,
  },
  {
    code: 'security_urgent',
    name: {
      ru: 'Срочно, безопасность (1 час, 24/7)',
      uk: 'Терміново, безпека (1 година, 24/7)',
      en: 'Urgent security (1 h, 24/7)',
    },
    calendar: 'around_the_clock',
    firstResponseMinutes: 60,
    resolutionMinutes: 24 * 60,
  },
  {
    code: 'priority',
    name: { ru: 'Пакет «Приоритет»', uk: 'Пакет «Пріоритет»', en: 'Priority package' },
    calendar: 'around_the_clock',
    firstResponseMinutes: 60,
    resolutionMinutes: 24 * 60,
  },
];

/** How a request ended, picked by the operator when resolving. */
export const RESOLUTION_CODES: ReadonlyArray<{ code: ResolutionCode; name: L10n }> = [
  { code: 'answered', name: { ru: 'Дан ответ', uk: 'Надано відповідь', en: 'Answered' } },
  { code: 'fixed', name: { ru: 'Проблема устранена', uk: 'Проблему усунено', en: 'Fixed' } },
  { code: 'refunded', name: { ru: 'Деньги возвращены', uk: 'Гроші повернуто', en: 'Refunded' } },
  { code: 'compensated', name: { ru: 'Выплачена компенсация', uk: 'Виплачено компенсацію', en: 'Compensated' } },
  { code: 'no_reply', name: { ru: 'Клиент не ответил', uk: 'Клієнт не відповів', en: 'No reply from the customer' } },
  { code: 'out_of_scope', name: { ru: 'Вне компетенции поддержки', uk: 'Поза компетенцією підтримки', en: 'Out of scope' } },
  { code: 'merged', name: { ru: 'Объединено с другим обращением', uk: 'Об’єднано з іншим зверненням', en: 'Merged' } },
];

/** Departments, calendars, SLA policies, resolution codes: needed by every installation; added when missing. */
export async function seedReference(db: Database): Promise<{ added: number }> {
  let added = 0;
  await db.transaction(async (tx) => {
    added += await seedSynonyms(tx);
    added += (
      await tx
        .insert(departments)
        .values([...DEPARTMENTS])
        .onConflictDoNothing()
        .returning({ id: departments.id })
    ).length;
    added += (
      await tx
        .insert(resolutionCodes)
        .values([...RESOLUTION_CODES])
        .onConflictDoNothing()
        .returning()
    ).length;
    const calendarRows = Object.entries(DEMO_CALENDARS).map(([code, definition]) => ({
      code,
      name: code,
      definition: definition as unknown as Record<string, unknown>,
    }));
    added += (await tx.insert(slaCalendars).values(calendarRows).onConflictDoNothing().returning({ id: slaCalendars.id })).length;
    const calendars = new Map((await tx.select().from(slaCalendars)).map((c) => [c.code, c.id]));
    for (const p of SLA_POLICIES) {
      const calendarId = calendars.get(p.calendar);
      if (!calendarId) continue;
      const { calendar: _calendar, ...policy } = p;
      added += (
        await tx
          .insert(slaPolicies)
          .values({ ...policy, calendarId })
          .onConflictDoNothing()
          .returning({ id: slaPolicies.id })
      ).length;
    }
  });
  return { added };
}

/** The demo catalogue (from the seeds) with form version 1 of each leaf, and the demo articles. */
export async function seedDemoContent(db: Database): Promise<{ added: number }> {
  return db.transaction(async (tx) => {
    const deps = new Map((await tx.select().from(departments)).map((d) => [d.code, d.id]));
    const policies = new Map((await tx.select().from(slaPolicies)).map((p) => [p.code, p.id]));
    const existing = new Set((await tx.select({ slug: categories.slug }).from(categories)).map((c) => c.slug));
    let added = 0;
    const insertNode = async (node: DemoCategory, parentId: string | null, position: number) => {
      let id: string;
      if (existing.has(node.slug)) {
        const [row] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.slug, node.slug)).limit(1);
        if (!row) return;
        id = row.id;
      } else {
        id = await insertCategory(tx, node, parentId, position, { deps, policies });
        added += 1;
      }
      for (const [i, child] of (node.children ?? []).entries()) await insertNode(child, id, i);
    };
    for (const [i, node] of DEMO_CATALOG.entries()) await insertNode(node, null, i);

    added += await seedKb(tx);
    await indexMissing(tx);
    return { added };
  });
}

async function insertCategory(
  tx: Tx,
  node: DemoCategory,
  parentId: string | null,
  position: number,
  refs: { deps: Map<string, string>; policies: Map<string, string> },
): Promise<string> {
  const leaf = node.leaf;
  const [row] = await tx
    .insert(categories)
    .values({
      parentId,
      slug: node.slug,
      name: node.name,
      hint: node.hint,
      audience: node.audience,
      position,
      isLeaf: Boolean(leaf),
      departmentId: leaf ? (refs.deps.get(leaf.department) ?? null) : null,
      priority: leaf?.priority ?? 'normal',
      slaPolicyId: leaf ? (refs.policies.get(leaf.sla) ?? null) : null,
      articleSlugs: leaf?.articles ?? [],
    })
    .returning({ id: categories.id });
  if (!row) throw new Error(`could not insert category ${node.slug}`);
  if (leaf) {
    const [form] = await tx
      .insert(forms)
      .values({ categoryId: row.id, version: 1, definition: leaf.form as FormDef })
      .returning({ id: forms.id });
    await tx
      .update(categories)
      .set({ currentFormId: form?.id ?? null })
      .where(eq(categories.id, row.id));
  }
  return row.id;
}

/**
 * The help centre's sections and demo articles (published, with their catalogue links), and
 * revision 1 of every variant that has none yet (also rows written before revisions existed).
 */
async function seedKb(tx: Tx): Promise<number> {
  let added = 0;
  // Parents come before their children in DEMO_KB_SECTIONS.
  for (const section of DEMO_KB_SECTIONS) {
    added += (
      await tx
        .insert(kbSections)
        .values({ slug: section.slug, parentSlug: section.parent ?? null, name: section.name, position: section.order })
        .onConflictDoNothing()
        .returning({ slug: kbSections.slug })
    ).length;
  }
  const slugs = new Set(
    (
      await tx
        .select({ slug: kbArticles.slug })
        .from(kbArticles)
        .where(
          inArray(
            kbArticles.slug,
            DEMO_ARTICLES.map((a) => a.slug),
          ),
        )
    ).map((r) => r.slug),
  );
  const rows: Array<typeof kbArticles.$inferInsert> = [];
  for (const article of DEMO_ARTICLES) {
    if (slugs.has(article.slug)) {
      // Installed before articles linked categories: link them once.
      await tx
        .update(kbArticles)
        .set({ categories: article.categories })
        .where(and(eq(kbArticles.slug, article.slug), sql`cardinality(${kbArticles.categories}) = 0`));
      // Installed before articles had phrasings: give the demo variants theirs once.
      for (const [locale, variant] of Object.entries(article.variants)) {
        if (!variant?.phrasings?.length) continue;
        await tx
          .update(kbArticles)
          .set({ phrasings: variant.phrasings, updatedAt: sql`now()` })
          .where(
            and(eq(kbArticles.slug, article.slug), eq(kbArticles.locale, locale), sql`cardinality(${kbArticles.phrasings}) = 0`),
          );
      }
      continue;
    }
    for (const [locale, variant] of Object.entries(article.variants)) {
      if (!variant) continue;
      rows.push({
        slug: article.slug,
        locale,
        section: article.section,
        audience: article.audience,
        tags: article.tags,
        categories: article.categories,
        status: 'published',
        publishedAt: new Date(),
        ...variant,
      });
    }
  }
  if (rows.length) added += (await tx.insert(kbArticles).values(rows).returning({ id: kbArticles.id })).length;
  // Revision 1 of every variant that has none: two statements, however many articles.
  await tx.execute(sql`
    INSERT INTO kb_article_revisions (article_id, number, action, title, summary, body, tags, phrasings)
    SELECT id, 1, 'seed', title, summary, body, tags, phrasings FROM kb_articles WHERE revision = 0`);
  await tx.update(kbArticles).set({ revision: 1 }).where(eq(kbArticles.revision, 0));
  return added;
}
