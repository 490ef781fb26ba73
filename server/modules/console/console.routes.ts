import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { requireStaff } from '../../platform/auth/guards';
import { cleanupUploads, multipartBody } from '../../platform/files/multipart';
import { errorResponses, presentedAsIs, requestMeta } from '../../platform/http';
import { AUDIT_READERS, loadScope, REVEAL_ROLES } from '../staff';
import * as actions from '../tickets/commands';
import { browseAudit } from './console.audit';
import { listQueueJson, queueCounts } from './console.queries';
import * as s from './console.schema';
import { assignees, cannedFor, identify, openStaffAttachment, reveal, workspace } from './console.workspace';

/** The operator console API: queues, the request workspace and every action on a request. */
export function consoleRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const scopeOf = async (request: FastifyRequest) => loadScope(ctx.db, requireStaff(request));
    const ok = (messageId?: string | void) => ({ ok: true as const, ...(messageId ? { messageId } : {}) });
    const uploads = multipartBody({ storage: ctx.storage, maxFileBytes: ctx.config.UPLOAD_MAX_MB * 1024 * 1024, maxFiles: 5 });
    app.addHook('onResponse', cleanupUploads(ctx.storage));
    const tags = ['console'];

    app.get(
      '/queues',
      {
        config: { staff: 'any' },
        schema: { tags, summary: 'My queues with counts', response: { 200: s.queuesResponse, ...errorResponses } },
        // Built field by field by queueCounts; checked against the schema in console.queues.test.ts.
        serializerCompiler: presentedAsIs,
      },
      async (request) => ({
        items: await queueCounts(ctx.handle, await scopeOf(request)),
      }),
    );

    app.get(
      '/tickets',
      {
        config: { staff: 'any' },
        schema: {
          tags,
          summary: 'A queue, filtered, by SLA due (Priority customers first)',
          querystring: s.listQuery,
          response: { 200: s.listResponse, ...errorResponses },
        },
        // The answer's JSON text comes from PostgreSQL (listQueueJson) and is sent as it is (a
        // string is not serialised again); console.queues.test.ts checks it against the schema.
      },
      async (request, reply) => {
        const { queue, cursor, limit, q, status, department, category, priority, channel, tier, priorityCustomer } =
          request.query;
        const json = await listQueueJson(ctx.handle, await scopeOf(request), {
          queue,
          limit,
          ...(cursor ? { cursor } : {}),
          filters: { q, status, department, categoryId: category, priority, channel, tier, priorityCustomer },
        });
        // Untyped: the text is the schema's JSON already, not an object the type provider could check.
        return (reply as FastifyReply).type('application/json; charset=utf-8').send(json);
      },
    );

    app.get(
      '/tickets/:number',
      {
        config: { staff: 'any' },
        schema: {
          tags,
          summary: 'The request workspace',
          params: s.numberParams,
          response: { 200: s.workspaceResponse, ...errorResponses },
        },
      },
      async (request) => workspace(ctx, await scopeOf(request), request.params.number, request.locale),
    );

    app.get(
      '/tickets/:number/assignees',
      {
        config: { staff: 'any' },
        schema: {
          tags,
          summary: "Members of the request's department it can be assigned to",
          params: s.numberParams,
          response: { 200: s.assigneesResponse, ...errorResponses },
        },
      },
      async (request) => ({ items: await assignees(ctx, await scopeOf(request), request.params.number) }),
    );

    const a = async (request: FastifyRequest) => ({ ctx, scope: await scopeOf(request), meta: requestMeta(request) });
    const post = { tags, params: s.numberParams, response: { 200: s.okResponse, ...errorResponses } };

    app.post(
      '/tickets/:number/take',
      { config: { staff: 'any' }, schema: { ...post, summary: 'Take the request' } },
      async (request) => {
        await actions.take(await a(request), request.params.number);
        return ok();
      },
    );
    app.post(
      '/tickets/:number/assign',
      { config: { staff: 'any' }, schema: { ...post, summary: 'Assign to a member of its department', body: s.assignBody } },
      async (request) => {
        await actions.assign(await a(request), request.params.number, request.body.staffId, request.body.reason);
        return ok();
      },
    );
    app.post(
      '/tickets/:number/transfer',
      {
        config: { staff: 'any' },
        schema: { ...post, summary: 'Transfer to another department (reason required)', body: s.transferBody },
      },
      async (request) => {
        await actions.transfer(await a(request), request.params.number, request.body.departmentCode, request.body.reason);
        return ok();
      },
    );
    app.post(
      '/tickets/:number/escalate',
      { config: { staff: 'any' }, schema: { ...post, summary: 'Escalate to the next tier', body: s.reasonBody } },
      async (request) => {
        await actions.escalate(await a(request), request.params.number, request.body.reason);
        return ok();
      },
    );
    app.post(
      '/tickets/:number/return',
      { config: { staff: 'any' }, schema: { ...post, summary: 'Return to the first line', body: s.reasonBody } },
      async (request) => {
        await actions.returnToFirstLine(await a(request), request.params.number, request.body.reason);
        return ok();
      },
    );
    app.post(
      '/tickets/:number/priority',
      { config: { staff: 'any' }, schema: { ...post, summary: 'Change the priority', body: s.priorityBody } },
      async (request) => {
        await actions.setPriority(await a(request), request.params.number, request.body.priority, request.body.reason);
        return ok();
      },
    );
    app.post(
      '/tickets/:number/merge',
      {
        config: { staff: 'any' },
        schema: { ...post, summary: 'Merge this duplicate into another request (the customer is told)', body: s.mergeBody },
      },
      async (request) => {
        await actions.merge(await a(request), request.params.number, request.body.into, request.body.reason);
        return ok();
      },
    );
    app.post(
      '/tickets/:number/reply',
      {
        config: { staff: 'any' },
        preValidation: uploads,
        schema: {
          ...post,
          summary: 'Public answer (JSON, or multipart with `data` and parts named `files`)',
          consumes: ['application/json', 'multipart/form-data'],
          body: s.textBody,
        },
      },
      async (request) => {
        const id = await actions.reply(await a(request), request.params.number, request.body.body, request.uploads);
        request.keepUploads = true;
        return ok(id);
      },
    );
    app.post(
      '/tickets/:number/ask',
      {
        config: { staff: 'any' },
        schema: { ...post, summary: 'Ask the customer a question (waits for the customer, SLA paused)', body: s.textBody },
      },
      async (request) => ok(await actions.askCustomer(await a(request), request.params.number, request.body.body)),
    );
    app.post(
      '/tickets/:number/notes',
      { config: { staff: 'any' }, schema: { ...post, summary: 'Internal note (never shown to the customer)', body: s.textBody } },
      async (request) => ok(await actions.note(await a(request), request.params.number, request.body.body)),
    );
    app.post(
      '/tickets/:number/resolve',
      { config: { staff: 'any' }, schema: { ...post, summary: 'Resolve with a resolution code', body: s.resolveBody } },
      async (request) => {
        await actions.resolve(await a(request), request.params.number, request.body.resolutionCode, request.body.body);
        return ok();
      },
    );
    app.post(
      '/tickets/:number/reopen',
      { config: { staff: 'any' }, schema: { ...post, summary: 'Reopen', body: s.reasonBody } },
      async (request) => {
        await actions.reopen(await a(request), request.params.number, request.body.reason);
        return ok();
      },
    );
    app.post(
      '/tickets/:number/identification',
      {
        config: { staff: 'any' },
        schema: {
          tags,
          summary: 'Record the identification check of the customer',
          params: s.numberParams,
          body: s.identifyBody,
          response: { 200: s.identifyResponse, ...errorResponses },
        },
      },
      async (request) => identify(ctx, await scopeOf(request), request.params.number, request.body, requestMeta(request)),
    );
    app.post(
      '/tickets/:number/reveal',
      {
        config: { staff: REVEAL_ROLES },
        schema: {
          tags,
          summary: 'Show a personal field once (permission and reason; audited)',
          params: s.numberParams,
          body: s.revealBody,
          response: { 200: s.revealResponse, ...errorResponses },
        },
      },
      async (request) => {
        const { field, reason } = request.body;
        return reveal(ctx, await scopeOf(request), request.params.number, field, reason, requestMeta(request));
      },
    );
    app.get(
      '/tickets/:number/canned',
      {
        config: { staff: 'any' },
        schema: {
          tags,
          summary: 'Canned answers for this request, placeholders filled',
          params: s.numberParams,
          response: { 200: s.cannedResponse, ...errorResponses },
        },
      },
      async (request) => ({
        items: await cannedFor(ctx, await scopeOf(request), request.params.number),
      }),
    );
    app.get(
      '/tickets/:number/attachments/:id',
      {
        config: { staff: 'any' },
        schema: { tags, summary: 'Download an attachment of a request this person may see', params: s.attachmentParams },
      },
      async (request, reply) => {
        const file = await openStaffAttachment(ctx, await scopeOf(request), request.params.number, request.params.id);
        void reply.header('content-type', file.contentType);
        void reply.header('content-length', String(file.size));
        void reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
        void reply.header('cache-control', 'private, no-store');
        return reply.send(file.stream);
      },
    );
    app.get(
      '/audit',
      {
        config: { staff: AUDIT_READERS },
        schema: {
          tags,
          summary: 'The audit log (supervisors, admins)',
          querystring: s.auditQuery,
          response: { 200: s.auditResponse, ...errorResponses },
        },
      },
      async (request) => browseAudit(ctx.db, await scopeOf(request), request.query),
    );
  };
}
