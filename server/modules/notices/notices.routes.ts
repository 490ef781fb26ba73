import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { requireStaff } from '../../platform/auth/guards';
import { errorResponses, requestMeta } from '../../platform/http';
import { getSetting } from '../settings';
import { renderAtom } from './notices.atom';
import { NOTICE_STAFF_ROLES } from './notices.policy';
import { audienceQuery, localeQuery, noticeInput, noticePublicView, noticeStaffView, whenQuery } from './notices.schema';
import {
  activeNotices,
  createNotice,
  deleteNotice,
  listNotices,
  presentPublic,
  presentStaff,
  updateNotice,
} from './notices.service';

const paging = {
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};
const idParams = z.object({ id: z.string().uuid() });

/** Public: the banner's active notices, the list page, and the Atom feed (at /notices.atom). */
export function publicNoticeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['notices'];
    app.get(
      '/api/v1/notices/active',
      {
        schema: {
          tags,
          summary: 'Notices active now, most severe first',
          querystring: z.object({ locale: localeQuery, audience: audienceQuery }),
          response: { 200: z.object({ items: z.array(noticePublicView) }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { locale, audience } = request.query;
        reply.header('cache-control', 'public, max-age=30');
        const now = new Date();
        const rows = await activeNotices(ctx.db, { audience, now });
        return { items: rows.map((r) => presentPublic(r, locale, now)) };
      },
    );
    app.get(
      '/api/v1/notices',
      {
        schema: {
          tags,
          summary: 'Notices by state (current, upcoming, past), paginated',
          querystring: z.object({ locale: localeQuery, audience: audienceQuery, state: whenQuery.default('current'), ...paging }),
          response: {
            200: z.object({ items: z.array(noticePublicView), total: z.number(), page: z.number(), pageSize: z.number() }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const { locale, audience, state, page, pageSize } = request.query;
        const now = new Date();
        const { rows, total } = await listNotices(ctx.db, { state, audience, page, pageSize, now });
        return { items: rows.map((r) => presentPublic(r, locale, now)), total, page, pageSize };
      },
    );
    app.get(
      '/notices.atom',
      {
        schema: {
          tags,
          summary: 'Atom 1.0 feed of current, upcoming and recent notices in one language',
          querystring: z.object({ locale: localeQuery, audience: audienceQuery }),
          produces: ['application/atom+xml'],
        },
      },
      async (request, reply) => {
        const { locale, audience } = request.query;
        const { rows } = await listNotices(ctx.db, { audience, page: 1, pageSize: 50 });
        const branding = await getSetting(ctx.db, 'branding');
        reply.header('content-type', 'application/atom+xml; charset=utf-8');
        reply.header('cache-control', 'public, max-age=60');
        return renderAtom({ rows, locale, publicUrl: ctx.config.publicUrl, productName: branding.productName });
      },
    );
  };
}

/** Console: notices CRUD for supervisors and admins; every change audited. */
export function staffNoticeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['console notices'];
    app.get(
      '/',
      {
        config: { staff: NOTICE_STAFF_ROLES },
        schema: {
          tags,
          summary: 'All notices, newest start first',
          querystring: z.object({ state: whenQuery.optional(), ...paging }),
          response: {
            200: z.object({ items: z.array(noticeStaffView), total: z.number(), page: z.number(), pageSize: z.number() }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireStaff(request);
        const { state, page, pageSize } = request.query;
        const now = new Date();
        const { rows, total } = await listNotices(ctx.db, { ...(state ? { state } : {}), page, pageSize, now });
        return { items: rows.map((r) => presentStaff(r, now)), total, page, pageSize };
      },
    );
    app.post(
      '/',
      {
        config: { staff: NOTICE_STAFF_ROLES },
        schema: { tags, summary: 'Create a notice', body: noticeInput, response: { 201: noticeStaffView, ...errorResponses } },
      },
      async (request, reply) => {
        const staff = requireStaff(request);
        const row = await createNotice(ctx, request.body, { staffId: staff.id, meta: requestMeta(request) });
        return reply.status(201).send(presentStaff(row));
      },
    );
    app.put(
      '/:id',
      {
        config: { staff: NOTICE_STAFF_ROLES },
        schema: {
          tags,
          summary: 'Replace a notice',
          params: idParams,
          body: noticeInput,
          response: { 200: noticeStaffView, ...errorResponses },
        },
      },
      async (request) => {
        const staff = requireStaff(request);
        const row = await updateNotice(ctx, request.params.id, request.body, { staffId: staff.id, meta: requestMeta(request) });
        return presentStaff(row);
      },
    );
    app.delete(
      '/:id',
      {
        config: { staff: NOTICE_STAFF_ROLES },
        schema: { tags, summary: 'Delete a notice', params: idParams, response: { 204: z.null(), ...errorResponses } },
      },
      async (request, reply) => {
        const staff = requireStaff(request);
        await deleteNotice(ctx, request.params.id, { staffId: staff.id, meta: requestMeta(request) });
        return reply.status(204).send(null);
      },
    );
  };
}
