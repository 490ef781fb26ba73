import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { diffLines } from '../../../common/wiki';
import type { AppContext } from '../../context';
import { AppError } from '../../errors';
import { requireAuth, requireCustomer, requireStaff } from '../../platform/auth/guards';
import { errorResponses, requestMeta } from '../../platform/http';
import { getSetting } from '../settings';
import { memberStanding } from './wiki.levels';
import { isModerator, memberCan, WIKI_LEVEL_ADMIN_ROLES, WIKI_MODERATOR_ROLES } from './wiki.policy';
import { presentPage, presentProposal, presentRevision, presentStanding } from './wiki.presenter';
import { listMembers, listPages, listProposals, pageBySlug, revisionOf, revisionsOf } from './wiki.repo';
import {
  diffSchema,
  editSchema,
  memberSchema,
  newPageSchema,
  pageSchema,
  pageSummarySchema,
  paged,
  paging,
  proposalSchema,
  revisionSchema,
  slugSchema,
  standingSchema,
  viewerSchema,
} from './wiki.schema';
import {
  acceptProposal,
  createPage,
  editPage,
  proposeEdit,
  rejectProposal,
  revertPage,
  setPageLock,
  updateMember,
  type WikiActor,
} from './wiki.service';
import { WIKI_PROPOSAL_STATUSES } from '../../db/schema';

const slugParams = z.object({ slug: slugSchema });
const tags = ['wiki'];

async function viewerOf(ctx: AppContext, request: FastifyRequest) {
  const settings = await getSetting(ctx.db, 'wiki');
  const user = request.auth?.user;
  const base = { editLevel: settings.editLevel, proposeLevel: settings.proposeLevel };
  if (!user) return { kind: 'anonymous' as const, level: null, ...base, canEdit: false, canPropose: false, canModerate: false };
  if (user.kind === 'staff') {
    const mod = isModerator(user);
    return { kind: 'staff' as const, level: null, ...base, canEdit: mod, canPropose: false, canModerate: mod };
  }
  const standing = await memberStanding(ctx.db, user.id);
  const can = memberCan(standing.level, settings);
  return {
    kind: 'customer' as const,
    level: standing.level,
    ...base,
    canEdit: can.edit,
    canPropose: can.propose,
    canModerate: false,
  };
}

/** Who may write as what: members as themselves, moderators as staff; other staff may not. */
function writer(request: FastifyRequest): WikiActor {
  const { user } = requireAuth(request);
  if (user.kind === 'staff' && !isModerator(user)) throw new AppError('FORBIDDEN');
  return { kind: user.kind, id: user.id, meta: requestMeta(request) };
}

async function pageOr404(ctx: AppContext, slug: string) {
  const page = await pageBySlug(ctx.db, slug);
  if (!page) throw new AppError('NOT_FOUND');
  return page;
}

/** The members' wiki: reading is public; members edit or propose by level. */
export function wikiRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/pages',
      {
        schema: {
          tags,
          summary: 'Wiki pages, newest change first; `q` searches titles and text',
          querystring: z.object({ q: z.string().max(200).optional(), ...paging }),
          response: { 200: paged(pageSummarySchema), ...errorResponses },
        },
      },
      async (request) => {
        const { q, page, pageSize } = request.query;
        const { rows, total } = await listPages(ctx.db, { ...(q ? { q } : {}), page, pageSize });
        return { items: rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() })), total, page, pageSize };
      },
    );
    app.get(
      '/me',
      {
        schema: {
          tags,
          summary: "The viewer's rights here (and a member's level)",
          response: { 200: z.object({ viewer: viewerSchema, standing: standingSchema.nullable() }), ...errorResponses },
        },
      },
      async (request) => {
        const viewer = await viewerOf(ctx, request);
        const user = request.auth?.user;
        const standing = user?.kind === 'customer' ? presentStanding(await memberStanding(ctx.db, user.id)) : null;
        return { viewer, standing };
      },
    );
    app.post(
      '/pages',
      {
        schema: {
          tags,
          summary: 'Create a page (edit level, or moderators)',
          body: newPageSchema,
          response: { 201: pageSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const page = await createPage(ctx, writer(request), request.body);
        return reply.status(201).send(presentPage(page));
      },
    );
    app.get(
      '/pages/:slug',
      {
        schema: {
          tags,
          summary: "A page with the viewer's rights on it",
          params: slugParams,
          response: { 200: z.object({ page: pageSchema, viewer: viewerSchema }), ...errorResponses },
        },
      },
      async (request) => {
        const page = await pageOr404(ctx, request.params.slug);
        const viewer = await viewerOf(ctx, request);
        // Members cannot edit or propose on a locked page.
        if (page.locked && viewer.kind === 'customer') Object.assign(viewer, { canEdit: false, canPropose: false });
        return { page: presentPage(page), viewer };
      },
    );
    app.put(
      '/pages/:slug',
      {
        schema: {
          tags,
          summary: 'Edit a page (edit level); 409 STALE_REVISION when `baseRevision` is not the current one',
          params: slugParams,
          body: editSchema,
          response: { 200: pageSchema, ...errorResponses },
        },
      },
      async (request) => presentPage(await editPage(ctx, writer(request), request.params.slug, request.body)),
    );
    app.post(
      '/pages/:slug/proposals',
      {
        schema: {
          tags,
          summary: 'Propose an edit for the moderators (propose level)',
          params: slugParams,
          body: editSchema,
          response: { 201: z.object({ id: z.string().uuid(), status: z.literal('pending') }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const customer = requireCustomer(request);
        const proposal = await proposeEdit(
          ctx,
          { kind: 'customer', id: customer.id, meta: requestMeta(request) },
          request.params.slug,
          request.body,
        );
        return reply.status(201).send({ id: proposal.id, status: 'pending' as const });
      },
    );
    app.get(
      '/pages/:slug/revisions',
      {
        schema: {
          tags,
          summary: 'History of a page, newest first',
          params: slugParams,
          // `locale`: the page's language, which its revisions are written in (marked for readers of other languages).
          response: { 200: z.object({ locale: z.string(), items: z.array(revisionSchema) }), ...errorResponses },
        },
      },
      async (request) => {
        const page = await pageOr404(ctx, request.params.slug);
        return { locale: page.locale, items: (await revisionsOf(ctx.db, page.id)).map(presentRevision) };
      },
    );
    app.get(
      '/pages/:slug/revisions/:number',
      {
        schema: {
          tags,
          summary: 'One revision with its text and the diff from the one before',
          params: slugParams.extend({ number: z.coerce.number().int().min(1).max(2_147_483_647) }),
          response: {
            200: z.object({
              locale: z.string(),
              revision: revisionSchema.extend({ body: z.string() }),
              diff: diffSchema,
              current: z.number(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const page = await pageOr404(ctx, request.params.slug);
        const rev = await revisionOf(ctx.db, page.id, request.params.number);
        if (!rev) throw new AppError('NOT_FOUND');
        const prev = rev.number > 1 ? await revisionOf(ctx.db, page.id, rev.number - 1) : null;
        const text = (r: { title: string; body: string } | null) => (r ? `# ${r.title}\n\n${r.body}` : '');
        return {
          locale: page.locale,
          revision: { ...presentRevision(rev), body: rev.body },
          diff: diffLines(text(prev), text(rev)),
          current: page.revision,
        };
      },
    );
    app.get(
      '/proposals/mine',
      {
        schema: {
          tags,
          summary: "The signed-in member's proposals, newest first",
          querystring: z.object(paging),
          response: { 200: paged(proposalSchema), ...errorResponses },
        },
      },
      async (request) => {
        const customer = requireCustomer(request);
        const { page, pageSize } = request.query;
        const { rows, total } = await listProposals(ctx.db, { authorId: customer.id, page, pageSize });
        return { items: rows.map(presentProposal), total, page, pageSize };
      },
    );
  };
}

/** Console: the moderation queue, revert and lock (supervisors, admins); levels (admins). */
export function consoleWikiRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['console wiki'];
    // Moderators (WIKI_MODERATOR_ROLES) or admins (WIKI_LEVEL_ADMIN_ROLES), declared on each
    // route (config.staff) and checked before validation.
    const staffActor = (request: FastifyRequest): WikiActor => ({
      kind: 'staff',
      id: requireStaff(request).id,
      meta: requestMeta(request),
    });
    app.get(
      '/proposals',
      {
        config: { staff: WIKI_MODERATOR_ROLES },
        schema: {
          tags,
          summary: 'Proposals by status (pending: oldest first), with the diff against the page now',
          querystring: z.object({ status: z.enum(WIKI_PROPOSAL_STATUSES).default('pending'), ...paging }),
          response: { 200: paged(proposalSchema), ...errorResponses },
        },
      },
      async (request) => {
        staffActor(request);
        const { status, page, pageSize } = request.query;
        const { rows, total } = await listProposals(ctx.db, { status, page, pageSize });
        return { items: rows.map(presentProposal), total, page, pageSize };
      },
    );
    const idParams = z.object({ id: z.string().uuid() });
    const decided = z.object({
      id: z.string().uuid(),
      status: z.enum(WIKI_PROPOSAL_STATUSES),
      revisionNumber: z.number().nullable(),
    });
    app.post(
      '/proposals/:id/accept',
      {
        config: { staff: WIKI_MODERATOR_ROLES },
        schema: {
          tags,
          summary: 'Accept: the proposal becomes the next revision',
          params: idParams,
          response: { 200: decided, ...errorResponses },
        },
      },
      async (request) => {
        const p = await acceptProposal(ctx, staffActor(request), request.params.id);
        return { id: p.id, status: p.status, revisionNumber: p.revisionNumber };
      },
    );
    app.post(
      '/proposals/:id/reject',
      {
        config: { staff: WIKI_MODERATOR_ROLES },
        schema: {
          tags,
          summary: 'Reject with a reason the member sees; `strike` records a moderation strike',
          params: idParams,
          body: z.object({ reason: z.string().trim().min(3).max(1000), strike: z.boolean().default(false) }),
          response: { 200: decided, ...errorResponses },
        },
      },
      async (request) => {
        const p = await rejectProposal(ctx, staffActor(request), request.params.id, request.body);
        return { id: p.id, status: p.status, revisionNumber: p.revisionNumber };
      },
    );
    app.post(
      '/pages/:slug/revert',
      {
        config: { staff: WIKI_MODERATOR_ROLES },
        schema: {
          tags,
          summary: 'Revert a page to an earlier revision (a new revision)',
          params: slugParams,
          body: z.object({ toRevision: z.number().int().min(1), reason: z.string().trim().min(3).max(300) }),
          response: { 200: pageSchema, ...errorResponses },
        },
      },
      async (request) => presentPage(await revertPage(ctx, staffActor(request), request.params.slug, request.body)),
    );
    app.post(
      '/pages/:slug/lock',
      {
        config: { staff: WIKI_MODERATOR_ROLES },
        schema: {
          tags,
          summary: 'Lock or unlock a page for members',
          params: slugParams,
          body: z.object({ locked: z.boolean(), reason: z.string().trim().max(300).nullable().default(null) }),
          response: { 200: pageSchema, ...errorResponses },
        },
      },
      async (request) => presentPage(await setPageLock(ctx, staffActor(request), request.params.slug, request.body)),
    );
    app.get(
      '/members',
      {
        config: { staff: WIKI_MODERATOR_ROLES },
        schema: {
          tags,
          summary: 'Customers with their wiki level (search by name or e-mail)',
          querystring: z.object({ q: z.string().max(200).optional(), ...paging }),
          response: { 200: paged(memberSchema), ...errorResponses },
        },
      },
      async (request) => {
        staffActor(request);
        const { q, page, pageSize } = request.query;
        const { rows, total } = await listMembers(ctx.db, { ...(q ? { q } : {}), page, pageSize });
        return {
          items: rows.map((r) => ({ customerId: r.id, name: r.name, email: r.email, ...presentStanding(r.standing) })),
          total,
          page,
          pageSize,
        };
      },
    );
    app.put(
      '/members/:customerId',
      {
        config: { staff: WIKI_LEVEL_ADMIN_ROLES },
        schema: {
          tags,
          summary: "An admin's override of a member's level, verified identity and strikes (audited)",
          params: z.object({ customerId: z.string().uuid() }),
          body: z.object({
            levelOverride: z.number().int().min(0).max(4).nullable(),
            identityVerified: z.boolean(),
            strikes: z.number().int().min(0).max(100),
            reason: z.string().trim().min(3).max(300),
          }),
          response: { 200: standingSchema, ...errorResponses },
        },
      },
      async (request) => {
        const actor = staffActor(request);
        return presentStanding(await updateMember(ctx, actor, request.params.customerId, request.body));
      },
    );
  };
}
