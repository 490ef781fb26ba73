import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LOCALES, type Locale } from '../../../common/errors';
import type { AppContext } from '../../context';
import { AppError } from '../../errors';
import { requireStaff } from '../../platform/auth/guards';
import { errorResponses, requestMeta } from '../../platform/http';
import { enforceNodeRateLimit } from '../../platform/ratelimit';
import { listUnanswered, unansweredPerWeek } from './bot.repo';
import { ask, triageQuestion } from './bot.service';
import { phrase } from './bot.text';
import { UNANSWERED_READERS } from './bot.policy';

/** The longest question the consultant takes. */
export const MAX_QUESTION_LENGTH = 500;

const askBody = z.object({
  text: z.string().max(10_000),
  locale: z.enum(LOCALES).default('ru'),
  conversationId: z.string().uuid().optional(),
  /** Whose consultant: the customers' (default) or the agents' section's. */
  audience: z.enum(['customer', 'agent']).default('customer'),
});
const askReply = z.object({
  conversationId: z.string(),
  answer: z.string(),
  /** `locale`: the article's language — Russian (marked «in Russian») when the asker's has none, or the question, typed in Russian, does not match theirs. */
  articles: z.array(z.object({ slug: z.string(), locale: z.enum(LOCALES), title: z.string(), url: z.string() })),
  category: z.object({ id: z.string(), slug: z.string(), name: z.string(), url: z.string() }).optional(),
  handoff: z.boolean(),
  /** 'high': the answer; 'low': the likeliest articles, offered as «Возможно, подойдёт…»; 'none': none near. */
  confidence: z.enum(['high', 'low', 'none']),
});

/** Checks the question: something to answer, not an essay; complaints in the asker's language. */
export function checkQuestion(text: string, locale: Locale): string {
  const trimmed = text.trim();
  if (trimmed.length === 0)
    throw new AppError('VALIDATION_FAILED', {
      fields: { text: { code: 'required', message: phrase(locale, 'questionRequired') } },
    });
  if (trimmed.length > MAX_QUESTION_LENGTH)
    throw new AppError('VALIDATION_FAILED', {
      fields: {
        text: {
          code: 'too_long',
          message: phrase(locale, 'questionTooLong', { max: MAX_QUESTION_LENGTH }),
          max: MAX_QUESTION_LENGTH,
        },
      },
    });
  return trimmed;
}

/** The virtual consultant (public, rate-limited per IP). */
export function botRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/ask',
      {
        schema: {
          tags: ['bot'],
          summary: `Ask the virtual consultant (text: 1–${MAX_QUESTION_LENGTH} characters)`,
          body: askBody,
          response: { 200: askReply, ...errorResponses },
        },
      },
      async (request) => {
        const text = checkQuestion(request.body.text, request.body.locale);
        await enforceNodeRateLimit(
          ctx,
          { name: 'bot.ask', limit: ctx.config.BOT_ASKS_PER_IP_MINUTE, windowSeconds: 60 },
          request.ip,
        );
        return ask(ctx.db, { ...request.body, text });
      },
    );
  };
}

const unansweredItem = z.object({
  question: z.string(),
  locale: z.enum(LOCALES),
  normalized: z.string(),
  count: z.number(),
  lastAskedAt: z.string(),
  topSlug: z.string().nullable(),
  status: z.enum(['new', 'attached', 'needs_article']),
  slug: z.string().nullable(),
});

/** For authors in the console: what the consultant could not answer, with counts, per week, and what to do about it. */
export function botConsoleRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const author = (request: Parameters<typeof requireStaff>[0]) => requireStaff(request);
    app.get(
      '/unanswered',
      {
        config: { staff: UNANSWERED_READERS },
        schema: {
          tags: ['console'],
          summary: 'Questions the consultant could not answer (or only guessed at), grouped, most asked first; per week',
          querystring: z.object({
            locale: z.enum(LOCALES).optional(),
            days: z.coerce.number().int().min(1).max(365).default(30),
            status: z.enum(['new', 'attached', 'needs_article']).optional(),
            limit: z.coerce.number().int().min(1).max(100).default(25),
            offset: z.coerce.number().int().min(0).max(100_000).default(0),
          }),
          response: {
            200: z.object({
              items: z.array(unansweredItem),
              total: z.number(),
              /** The last 12 weeks (Monday first, UTC), oldest first. */
              perWeek: z.array(z.object({ week: z.string(), count: z.number() })),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        author(request);
        const { status, ...rest } = request.query;
        const list = await listUnanswered(ctx.db, { ...rest, ...(status ? { status } : {}) });
        return { ...list, perWeek: await unansweredPerWeek(ctx.db, 12, request.query.locale) };
      },
    );

    app.post(
      '/unanswered/triage',
      {
        config: { staff: UNANSWERED_READERS },
        schema: {
          tags: ['console'],
          summary:
            'Attach a group of unanswered questions to an article (a phrasing proposal) or mark it as needing a new article',
          body: z.object({
            locale: z.enum(LOCALES),
            normalized: z.string().trim().min(1).max(200),
            decision: z.enum(['attach', 'needs_article']),
            slug: z.string().trim().min(1).max(80).optional(),
          }),
          response: {
            200: z.object({ status: z.enum(['attached', 'needs_article']), proposalId: z.string().nullable() }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const staff = author(request);
        const { slug, ...rest } = request.body;
        return triageQuestion(ctx, staff, { ...rest, ...(slug ? { slug } : {}) }, requestMeta(request));
      },
    );
  };
}
