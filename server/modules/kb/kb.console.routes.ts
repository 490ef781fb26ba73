import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponse, errorResponses, requestMeta } from '../../platform/http';
import * as authoring from './kb.authoring.service';
import { KB_AUTHOR_ROLES, requireKbAuthor, requireKbReader } from './kb.policy';
import { listProposals, reviewProposal } from './kb.phrasings';
import { sectionTree } from './kb.public.service';
import {
  articleDetail,
  createArticleBody,
  diffQuery,
  diffResponse,
  idParams,
  listQuery,
  listResponse,
  proposalParams,
  proposalsResponse,
  revertBody,
  revisionParams,
  revisionsResponse,
  savedResponse,
  sectionsResponse,
  unhelpfulQuery,
  unhelpfulResponse,
  updateArticleBody,
} from './kb.schema';

const errors = { ...errorResponses, 423: errorResponse };
const lockResponse = z.object({ lock: z.object({ staffId: z.string(), name: z.string(), lockedAt: z.string() }).nullable() });

/** Authoring the help centre in the console (kb.policy.ts: staff read, admins and supervisors write). */
export function kbConsoleRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/sections',
      {
        config: { staff: 'any' },
        schema: {
          tags: ['kb console'],
          summary: 'Every section, empty ones too',
          response: { 200: sectionsResponse, ...errors },
        },
      },
      async (request) => {
        requireKbReader(request);
        return { items: await sectionTree(ctx.db, { locale: 'ru', audience: 'customer' }, { includeEmpty: true }) };
      },
    );

    app.get(
      '/articles',
      {
        config: { staff: 'any' },
        schema: {
          tags: ['kb console'],
          summary: 'Articles (every variant) by status, section, language, audience, text',
          querystring: listQuery,
          response: { 200: listResponse, ...errors },
        },
      },
      async (request) => {
        requireKbReader(request);
        return authoring.listArticles(ctx.db, request.query);
      },
    );

    app.post(
      '/articles',
      {
        config: { staff: KB_AUTHOR_ROLES },
        schema: {
          tags: ['kb console'],
          summary: 'A new article or language variant (a draft, revision 1)',
          body: createArticleBody,
          response: { 201: savedResponse, ...errors },
        },
      },
      async (request, reply) => {
        const staff = requireKbAuthor(request);
        return reply.status(201).send(await authoring.createArticle(ctx, staff, request.body, requestMeta(request)));
      },
    );

    app.get(
      '/articles/:id',
      {
        config: { staff: 'any' },
        schema: {
          tags: ['kb console'],
          summary: 'One variant for the editor',
          params: idParams,
          response: { 200: articleDetail, ...errors },
        },
      },
      async (request) => {
        requireKbReader(request);
        return authoring.articleDetail(ctx.db, request.params.id);
      },
    );

    app.put(
      '/articles/:id',
      {
        config: { staff: KB_AUTHOR_ROLES },
        schema: {
          tags: ['kb console'],
          summary: 'Save (a new revision); 409 KB_REVISION_STALE on an old base, 423 KB_ARTICLE_LOCKED when locked by another',
          params: idParams,
          body: updateArticleBody,
          response: { 200: savedResponse, ...errors },
        },
      },
      async (request) =>
        authoring.updateArticle(ctx, requireKbAuthor(request), request.params.id, request.body, requestMeta(request)),
    );

    app.delete(
      '/articles/:id',
      {
        config: { staff: KB_AUTHOR_ROLES },
        schema: { tags: ['kb console'], summary: 'Delete a variant', params: idParams, response: { 204: z.null(), ...errors } },
      },
      async (request, reply) => {
        await authoring.deleteArticle(ctx, requireKbAuthor(request), request.params.id, requestMeta(request));
        return reply.status(204).send(null);
      },
    );

    for (const [path, status] of [
      ['publish', 'published'],
      ['unpublish', 'draft'],
    ] as const) {
      app.post(
        `/articles/:id/${path}`,
        {
          config: { staff: KB_AUTHOR_ROLES },
          schema: {
            tags: ['kb console'],
            summary: status === 'published' ? 'Publish a variant' : 'Take a variant back to draft',
            params: idParams,
            response: { 200: savedResponse, ...errors },
          },
        },
        async (request) => authoring.setStatus(ctx, requireKbAuthor(request), request.params.id, status, requestMeta(request)),
      );
    }

    app.get(
      '/articles/:id/revisions',
      {
        config: { staff: 'any' },
        schema: {
          tags: ['kb console'],
          summary: 'Revisions, newest first',
          params: idParams,
          response: { 200: revisionsResponse, ...errors },
        },
      },
      async (request) => {
        requireKbReader(request);
        return authoring.listRevisions(ctx.db, request.params.id);
      },
    );

    app.get(
      '/articles/:id/revisions/:number/diff',
      {
        config: { staff: 'any' },
        schema: {
          tags: ['kb console'],
          summary: 'Line diff of a revision against another (default: the previous one)',
          params: revisionParams,
          querystring: diffQuery,
          response: { 200: diffResponse, ...errors },
        },
      },
      async (request) => {
        requireKbReader(request);
        return authoring.diffRevisions(ctx.db, request.params.id, request.params.number, request.query.against);
      },
    );

    app.post(
      '/articles/:id/revert',
      {
        config: { staff: KB_AUTHOR_ROLES },
        schema: {
          tags: ['kb console'],
          summary: 'Restore an older revision (as a new revision)',
          params: idParams,
          body: revertBody,
          response: { 200: savedResponse, ...errors },
        },
      },
      async (request) =>
        authoring.revertArticle(ctx, requireKbAuthor(request), request.params.id, request.body, requestMeta(request)),
    );

    app.post(
      '/articles/:id/lock',
      {
        config: { staff: KB_AUTHOR_ROLES },
        schema: {
          tags: ['kb console'],
          summary: 'Lock the article for yourself',
          params: idParams,
          response: { 200: lockResponse, ...errors },
        },
      },
      async (request) => ({
        lock: await authoring.setLock(ctx, requireKbAuthor(request), request.params.id, true, requestMeta(request)),
      }),
    );

    app.delete(
      '/articles/:id/lock',
      {
        config: { staff: KB_AUTHOR_ROLES },
        schema: {
          tags: ['kb console'],
          summary: 'Unlock (the holder or an admin)',
          params: idParams,
          response: { 200: lockResponse, ...errors },
        },
      },
      async (request) => ({
        lock: await authoring.setLock(ctx, requireKbAuthor(request), request.params.id, false, requestMeta(request)),
      }),
    );

    app.get(
      '/articles/:id/proposals',
      {
        config: { staff: 'any' },
        schema: {
          tags: ['kb console'],
          summary: 'Customers’ questions proposed as phrasings of this variant, waiting for review',
          params: idParams,
          response: { 200: proposalsResponse, ...errors },
        },
      },
      async (request) => {
        requireKbReader(request);
        return listProposals(ctx.db, request.params.id);
      },
    );

    for (const decision of ['accept', 'reject'] as const) {
      app.post(
        `/proposals/:id/${decision}`,
        {
          config: { staff: KB_AUTHOR_ROLES },
          schema: {
            tags: ['kb console'],
            summary:
              decision === 'accept' ? 'Accept a proposed phrasing (a new revision of the variant)' : 'Reject a proposed phrasing',
            params: proposalParams,
            response: {
              200: z.object({ status: z.enum(['accepted', 'rejected']), revision: z.number().int().nullable() }),
              ...errors,
            },
          },
        },
        async (request) => reviewProposal(ctx, requireKbAuthor(request), request.params.id, decision, requestMeta(request)),
      );
    }

    app.get(
      '/unhelpful',
      {
        config: { staff: KB_AUTHOR_ROLES },
        schema: {
          tags: ['kb console'],
          summary: 'Articles voted "not helpful", with the readers’ comments',
          querystring: unhelpfulQuery,
          response: { 200: unhelpfulResponse, ...errors },
        },
      },
      async (request) => {
        requireKbAuthor(request);
        return authoring.unhelpful(ctx.db, request.query);
      },
    );
  };
}
