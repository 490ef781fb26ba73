import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses, requestMeta } from '../../platform/http';
import { ADMINS as ADMIN, SUPERVISORS } from '../../platform/auth/access';
import { requireCatalogAdmin, requireCatalogReader } from './catalog.policy';
import {
  adminTreeQuery,
  createNodeBody,
  deflectionBody,
  formBody,
  formQuery,
  formResponse,
  idParams,
  reorderBody,
  treeQuery,
  treeResponse,
  updateNodeBody,
} from './catalog.schema';
import * as service from './catalog.service';

/** The public catalogue (wizard) and its admin API. */
export function catalogRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/',
      {
        schema: {
          tags: ['catalog'],
          summary: 'The category tree of an audience',
          querystring: treeQuery,
          response: { 200: treeResponse },
        },
      },
      async (request) => ({ items: await service.catalogTree(ctx.db, { audience: request.query.audience }) }),
    );

    app.get(
      '/:id/form',
      {
        schema: {
          tags: ['catalog'],
          summary: "A leaf's form, with the answers offered before it",
          params: idParams,
          querystring: formQuery,
          response: { 200: formResponse, ...errorResponses },
        },
      },
      async (request) => service.leafForm(ctx.db, request.params.id, request.query.locale),
    );

    app.post(
      '/:id/deflections',
      {
        schema: {
          tags: ['catalog'],
          summary: '"This answered my question"',
          params: idParams,
          body: deflectionBody,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await service.recordDeflection(ctx, request.params.id, request.body, requestMeta(request));
        return reply.status(204).send(null);
      },
    );

    // Admin
    app.get(
      '/admin/tree',
      {
        config: { staff: SUPERVISORS },
        schema: {
          tags: ['catalog admin'],
          summary: 'The whole tree, inactive nodes included',
          querystring: adminTreeQuery,
          response: { 200: treeResponse, ...errorResponses },
        },
      },
      async (request) => {
        requireCatalogReader(request);
        return {
          items: await service.catalogTree(ctx.db, {
            ...(request.query.audience ? { audience: request.query.audience } : {}),
            includeInactive: true,
          }),
        };
      },
    );

    app.get(
      '/admin/nodes/:id/form',
      {
        config: { staff: SUPERVISORS },
        schema: {
          tags: ['catalog admin'],
          summary: "A leaf's current form, also when the leaf or a parent is inactive",
          params: idParams,
          querystring: formQuery,
          response: { 200: formResponse, ...errorResponses },
        },
      },
      async (request) => {
        requireCatalogReader(request);
        return service.leafForm(ctx.db, request.params.id, request.query.locale, { admin: true });
      },
    );

    app.post(
      '/admin/nodes',
      {
        config: { staff: ADMIN },
        schema: {
          tags: ['catalog admin'],
          summary: 'Create a category (a leaf with its form)',
          body: createNodeBody,
          response: { 201: z.object({ id: z.string().uuid() }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const admin = requireCatalogAdmin(request);
        const id = await service.createNode(ctx, admin, request.body, requestMeta(request));
        return reply.status(201).send({ id });
      },
    );

    app.patch(
      '/admin/nodes/:id',
      {
        config: { staff: ADMIN },
        schema: {
          tags: ['catalog admin'],
          summary: 'Edit, move or deactivate a category',
          params: idParams,
          body: updateNodeBody,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await service.updateNode(ctx, requireCatalogAdmin(request), request.params.id, request.body, requestMeta(request));
        return reply.status(204).send(null);
      },
    );

    app.put(
      '/admin/order',
      {
        config: { staff: ADMIN },
        schema: {
          tags: ['catalog admin'],
          summary: "Reorder a parent's children",
          body: reorderBody,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await service.reorder(ctx, requireCatalogAdmin(request), request.body.parentId, request.body.order, requestMeta(request));
        return reply.status(204).send(null);
      },
    );

    app.put(
      '/admin/nodes/:id/form',
      {
        config: { staff: ADMIN },
        schema: {
          tags: ['catalog admin'],
          summary: "Publish a new version of a leaf's form",
          params: idParams,
          body: formBody,
          response: { 200: z.object({ version: z.number().int() }), ...errorResponses },
        },
      },
      async (request) => ({
        version: await service.publishForm(
          ctx,
          requireCatalogAdmin(request),
          request.params.id,
          request.body.form,
          requestMeta(request),
        ),
      }),
    );
  };
}
