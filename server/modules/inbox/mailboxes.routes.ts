import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { ADMINS as ADMIN } from '../../platform/auth/access';
import { requireStaff } from '../../platform/auth/guards';
import { errorResponses, requestMeta } from '../../platform/http';
import { mailboxInput, mailboxView } from './mailboxes.schema';
import * as service from './mailboxes.service';

/**
 * Mailboxes (admin only, audited): address → department and/or category, active flag, IMAP
 * settings with the password sealed and never returned. Routes parse, guard and call mailboxes.service.ts.
 */
export function mailboxAdminRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['console admin'];
    const admin = requireStaff; // admins only: declared on each route (config.staff)

    app.get(
      '/mailboxes',
      {
        config: { staff: ADMIN },
        schema: { tags, summary: 'Mailboxes', response: { 200: z.object({ items: z.array(mailboxView) }), ...errorResponses } },
      },
      async (request) => {
        admin(request);
        return { items: await service.listMailboxes(ctx) };
      },
    );

    app.post(
      '/mailboxes',
      {
        config: { staff: ADMIN },
        schema: { tags, summary: 'Add a mailbox', body: mailboxInput, response: { 201: mailboxView, ...errorResponses } },
      },
      async (request, reply) => {
        const created = await service.createMailbox(ctx, admin(request), requestMeta(request), request.body);
        return reply.status(201).send(created);
      },
    );

    app.patch(
      '/mailboxes/:id',
      {
        config: { staff: ADMIN },
        schema: {
          tags,
          summary: 'Change a mailbox (an omitted IMAP password keeps the stored one)',
          params: z.object({ id: z.string().uuid() }),
          body: mailboxInput,
          response: { 200: mailboxView, ...errorResponses },
        },
      },
      async (request) => service.changeMailbox(ctx, admin(request), requestMeta(request), request.params.id, request.body),
    );
  };
}

/** How a request came in by mail, for the console workspace: content routing and other-sender letters. */
export function mailOriginRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/tickets/:number/mail-origin',
      {
        config: { staff: 'any' },
        schema: {
          tags: ['console'],
          summary: 'How a request came in by e-mail: the mailbox and the content-routing guess',
          params: z.object({ number: z.string().min(1).max(40) }),
          response: {
            200: z.object({
              mailbox: z.string().nullable(),
              routing: z.object({ categoryId: z.string().nullable(), confidence: z.number(), confident: z.boolean() }).nullable(),
              otherSenderLetters: z.number(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => service.mailOrigin(ctx, requireStaff(request), request.params.number),
    );
  };
}
