/**
 * Phrasing proposals: a customer's question attached to an article from the consultant's
 * unanswered list waits here until an author of the article accepts it (it joins the variant's
 * phrasings as a new revision, audited, re-indexed) or rejects it.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Locale } from '../../../common/errors';
import type { AppContext, RequestMeta } from '../../context';
import type { Executor } from '../../db/connection';
import { kbArticles, kbPhrasingProposals, staffUsers } from '../../db/schema';
import { AppError } from '../../errors';
import { withTransaction } from '../../platform/outbox';
import type { AuthUser } from '../../platform/auth/sessions';
import { addRevision, audit, editable, saved } from './kb.authoring.service';

type Staff = Extract<AuthUser, { kind: 'staff' }>;

/** Whether the article has a variant in the language (a proposal needs one to join). */
export async function variantExists(db: Executor, slug: string, locale: Locale): Promise<boolean> {
  const [found] = await db
    .select({ id: kbArticles.id })
    .from(kbArticles)
    .where(and(eq(kbArticles.slug, slug), eq(kbArticles.locale, locale)))
    .limit(1);
  return Boolean(found);
}

/** Proposes a question as a phrasing of an article's variant (again: counted once, the asked count kept current). */
export async function proposePhrasing(
  tx: Executor,
  input: { slug: string; locale: Locale; text: string; asked: number; staffId: string },
): Promise<string> {
  const [row] = await tx
    .insert(kbPhrasingProposals)
    .values({ slug: input.slug, locale: input.locale, text: input.text, asked: input.asked, proposedBy: input.staffId })
    .onConflictDoUpdate({
      target: [kbPhrasingProposals.slug, kbPhrasingProposals.locale, kbPhrasingProposals.text],
      set: {
        asked: input.asked,
        status: sql`CASE WHEN ${kbPhrasingProposals.status} = 'rejected' THEN 'proposed' ELSE ${kbPhrasingProposals.status} END`,
      },
    })
    .returning({ id: kbPhrasingProposals.id });
  return row!.id;
}

/** The proposals waiting for a variant (by its id), oldest first. */
export async function listProposals(db: Executor, articleId: string) {
  const [article] = await db
    .select({ slug: kbArticles.slug, locale: kbArticles.locale })
    .from(kbArticles)
    .where(eq(kbArticles.id, articleId))
    .limit(1);
  if (!article) throw new AppError('NOT_FOUND');
  const found = await db
    .select({
      id: kbPhrasingProposals.id,
      text: kbPhrasingProposals.text,
      asked: kbPhrasingProposals.asked,
      proposedAt: kbPhrasingProposals.proposedAt,
      proposedBy: staffUsers.name,
    })
    .from(kbPhrasingProposals)
    .leftJoin(staffUsers, eq(staffUsers.id, kbPhrasingProposals.proposedBy))
    .where(
      and(
        eq(kbPhrasingProposals.slug, article.slug),
        eq(kbPhrasingProposals.locale, article.locale),
        eq(kbPhrasingProposals.status, 'proposed'),
      ),
    )
    .orderBy(asc(kbPhrasingProposals.proposedAt), asc(kbPhrasingProposals.id));
  return { items: found.map((p) => ({ ...p, proposedAt: p.proposedAt.toISOString(), proposedBy: p.proposedBy ?? null })) };
}

/**
 * Accepts or rejects a proposal. Accepting adds the text to the variant's phrasings as a new
 * revision (the article's lock applies), so search and the consultant know it at once.
 */
export async function reviewProposal(
  ctx: AppContext,
  staff: Staff,
  id: string,
  decision: 'accept' | 'reject',
  meta: RequestMeta,
): Promise<{ status: 'accepted' | 'rejected'; revision: number | null }> {
  return withTransaction(ctx, async (tx) => {
    const [proposal] = await tx.select().from(kbPhrasingProposals).where(eq(kbPhrasingProposals.id, id)).for('update').limit(1);
    if (!proposal) throw new AppError('NOT_FOUND');
    if (proposal.status !== 'proposed') throw new AppError('CONFLICT', { reason: 'already_reviewed', status: proposal.status });
    const [variant] = await tx
      .select({ id: kbArticles.id })
      .from(kbArticles)
      .where(and(eq(kbArticles.slug, proposal.slug), eq(kbArticles.locale, proposal.locale)))
      .limit(1);
    if (!variant) throw new AppError('NOT_FOUND');
    const row = await editable(tx, staff, variant.id);
    const status = decision === 'accept' ? 'accepted' : 'rejected';
    await tx
      .update(kbPhrasingProposals)
      .set({ status, reviewedBy: staff.id, reviewedAt: sql`now()` })
      .where(eq(kbPhrasingProposals.id, id));
    let revision: number | null = null;
    if (decision === 'accept' && !row.phrasings.includes(proposal.text)) {
      revision = row.revision + 1;
      const phrasings = [...row.phrasings, proposal.text];
      await tx
        .update(kbArticles)
        .set({ phrasings, revision, updatedBy: staff.id, updatedAt: sql`now()` })
        .where(eq(kbArticles.id, row.id));
      await addRevision(tx, row, revision, { ...row, phrasings }, { action: 'edit', authorId: staff.id, note: 'phrasing' });
      await saved(tx, row, 'edit');
    }
    await audit(tx, staff, meta, decision === 'accept' ? 'phrasing_accepted' : 'phrasing_rejected', row, {
      proposal: id,
      ...(revision ? { revision } : {}),
    });
    return { status, revision };
  });
}
