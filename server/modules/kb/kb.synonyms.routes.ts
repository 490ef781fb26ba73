import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { ADMINS as ADMIN } from '../../platform/auth/access';
import { requireStaff } from '../../platform/auth/guards';
import { errorResponses, requestMeta } from '../../platform/http';
import { announceKbChange } from './kb.memory.changes';
import { createSynonym, deleteSynonym, listSynonyms, updateSynonym } from './kb.synonyms';

const synonymDto = z.object({ id: z.string(), terms: z.array(z.string()), updatedAt: z.string() });
const synonymBody = z.object({ terms: z.array(z.string().trim().min(1).max(40)).min(1).max(30) });
const idParams = z.object({ id: z.string().uuid() });

/** Search synonyms (console admin tab): admins only, every change audited, used by search at once. */
export function kbAdminRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['console admin'];
    const admin = requireStaff; // admins only: declared on each route (config.staff)

    app.get(
      '/synonyms',
      {
        config: { staff: ADMIN },
        schema: {
          tags,
          summary: 'Search synonym groups',
          response: { 200: z.object({ items: z.array(synonymDto) }), ...errorResponses },
        },
      },
      async (request) => {
        admin(request);
        return { items: await listSynonyms(ctx.db) };
      },
    );
    app.post(
      '/synonyms',
      {
        config: { staff: ADMIN },
        schema: {
          tags,
          summary: 'Add a synonym group (two or more words customers use for one thing)',
          body: synonymBody,
          response: { 201: synonymDto, ...errorResponses },
        },
      },
      async (request, reply) => {
        const staff = admin(request);
        const created = await createSynonym(ctx.db, staff, requestMeta(request), request.body.terms);
        await announceKbChange(ctx.bus);
        return reply.status(201).send(created);
      },
    );
    app.put(
      '/synonyms/:id',
      {
        config: { staff: ADMIN },
        schema: {
          tags,
          summary: 'Replace the words of a synonym group',
          params: idParams,
          body: synonymBody,
          response: { 200: synonymDto, ...errorResponses },
        },
      },
      async (request) => {
        const staff = admin(request);
        const updated = await updateSynonym(ctx.db, staff, requestMeta(request), request.params.id, request.body.terms);
        await announceKbChange(ctx.bus);
        return updated;
      },
    );
    app.delete(
      '/synonyms/:id',
      {
        config: { staff: ADMIN },
        schema: {
          tags,
          summary: 'Delete a synonym group',
          params: idParams,
          response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
        },
      },
      async (request) => {
        const staff = admin(request);
        await deleteSynonym(ctx.db, staff, requestMeta(request), request.params.id);
        await announceKbChange(ctx.bus);
        return { ok: true as const };
      },
    );
  };
}
