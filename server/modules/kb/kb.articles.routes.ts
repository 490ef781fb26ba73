import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../platform/http';
import {
  articleResponse,
  popularQuery,
  popularResponse,
  readerQuery,
  sectionResponse,
  sectionsResponse,
  slugParams,
  voteBody,
  voteResponse,
} from './kb.schema';
import { articlePage, popular, sectionPage, sectionTree, vote } from './kb.public.service';
import { identifyViewer } from './kb.visitor';

/** The public help centre: sections, articles (a view is counted once per visitor per hour), votes, popular. */
export function kbArticleRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/sections',
      {
        schema: {
          tags: ['kb'],
          summary: 'The section tree with article counts (empty sections hidden)',
          querystring: readerQuery,
          response: { 200: sectionsResponse },
        },
      },
      async (request) => ({ items: await sectionTree(ctx.db, request.query) }),
    );

    app.get(
      '/sections/:slug',
      {
        schema: {
          tags: ['kb'],
          summary: 'A section with its subsections and articles',
          params: slugParams,
          querystring: readerQuery,
          response: { 200: sectionResponse, ...errorResponses },
        },
      },
      async (request) => sectionPage(ctx.db, request.params.slug, request.query),
    );

    app.get(
      '/articles/:slug',
      {
        schema: {
          tags: ['kb'],
          summary: 'An article in a language (Russian with `fallback: true` when it has none), related articles, where to write',
          params: slugParams,
          querystring: readerQuery,
          response: { 200: articleResponse, ...errorResponses },
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store');
        return articlePage(ctx.db, request.params.slug, request.query, identifyViewer(request, reply));
      },
    );

    app.post(
      '/articles/:slug/vote',
      {
        schema: {
          tags: ['kb'],
          summary: '"Was this helpful?": one vote per visitor or customer, changeable',
          params: slugParams,
          querystring: readerQuery.pick({ audience: true }),
          body: voteBody,
          response: { 200: voteResponse, ...errorResponses },
        },
      },
      async (request, reply) =>
        vote(
          ctx,
          request.params.slug,
          request.body,
          { locale: request.body.locale, audience: request.query.audience },
          identifyViewer(request, reply),
          request.ip,
        ),
    );

    app.get(
      '/popular',
      {
        schema: {
          tags: ['kb'],
          summary: 'The most read and most helpful articles',
          querystring: popularQuery,
          response: { 200: popularResponse },
        },
      },
      async (request) => ({ items: await popular(ctx.db, request.query, request.query.limit) }),
    );
  };
}
