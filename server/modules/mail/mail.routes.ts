import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { requireStaff } from '../../platform/auth/guards';
import { errorResponses, requestMeta } from '../../platform/http';
import { getMail, listMail, mailCounts, resendMail } from './mail.service';
import { MAIL_READERS, MAIL_RESENDERS } from './mail.policy';
import { MAIL_STATUSES, mailDetail, mailIdParams, mailListQuery, mailListResponse } from './mail.schema';

/** "Outgoing mail" in the console: admins and supervisors read, admins resend failed messages. */
export function adminMailRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['console admin'];
    app.get(
      '/',
      {
        config: { staff: MAIL_READERS },
        schema: {
          tags,
          summary: 'Outgoing mail, newest first, with filters and a cursor',
          querystring: mailListQuery,
          response: {
            200: mailListResponse.extend({
              counts: z.object(
                Object.fromEntries(MAIL_STATUSES.map((s) => [s, z.number().int()])) as Record<
                  (typeof MAIL_STATUSES)[number],
                  z.ZodNumber
                >,
              ),
              smtpConfigured: z.boolean(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireStaff(request);
        const [page, counts] = await Promise.all([listMail(ctx, request.query), mailCounts(ctx)]);
        return {
          ...page,
          counts: Object.fromEntries(MAIL_STATUSES.map((s) => [s, counts[s] ?? 0])) as Record<
            (typeof MAIL_STATUSES)[number],
            number
          >,
          smtpConfigured: Boolean(ctx.config.SMTP_URL),
        };
      },
    );
    app.get(
      '/:id',
      {
        config: { staff: MAIL_READERS },
        schema: {
          tags,
          summary: 'One outgoing message: parts and headers',
          params: mailIdParams,
          response: { 200: mailDetail, ...errorResponses },
        },
      },
      async (request) => {
        const staff = requireStaff(request);
        return getMail(ctx, request.params.id, { canResend: MAIL_RESENDERS.some((r) => staff.roles.includes(r)) });
      },
    );
    app.post(
      '/:id/resend',
      {
        config: { staff: MAIL_RESENDERS },
        schema: {
          tags,
          summary: 'Send a failed message again (audited)',
          params: mailIdParams,
          response: { 200: mailDetail, ...errorResponses },
        },
      },
      async (request) => {
        const staff = requireStaff(request);
        return resendMail(ctx, request.params.id, staff.id, requestMeta(request));
      },
    );
  };
}
