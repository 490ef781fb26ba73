import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { AppError } from '../../errors';
import { cleanupUploads, multipartBody } from '../../platform/files/multipart';
import { errorResponses, requestMeta } from '../../platform/http';
import { fileTicket } from './filing.service';
import * as follow from './follow.service';
import { presentTicket } from './tickets.presenter';
import { categoryNames, loadTicketView } from './tickets.queries';
import {
  messageSchema,
  attachmentParams,
  confirmBody,
  confirmResponse,
  fileTicketBody,
  filedResponse,
  listQuery,
  numberParams,
  reopenBody,
  replyBody,
  replyChannelBody,
  ticketListResponse,
  ticketResponse,
} from './tickets.schema';
import type { Viewer } from './tickets.policy';

const idempotencyHeaders = z.object({ 'idempotency-key': z.string().min(8).max(100).optional() }).passthrough();

/** The customer side of requests: filing (guests and accounts), following, replying. */
export function ticketRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const uploads = multipartBody({ storage: ctx.storage, maxFileBytes: ctx.config.UPLOAD_MAX_MB * 1024 * 1024, maxFiles: 10 });
    app.addHook('onResponse', cleanupUploads(ctx.storage));

    /** Bearer tracking token (guests) or the customer's session; NOT_FOUND for an unknown token. */
    const viewerOf = async (request: FastifyRequest): Promise<Viewer> => {
      const header = request.headers.authorization;
      if (header?.startsWith('Bearer ')) {
        const viewer = await follow.viewerFromToken(ctx, header.slice(7).trim());
        if (!viewer) throw new AppError('NOT_FOUND');
        return viewer;
      }
      const user = request.auth?.user;
      if (!user) throw new AppError(request.sessionExpired ? 'AUTH_SESSION_EXPIRED' : 'AUTH_REQUIRED');
      if (user.kind !== 'customer') throw new AppError('FORBIDDEN');
      return { kind: 'customer', customerId: user.id, name: user.name };
    };
    const present = async (request: FastifyRequest, viewer: Viewer, number: string) => {
      const ticket = await follow.findVisible(ctx, viewer, number);
      return presentTicket(ticket, await loadTicketView(ctx.db, ticket), request.locale);
    };

    app.post(
      '/',
      {
        preValidation: uploads,
        schema: {
          tags: ['tickets'],
          summary: 'File a request (JSON, or multipart with a `data` part and file parts named after their field)',
          consumes: ['application/json', 'multipart/form-data'],
          headers: idempotencyHeaders,
          body: fileTicketBody,
          response: { 201: filedResponse, 200: filedResponse, ...errorResponses },
        },
      },
      async (request, reply) => {
        const user = request.auth?.user ?? null;
        if (user?.kind === 'staff') throw new AppError('FORBIDDEN', { reason: 'staff_use_console' });
        const filed = await fileTicket(ctx, {
          body: { ...request.body, locale: request.body.locale ?? request.locale },
          uploads: request.uploads,
          customer: user?.kind === 'customer' ? user : null,
          meta: requestMeta(request),
          ...(request.headers['idempotency-key'] ? { idempotencyKey: String(request.headers['idempotency-key']) } : {}),
        });
        request.keepUploads = !filed.replayed;
        return reply.status(filed.status as 201).send(filed.body);
      },
    );

    app.post(
      '/confirm',
      {
        schema: {
          tags: ['tickets'],
          summary: "Confirm a guest's request (token from the mail)",
          body: confirmBody,
          response: { 200: confirmResponse, ...errorResponses },
        },
      },
      async (request) => follow.confirmGuest(ctx, request.body.token, requestMeta(request)),
    );

    app.get(
      '/',
      {
        schema: {
          tags: ['tickets'],
          summary: "The signed-in customer's requests",
          querystring: listQuery,
          response: { 200: ticketListResponse, ...errorResponses },
        },
      },
      async (request) => {
        const viewer = await viewerOf(request);
        if (viewer.kind !== 'customer') throw new AppError('FORBIDDEN');
        const { rows, nextCursor } = await follow.listMine(ctx, viewer.customerId, request.query);
        const names = await categoryNames(
          ctx.db,
          rows.map((r) => r.categoryId),
        );
        return {
          items: rows.map((t) => ({
            number: t.number,
            subject: t.subject,
            status: t.status,
            category: { id: t.categoryId, name: names.get(t.categoryId) ?? { ru: '', uk: '', en: '' } },
            createdAt: t.createdAt.toISOString(),
            updatedAt: t.updatedAt.toISOString(),
            expectedBy: t.resolutionDueAt?.toISOString() ?? null,
          })),
          nextCursor,
        };
      },
    );

    app.get(
      '/:number',
      {
        schema: {
          tags: ['tickets'],
          summary: 'A request with its public thread',
          params: numberParams,
          response: { 200: ticketResponse, ...errorResponses },
        },
      },
      async (request) => present(request, await viewerOf(request), request.params.number),
    );

    app.get(
      '/:number/attachments/:id',
      { schema: { tags: ['tickets'], summary: 'Download an attachment', params: attachmentParams } },
      async (request, reply) => {
        const file = await follow.openAttachment(
          ctx,
          ctx.storage,
          await viewerOf(request),
          request.params.number,
          request.params.id,
        );
        void reply.header('content-type', file.contentType);
        void reply.header('content-length', String(file.size));
        void reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
        void reply.header('cache-control', 'private, no-store');
        return reply.send(file.stream);
      },
    );

    app.post(
      '/:number/messages',
      {
        preValidation: uploads,
        schema: {
          tags: ['tickets'],
          summary: 'Reply (JSON, or multipart with `data` and parts named `files`)',
          consumes: ['application/json', 'multipart/form-data'],
          params: numberParams,
          body: replyBody,
          response: { 201: messageSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const viewer = await viewerOf(request);
        if (request.uploads.some((u) => u.fieldKey !== 'files') || request.uploads.length > 5)
          throw new AppError('VALIDATION_FAILED', { fields: { files: { code: 'too_many_files' } } });
        const message = await follow.reply(
          ctx,
          viewer,
          request.params.number,
          { body: request.body.body, uploads: request.uploads },
          requestMeta(request),
        );
        request.keepUploads = true;
        const ticket = await present(request, viewer, request.params.number);
        const shown = ticket.messages.find((m) => m.id === message.id);
        if (!shown) throw new AppError('INTERNAL');
        return reply.status(201).send(shown);
      },
    );

    app.post(
      '/:number/resolve',
      {
        schema: {
          tags: ['tickets'],
          summary: 'The customer marks the request solved',
          params: numberParams,
          response: { 200: ticketResponse, ...errorResponses },
        },
      },
      async (request) => {
        const viewer = await viewerOf(request);
        await follow.resolveByCustomer(ctx, viewer, request.params.number, requestMeta(request));
        return present(request, viewer, request.params.number);
      },
    );

    app.post(
      '/:number/reopen',
      {
        schema: {
          tags: ['tickets'],
          summary: 'Take out of the archive (reopen) with a message',
          params: numberParams,
          body: reopenBody,
          response: { 200: ticketResponse, ...errorResponses },
        },
      },
      async (request) => {
        const viewer = await viewerOf(request);
        await follow.reopen(ctx, viewer, request.params.number, request.body.message, requestMeta(request));
        return present(request, viewer, request.params.number);
      },
    );

    app.put(
      '/:number/reply-channel',
      {
        schema: {
          tags: ['tickets'],
          summary: 'Where answers to this request go',
          params: numberParams,
          body: replyChannelBody,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await follow.setReplyChannel(
          ctx,
          await viewerOf(request),
          request.params.number,
          request.body.replyChannel,
          requestMeta(request),
        );
        return reply.status(204).send(null);
      },
    );
  };
}
