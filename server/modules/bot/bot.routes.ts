import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LOCALES } from '../../../common/errors';
import type { AppContext } from '../../context';
import { AppError } from '../../errors';
import { requireStaff } from '../../platform/auth/guards';
import { errorResponses } from '../../platform/http';
import { enforceNodeRateLimit } from '../../platform/ratelimit';
import { listUnanswered } from './bot.repo';
import { ask } from './bot.service';
import { canReadUnanswered } from './bot.policy';

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
  articles: z.array(z.object({ slug: z.string(), title: z.string(), url: z.string() })),
  category: z.object({ id: z.string(), slug: z.string(), name: z.string(), url: z.string() }).optional(),
  handoff: z.boolean(),
  /** 'high': the answer; 'low': the likeliest articles, offered as «Возможно, подойдёт…»; 'none': none near. */
  confidence: z.enum(['high', 'low', 'none']),
});

/** Checks the question: something to answer, not an essay. */
export function checkQuestion(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0)
    throw new AppError('VALIDATION_FAILED', { fields: { text: { code: 'required', message: 'Напишите вопрос' } } });
  if (trimmed.length > MAX_QUESTION_LENGTH)
    throw new AppError('VALIDATION_FAILED', {
      fields: {
        text: {
          code: 'too_long',
          message: `Вопрос длиннее ${MAX_QUESTION_LENGTH} символов: сократите его`,
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
        const text = checkQuestion(request.body.text);
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

/** For authors in the console: what the consultant could not answer, with counts. */
export function botConsoleRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/unanswered',
      {
        schema: {
          tags: ['console'],
          summary: 'Questions the consultant could not answer, grouped, most asked first',
          querystring: z.object({
            locale: z.enum(LOCALES).optional(),
            days: z.coerce.number().int().min(1).max(365).default(30),
            limit: z.coerce.number().int().min(1).max(100).default(25),
            offset: z.coerce.number().int().min(0).max(100_000).default(0),
          }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  question: z.string(),
                  locale: z.string(),
                  count: z.number(),
                  lastAskedAt: z.string(),
                  topSlug: z.string().nullable(),
                }),
              ),
              total: z.number(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const staff = requireStaff(request);
        if (!canReadUnanswered(staff.roles)) throw new AppError('FORBIDDEN');
        return listUnanswered(ctx.db, request.query);
      },
    );
  };
}
