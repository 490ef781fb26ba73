import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { ADMINS as ADMIN, SUPERVISORS } from '../../platform/auth/access';
import { requireStaff } from '../../platform/auth/guards';
import { errorResponses, requestMeta } from '../../platform/http';
import {
  calendarDto,
  cannedBody,
  cannedDto,
  departmentChange,
  departmentDto,
  idParams,
  membersBody,
  newDepartment,
  ok,
  policyChange,
  policyDto,
  staffChange,
  staffDto,
} from './staff.schema';
import * as staff from './staff.service';

/**
 * Admin screens' API: departments and their members (tiers), SLA policies and calendars,
 * canned answers. Admins change; supervisors read. Every change is audited and takes effect
 * at once (nothing is cached across requests). Routes parse, guard and call staff.service.ts.
 */
export function staffAdminRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['console admin'];
    // The roles are declared on each route (config.staff) and checked before validation.
    const admin = requireStaff;
    const done = { ok: true as const };

    app.get(
      '/departments',
      {
        config: { staff: 'any' },
        schema: {
          tags,
          summary: 'Departments with their members and tiers',
          response: { 200: z.object({ items: z.array(departmentDto) }), ...errorResponses },
        },
      },
      async (request) => {
        requireStaff(request);
        return { items: await staff.departmentsWithMembers(ctx) };
      },
    );

    app.post(
      '/departments',
      {
        config: { staff: ADMIN },
        schema: {
          tags,
          summary: 'Add a department',
          body: newDepartment,
          response: { 201: z.object({ id: z.string() }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const id = await staff.createDepartment(ctx, admin(request), requestMeta(request), request.body);
        return reply.status(201).send({ id });
      },
    );

    app.patch(
      '/departments/:id',
      {
        config: { staff: ADMIN },
        schema: {
          tags,
          summary: 'Rename or deactivate a department',
          params: idParams,
          body: departmentChange,
          response: { 200: ok, ...errorResponses },
        },
      },
      async (request) => {
        await staff.changeDepartment(ctx, admin(request), requestMeta(request), request.params.id, request.body);
        return done;
      },
    );

    app.put(
      '/departments/:id/members',
      {
        config: { staff: ADMIN },
        schema: {
          tags,
          summary: "Set a department's members and their tiers (1–3)",
          params: idParams,
          body: membersBody,
          response: { 200: ok, ...errorResponses },
        },
      },
      async (request) => {
        await staff.setMembers(ctx, admin(request), requestMeta(request), request.params.id, request.body.members);
        return done;
      },
    );

    app.get(
      '/staff',
      {
        config: { staff: SUPERVISORS },
        schema: { tags, summary: 'Staff members', response: { 200: z.object({ items: z.array(staffDto) }), ...errorResponses } },
      },
      async (request) => {
        requireStaff(request);
        return { items: await staff.staffList(ctx) };
      },
    );

    app.patch(
      '/staff/:id',
      {
        config: { staff: ADMIN },
        schema: {
          tags,
          summary: "Change a staff member's roles or deactivate them (their open sockets re-check or close)",
          params: idParams,
          body: staffChange,
          response: { 200: ok, ...errorResponses },
        },
      },
      async (request) => {
        await staff.changeStaff(ctx, admin(request), requestMeta(request), request.params.id, request.body);
        return done;
      },
    );

    app.get(
      '/sla',
      {
        config: { staff: SUPERVISORS },
        schema: {
          tags,
          summary: 'SLA policies and business calendars',
          response: {
            200: z.object({ policies: z.array(policyDto), calendars: z.array(calendarDto) }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireStaff(request);
        return staff.slaSettings(ctx);
      },
    );

    app.patch(
      '/sla/policies/:id',
      {
        config: { staff: ADMIN },
        schema: {
          tags,
          summary: 'Change an SLA policy (applies to requests filed from now on)',
          params: idParams,
          body: policyChange,
          response: { 200: ok, ...errorResponses },
        },
      },
      async (request) => {
        await staff.changePolicy(ctx, admin(request), requestMeta(request), request.params.id, request.body);
        return done;
      },
    );

    app.put(
      '/sla/calendars/:id',
      {
        config: { staff: ADMIN },
        schema: {
          tags,
          summary: 'Replace a business calendar (hours, holidays, time zone)',
          params: idParams,
          body: z.object({ definition: z.unknown() }),
          response: { 200: ok, ...errorResponses },
        },
      },
      async (request) => {
        await staff.replaceCalendar(ctx, admin(request), requestMeta(request), request.params.id, request.body.definition);
        return done;
      },
    );

    app.get(
      '/canned',
      {
        config: { staff: SUPERVISORS },
        schema: {
          tags,
          summary: 'Canned answers',
          response: { 200: z.object({ items: z.array(cannedDto) }), ...errorResponses },
        },
      },
      async (request) => {
        requireStaff(request);
        return { items: await staff.cannedList(ctx) };
      },
    );

    app.post(
      '/canned',
      {
        config: { staff: ADMIN },
        schema: {
          tags,
          summary: 'Add a canned answer ({{customer.name}}, {{ticket.number}}, {{operator.name}} are filled in)',
          body: cannedBody,
          response: { 201: z.object({ id: z.string() }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const id = await staff.createCanned(ctx, admin(request), requestMeta(request), request.body);
        return reply.status(201).send({ id });
      },
    );

    app.patch(
      '/canned/:id',
      {
        config: { staff: ADMIN },
        schema: {
          tags,
          summary: 'Edit or deactivate a canned answer',
          params: idParams,
          body: cannedBody.partial(),
          response: { 200: ok, ...errorResponses },
        },
      },
      async (request) => {
        await staff.changeCanned(ctx, admin(request), requestMeta(request), request.params.id, request.body);
        return done;
      },
    );
  };
}
