import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LOCALES } from '../../../common/errors';
import type { AppContext } from '../../context';
import { searchArticles, suggestArticles } from './kb.search';

const searchQuery = z.object({
  q: z.string().trim().max(200).default(''),
  locale: z.enum(LOCALES).default('ru'),
  limit: z.coerce.number().int().min(1).max(20).default(5),
  /** Whose articles: customers (default) never see agents' articles, agents never customers'. */
  audience: z.enum(['customer', 'agent']).default('customer'),
});
const suggestQuery = searchQuery.omit({ limit: true });

/** Help-centre search (articles, sections and votes: kb.articles.routes.ts). */
export function kbRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/search',
      {
        schema: {
          tags: ['kb'],
          summary: 'Search the help centre (snippet: HTML-escaped text with <mark> around matched words)',
          querystring: searchQuery,
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  slug: z.string(),
                  /** The variant's language: Russian when the reader's has none or a Russian query does not match theirs (marked «in Russian»). */
                  locale: z.enum(LOCALES),
                  title: z.string(),
                  snippet: z.string(),
                  score: z.number(),
                  section: z.string(),
                }),
              ),
              /** Relevant hits in all (the list is cut below half the best hit's score). */
              total: z.number().int(),
            }),
          },
        },
      },
      async (request) => searchArticles(ctx.db, request.query),
    );
    app.get(
      '/suggest',
      {
        schema: {
          tags: ['kb'],
          summary: 'Article titles as the customer types (the last word may be unfinished)',
          querystring: suggestQuery,
          response: {
            200: z.object({ items: z.array(z.object({ slug: z.string(), locale: z.enum(LOCALES), title: z.string() })) }),
          },
        },
      },
      async (request) => ({ items: await suggestArticles(ctx.db, request.query) }),
    );
  };
}
