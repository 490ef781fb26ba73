import { and, eq, sql } from 'drizzle-orm';
import { maskText } from '../../../common/pii';
import type { AppContext, RequestMeta } from '../../context';
import type { Executor, Tx } from '../../db/connection';
import { wikiMembers, wikiPages, wikiProposals, wikiRevisions, type WikiRevisionKind } from '../../db/schema';
import { AppError } from '../../errors';
import { recordAudit, type Actor } from '../../platform/audit';
import { emit, withTransaction } from '../../platform/outbox';
import { getSetting } from '../settings';
import { memberStanding } from './wiki.levels';
import { memberCan } from './wiki.policy';

/** Who acts: a member (customer) or a staff member, with the request's metadata for audit rows. */
export type WikiActor = { kind: 'customer' | 'staff'; id: string; meta: RequestMeta };

/** A member may have this many proposals waiting at once (moderators' queue stays workable). */
export const MAX_PENDING_PROPOSALS = 10;

export type PageDraft = { title: string; body: string; summary: string };

/**
 * A page is public: a passport or card number typed into it (a member quoting their own case,
 * staff pasting from a request) is kept only as a mask, as in every other stored free text
 * (common/pii). Applied before anything is compared or written.
 */
function masked<T extends PageDraft>(draft: T): T {
  return { ...draft, title: maskText(draft.title).text, body: maskText(draft.body).text, summary: maskText(draft.summary).text };
}

async function audit(tx: Tx, actor: WikiActor, action: string, entityId: string, data: Record<string, unknown> = {}) {
  const who: Actor = { kind: actor.kind, id: actor.id };
  await recordAudit(tx, {
    actor: who,
    action,
    entityType: 'wiki_page',
    entityId,
    ip: actor.meta.ip,
    requestId: actor.meta.requestId,
    data,
  });
  await emit(tx, { type: action, aggregateType: 'wiki_page', aggregateId: entityId });
}

/** Refuses a member below `need` with WIKI_LEVEL_TOO_LOW naming both levels. */
async function requireMemberLevel(tx: Executor, customerId: string, what: 'edit' | 'propose') {
  const settings = await getSetting(tx, 'wiki');
  const standing = await memberStanding(tx, customerId);
  const can = memberCan(standing.level, settings);
  if (!can[what]) {
    throw new AppError('WIKI_LEVEL_TOO_LOW', {
      level: standing.level,
      required: what === 'edit' ? settings.editLevel : settings.proposeLevel,
    });
  }
  return standing;
}

async function lockedPage(tx: Tx, slug: string) {
  const [page] = await tx.select().from(wikiPages).where(eq(wikiPages.slug, slug)).for('update').limit(1);
  if (!page) throw new AppError('NOT_FOUND');
  return page;
}

async function addRevision(
  tx: Tx,
  input: {
    pageId: string;
    number: number;
    draft: PageDraft;
    kind: WikiRevisionKind;
    authorCustomerId: string | null;
    staffId: string | null;
  },
) {
  await tx.insert(wikiRevisions).values({
    pageId: input.pageId,
    number: input.number,
    title: input.draft.title,
    body: input.draft.body,
    kind: input.kind,
    summary: input.draft.summary,
    authorCustomerId: input.authorCustomerId,
    staffId: input.staffId,
  });
}

/** A new page: members at the edit level, or staff. */
export async function createPage(ctx: AppContext, actor: WikiActor, given: PageDraft & { slug: string; locale: string }) {
  const input = masked(given);
  return withTransaction(ctx, async (tx) => {
    if (actor.kind === 'customer') await requireMemberLevel(tx, actor.id, 'edit');
    const [page] = await tx
      .insert(wikiPages)
      .values({ slug: input.slug, locale: input.locale, title: input.title, body: input.body, revision: 1 })
      .onConflictDoNothing()
      .returning();
    if (!page) throw new AppError('CONFLICT', { reason: 'slug_taken' });
    await addRevision(tx, {
      pageId: page.id,
      number: 1,
      draft: input,
      kind: 'create',
      authorCustomerId: actor.kind === 'customer' ? actor.id : null,
      staffId: actor.kind === 'staff' ? actor.id : null,
    });
    await audit(tx, actor, 'wiki.create', page.id, { slug: page.slug });
    return page;
  });
}

/**
 * A direct edit: members at the edit level (not on locked pages), or moderators. The edit names
 * the revision it started from; if the page has moved on since, STALE_REVISION (409) and
 * nothing is saved.
 */
export async function editPage(ctx: AppContext, actor: WikiActor, slug: string, given: PageDraft & { baseRevision: number }) {
  const input = masked(given);
  return withTransaction(ctx, async (tx) => {
    const page = await lockedPage(tx, slug);
    if (actor.kind === 'customer') {
      await requireMemberLevel(tx, actor.id, 'edit');
      if (page.locked) throw new AppError('WIKI_PAGE_LOCKED');
    }
    if (page.revision !== input.baseRevision) {
      throw new AppError('STALE_REVISION', { currentRevision: page.revision, baseRevision: input.baseRevision });
    }
    if (page.title === input.title && page.body === input.body) throw new AppError('BAD_REQUEST', { reason: 'no_changes' });
    const number = page.revision + 1;
    const [updated] = await tx
      .update(wikiPages)
      .set({ title: input.title, body: input.body, revision: number, updatedAt: new Date() })
      .where(eq(wikiPages.id, page.id))
      .returning();
    await addRevision(tx, {
      pageId: page.id,
      number,
      draft: input,
      kind: 'edit',
      authorCustomerId: actor.kind === 'customer' ? actor.id : null,
      staffId: actor.kind === 'staff' ? actor.id : null,
    });
    await audit(tx, actor, 'wiki.edit', page.id, { slug, revision: number });
    return updated!;
  });
}

/** A proposal by a member at the propose level; moderators decide. */
export async function proposeEdit(ctx: AppContext, actor: WikiActor, slug: string, given: PageDraft & { baseRevision: number }) {
  const input = masked(given);
  return withTransaction(ctx, async (tx) => {
    await requireMemberLevel(tx, actor.id, 'propose');
    const page = await lockedPage(tx, slug);
    if (page.locked) throw new AppError('WIKI_PAGE_LOCKED');
    if (page.title === input.title && page.body === input.body) throw new AppError('BAD_REQUEST', { reason: 'no_changes' });
    const [pending] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(wikiProposals)
      .where(and(eq(wikiProposals.authorCustomerId, actor.id), eq(wikiProposals.status, 'pending')));
    if ((pending?.n ?? 0) >= MAX_PENDING_PROPOSALS) {
      throw new AppError('RATE_LIMITED', { reason: 'too_many_pending_proposals', limit: MAX_PENDING_PROPOSALS });
    }
    const [proposal] = await tx
      .insert(wikiProposals)
      .values({
        pageId: page.id,
        baseRevision: input.baseRevision,
        title: input.title,
        body: input.body,
        summary: input.summary,
        authorCustomerId: actor.id,
      })
      .returning();
    await audit(tx, actor, 'wiki.propose', page.id, { slug, proposalId: proposal!.id });
    return proposal!;
  });
}

async function pendingProposal(tx: Tx, id: string) {
  const [proposal] = await tx.select().from(wikiProposals).where(eq(wikiProposals.id, id)).for('update').limit(1);
  if (!proposal) throw new AppError('NOT_FOUND');
  if (proposal.status !== 'pending') throw new AppError('CONFLICT', { reason: 'already_decided', status: proposal.status });
  return proposal;
}

/** Accepting a proposal makes it the page's next revision, authored by the member. */
export async function acceptProposal(ctx: AppContext, actor: WikiActor, id: string) {
  return withTransaction(ctx, async (tx) => {
    const proposal = await pendingProposal(tx, id);
    const [page] = await tx.select().from(wikiPages).where(eq(wikiPages.id, proposal.pageId)).for('update').limit(1);
    if (!page) throw new AppError('NOT_FOUND');
    const number = page.revision + 1;
    await tx
      .update(wikiPages)
      .set({ title: proposal.title, body: proposal.body, revision: number, updatedAt: new Date() })
      .where(eq(wikiPages.id, page.id));
    await addRevision(tx, {
      pageId: page.id,
      number,
      draft: proposal,
      kind: 'proposal',
      authorCustomerId: proposal.authorCustomerId,
      staffId: actor.id,
    });
    const [decided] = await tx
      .update(wikiProposals)
      .set({ status: 'accepted', decidedBy: actor.id, decidedAt: new Date(), revisionNumber: number })
      .where(eq(wikiProposals.id, id))
      .returning();
    await audit(tx, actor, 'wiki.proposal.accept', page.id, { slug: page.slug, proposalId: id, revision: number });
    return decided!;
  });
}

/** Rejecting needs a reason the member sees; `strike` also records a moderation strike. */
export async function rejectProposal(ctx: AppContext, actor: WikiActor, id: string, input: { reason: string; strike: boolean }) {
  return withTransaction(ctx, async (tx) => {
    const proposal = await pendingProposal(tx, id);
    const [decided] = await tx
      .update(wikiProposals)
      .set({ status: 'rejected', decidedBy: actor.id, decidedAt: new Date(), reason: maskText(input.reason).text })
      .where(eq(wikiProposals.id, id))
      .returning();
    if (input.strike) {
      await tx
        .insert(wikiMembers)
        .values({ customerId: proposal.authorCustomerId, strikes: 1, updatedBy: actor.id })
        .onConflictDoUpdate({
          target: wikiMembers.customerId,
          set: { strikes: sql`${wikiMembers.strikes} + 1`, updatedBy: actor.id, updatedAt: new Date() },
        });
    }
    await audit(tx, actor, 'wiki.proposal.reject', proposal.pageId, { proposalId: id, strike: input.strike });
    return decided!;
  });
}

/** Staff: a new revision with the text of an earlier one. */
export async function revertPage(ctx: AppContext, actor: WikiActor, slug: string, input: { toRevision: number; reason: string }) {
  return withTransaction(ctx, async (tx) => {
    const page = await lockedPage(tx, slug);
    const [target] = await tx
      .select()
      .from(wikiRevisions)
      .where(and(eq(wikiRevisions.pageId, page.id), eq(wikiRevisions.number, input.toRevision)))
      .limit(1);
    if (!target) throw new AppError('NOT_FOUND');
    if (input.toRevision === page.revision) throw new AppError('BAD_REQUEST', { reason: 'already_current' });
    const number = page.revision + 1;
    const [updated] = await tx
      .update(wikiPages)
      .set({ title: target.title, body: target.body, revision: number, updatedAt: new Date() })
      .where(eq(wikiPages.id, page.id))
      .returning();
    await addRevision(tx, {
      pageId: page.id,
      number,
      draft: { title: target.title, body: target.body, summary: maskText(input.reason).text },
      kind: 'revert',
      authorCustomerId: null,
      staffId: actor.id,
    });
    await audit(tx, actor, 'wiki.revert', page.id, { slug, to: input.toRevision, revision: number });
    return updated!;
  });
}

/** Staff: lock (members can neither edit nor propose) or unlock a page. */
export async function setPageLock(
  ctx: AppContext,
  actor: WikiActor,
  slug: string,
  input: { locked: boolean; reason: string | null },
) {
  return withTransaction(ctx, async (tx) => {
    const page = await lockedPage(tx, slug);
    const [updated] = await tx
      .update(wikiPages)
      .set({
        locked: input.locked,
        lockReason: input.locked && input.reason !== null ? maskText(input.reason).text : null,
        lockedBy: input.locked ? actor.id : null,
        updatedAt: new Date(),
      })
      .where(eq(wikiPages.id, page.id))
      .returning();
    await audit(tx, actor, input.locked ? 'wiki.lock' : 'wiki.unlock', page.id, { slug });
    return updated!;
  });
}

/** Admins: a member's override, verified identity and strikes. Audited with the reason. */
export async function updateMember(
  ctx: AppContext,
  actor: WikiActor,
  customerId: string,
  input: { levelOverride: number | null; identityVerified: boolean; strikes: number; reason: string },
) {
  return withTransaction(ctx, async (tx) => {
    await memberStanding(tx, customerId); // 404 for an unknown customer
    const values = {
      identityVerified: input.identityVerified,
      strikes: input.strikes,
      levelOverride: input.levelOverride,
      overrideReason: input.levelOverride === null ? null : maskText(input.reason).text,
      updatedBy: actor.id,
      updatedAt: new Date(),
    };
    await tx
      .insert(wikiMembers)
      .values({ customerId, ...values })
      .onConflictDoUpdate({ target: wikiMembers.customerId, set: values });
    await recordAudit(tx, {
      actor: { kind: 'staff', id: actor.id },
      action: 'wiki.member.update',
      entityType: 'customer',
      entityId: customerId,
      ip: actor.meta.ip,
      requestId: actor.meta.requestId,
      data: {
        levelOverride: input.levelOverride,
        identityVerified: input.identityVerified,
        strikes: input.strikes,
        reason: input.reason,
      },
    });
    return memberStanding(tx, customerId);
  });
}
