import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context';
import {
  cannedAnswers,
  categories,
  departmentMembers,
  departments,
  slaCalendars,
  slaPolicies,
  staffUsers,
} from '../../db/schema';
import { referenceChanged } from '../../platform/refcache';
import { AppError } from '../../errors';
import { recordAudit } from '../../platform/audit';
import { requireStaff } from '../../platform/auth/guards';
import { errorResponses, requestMeta } from '../../platform/http';
import { withTransaction } from '../../platform/outbox';
import { calendarSchema } from '../sla';
import { ownIssue, zodIssues } from '../../issues';
import { l10nInput } from '../../../common/l10n';

const l10n = l10nInput(120);
const idParams = z.object({ id: z.string().uuid() });
const ok = z.object({ ok: z.literal(true) });

/**
 * Admin screens' API: departments and their members (tiers), SLA policies and calendars,
 * canned answers. Admins change; supervisors read. Every change is audited and takes effect
 * at once (nothing is cached across requests).
 */
export function staffAdminRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['console admin'];
    const reader = (r: Parameters<typeof requireStaff>[0]) => requireStaff(r, ['admin', 'supervisor']);
    const admin = (r: Parameters<typeof requireStaff>[0]) => requireStaff(r, ['admin']);
    const audit = (
      actorId: string,
      action: string,
      entityType: string,
      entityId: string,
      meta: ReturnType<typeof requestMeta>,
      data: Record<string, unknown>,
    ) =>
      withTransaction(ctx, (tx) =>
        recordAudit(tx, {
          actor: { kind: 'staff', id: actorId },
          action,
          entityType,
          entityId,
          ip: meta.ip,
          requestId: meta.requestId,
          data,
        }),
      );

    app.get(
      '/departments',
      {
        schema: {
          tags,
          summary: 'Departments with their members and tiers',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.string(),
                  code: z.string(),
                  name: l10n,
                  active: z.boolean(),
                  members: z.array(
                    z.object({
                      staffId: z.string(),
                      name: z.string(),
                      email: z.string(),
                      roles: z.array(z.string()),
                      tier: z.number(),
                    }),
                  ),
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireStaff(request);
        const deps = await ctx.db.select().from(departments).orderBy(asc(departments.code));
        const members = await ctx.db
          .select({
            departmentId: departmentMembers.departmentId,
            tier: departmentMembers.tier,
            staffId: staffUsers.id,
            name: staffUsers.name,
            email: staffUsers.email,
            roles: staffUsers.roles,
          })
          .from(departmentMembers)
          .innerJoin(staffUsers, eq(staffUsers.id, departmentMembers.staffId));
        return {
          items: deps.map((d) => ({
            id: d.id,
            code: d.code,
            name: d.name,
            active: d.active,
            members: members.filter((m) => m.departmentId === d.id).map(({ departmentId: _d, ...m }) => m),
          })),
        };
      },
    );

    app.post(
      '/departments',
      {
        schema: {
          tags,
          summary: 'Add a department',
          body: z.object({ code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/), name: l10n }),
          response: { 201: z.object({ id: z.string() }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const staff = admin(request);
        const [taken] = await ctx.db
          .select({ id: departments.id })
          .from(departments)
          .where(eq(departments.code, request.body.code))
          .limit(1);
        if (taken) throw new AppError('CONFLICT', { reason: 'code_taken' });
        const [row] = await ctx.db.insert(departments).values(request.body).returning({ id: departments.id });
        await audit(staff.id, 'department.created', 'department', row!.id, requestMeta(request), { code: request.body.code });
        return reply.status(201).send({ id: row!.id });
      },
    );

    app.patch(
      '/departments/:id',
      {
        schema: {
          tags,
          summary: 'Rename or deactivate a department',
          params: idParams,
          body: z.object({ name: l10n.optional(), active: z.boolean().optional() }),
          response: { 200: ok, ...errorResponses },
        },
      },
      async (request) => {
        const staff = admin(request);
        const updated = await ctx.db
          .update(departments)
          .set(request.body)
          .where(eq(departments.id, request.params.id))
          .returning({ id: departments.id });
        if (updated.length === 0) throw new AppError('NOT_FOUND');
        await audit(staff.id, 'department.updated', 'department', request.params.id, requestMeta(request), {
          changed: Object.keys(request.body),
        });
        return { ok: true as const };
      },
    );

    app.put(
      '/departments/:id/members',
      {
        schema: {
          tags,
          summary: "Set a department's members and their tiers (1–3)",
          params: idParams,
          body: z.object({
            members: z.array(z.object({ staffId: z.string().uuid(), tier: z.number().int().min(1).max(3) })).max(500),
          }),
          response: { 200: ok, ...errorResponses },
        },
      },
      async (request) => {
        const staff = admin(request);
        const ids = request.body.members.map((m) => m.staffId);
        if (new Set(ids).size !== ids.length)
          throw new AppError('VALIDATION_FAILED', {
            issues: [ownIssue(['body', 'members'], 'staff.listed_twice')],
          });
        await withTransaction(ctx, async (tx) => {
          const [dep] = await tx
            .select({ id: departments.id })
            .from(departments)
            .where(eq(departments.id, request.params.id))
            .limit(1);
          if (!dep) throw new AppError('NOT_FOUND');
          const known = ids.length
            ? await tx
                .select({ id: staffUsers.id })
                .from(staffUsers)
                .where(and(inArray(staffUsers.id, ids), eq(staffUsers.active, true)))
            : [];
          if (known.length !== ids.length)
            throw new AppError('VALIDATION_FAILED', {
              issues: [ownIssue(['body', 'members'], 'staff.unknown_member')],
            });
          await tx.delete(departmentMembers).where(eq(departmentMembers.departmentId, dep.id));
          if (request.body.members.length)
            await tx.insert(departmentMembers).values(request.body.members.map((m) => ({ ...m, departmentId: dep.id })));
          await recordAudit(tx, {
            actor: { kind: 'staff', id: staff.id },
            action: 'department.members_set',
            entityType: 'department',
            entityId: dep.id,
            ip: request.ip,
            requestId: request.id,
            data: { members: request.body.members },
          });
        });
        return { ok: true as const };
      },
    );

    app.get(
      '/staff',
      {
        schema: {
          tags,
          summary: 'Staff members',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.string(),
                  email: z.string(),
                  name: z.string(),
                  roles: z.array(z.string()),
                  active: z.boolean(),
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        reader(request);
        const rows = await ctx.db
          .select({
            id: staffUsers.id,
            email: staffUsers.email,
            name: staffUsers.name,
            roles: staffUsers.roles,
            active: staffUsers.active,
          })
          .from(staffUsers)
          .orderBy(asc(staffUsers.name));
        return { items: rows };
      },
    );

    const policyDto = z.object({
      id: z.string(),
      code: z.string(),
      name: l10n,
      calendarCode: z.string(),
      firstResponseMinutes: z.number(),
      resolutionMinutes: z.number(),
      atRiskPercent: z.number(),
    });
    app.get(
      '/sla',
      {
        schema: {
          tags,
          summary: 'SLA policies and business calendars',
          response: {
            200: z.object({
              policies: z.array(policyDto),
              calendars: z.array(
                z.object({ id: z.string(), code: z.string(), name: z.string(), definition: z.record(z.string(), z.unknown()) }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        reader(request);
        const calendars = await ctx.db.select().from(slaCalendars).orderBy(asc(slaCalendars.code));
        const code = new Map(calendars.map((c) => [c.id, c.code]));
        const policies = await ctx.db.select().from(slaPolicies).orderBy(asc(slaPolicies.code));
        return {
          policies: policies.map((p) => ({
            id: p.id,
            code: p.code,
            name: p.name,
            calendarCode: code.get(p.calendarId) ?? '',
            firstResponseMinutes: p.firstResponseMinutes,
            resolutionMinutes: p.resolutionMinutes,
            atRiskPercent: p.atRiskPercent,
          })),
          calendars: calendars.map((c) => ({ id: c.id, code: c.code, name: c.name, definition: c.definition })),
        };
      },
    );

    app.patch(
      '/sla/policies/:id',
      {
        schema: {
          tags,
          summary: 'Change an SLA policy (applies to requests filed from now on)',
          params: idParams,
          body: z.object({
            name: l10n.optional(),
            calendarCode: z.string().optional(),
            firstResponseMinutes: z.number().int().min(1).max(525_600).optional(),
            resolutionMinutes: z.number().int().min(1).max(525_600).optional(),
            atRiskPercent: z.number().int().min(10).max(99).optional(),
          }),
          response: { 200: ok, ...errorResponses },
        },
      },
      async (request) => {
        const staff = admin(request);
        const { calendarCode, ...rest } = request.body;
        let calendarId: string | undefined;
        if (calendarCode) {
          const [c] = await ctx.db
            .select({ id: slaCalendars.id })
            .from(slaCalendars)
            .where(eq(slaCalendars.code, calendarCode))
            .limit(1);
          if (!c)
            throw new AppError('VALIDATION_FAILED', {
              issues: [ownIssue(['body', 'calendarCode'], 'staff.no_calendar')],
            });
          calendarId = c.id;
        }
        const updated = await ctx.db
          .update(slaPolicies)
          .set({ ...rest, ...(calendarId ? { calendarId } : {}), updatedAt: new Date() })
          .where(eq(slaPolicies.id, request.params.id))
          .returning({ id: slaPolicies.id });
        if (updated.length === 0) throw new AppError('NOT_FOUND');
        await audit(staff.id, 'sla.policy_updated', 'sla_policy', request.params.id, requestMeta(request), request.body);
        await referenceChanged(ctx);
        return { ok: true as const };
      },
    );

    app.put(
      '/sla/calendars/:id',
      {
        schema: {
          tags,
          summary: 'Replace a business calendar (hours, holidays, time zone)',
          params: idParams,
          body: z.object({ definition: z.unknown() }),
          response: { 200: ok, ...errorResponses },
        },
      },
      async (request) => {
        const staff = admin(request);
        const parsed = calendarSchema.safeParse(request.body.definition);
        if (!parsed.success)
          throw new AppError('VALIDATION_FAILED', {
            issues: zodIssues(parsed.error.issues, ['body', 'definition']),
          });
        const updated = await ctx.db
          .update(slaCalendars)
          .set({ definition: parsed.data as unknown as Record<string, unknown>, updatedAt: new Date() })
          .where(eq(slaCalendars.id, request.params.id))
          .returning({ id: slaCalendars.id });
        if (updated.length === 0) throw new AppError('NOT_FOUND');
        await audit(staff.id, 'sla.calendar_updated', 'sla_calendar', request.params.id, requestMeta(request), {});
        await referenceChanged(ctx);
        return { ok: true as const };
      },
    );

    const cannedDto = z.object({
      id: z.string(),
      title: z.string(),
      body: z.string(),
      locale: z.string(),
      categoryId: z.string().nullable(),
      departmentCode: z.string().nullable(),
      active: z.boolean(),
    });
    const cannedBody = z.object({
      title: z.string().trim().min(2).max(120),
      body: z.string().trim().min(2).max(10_000),
      locale: z.enum(['ru', 'uk', 'en']).default('ru'),
      categoryId: z.string().uuid().nullable().optional(),
      departmentCode: z.string().nullable().optional(),
      active: z.boolean().optional(),
    });
    const resolveScope = async (body: { categoryId?: string | null; departmentCode?: string | null }) => {
      const out: { categoryId?: string | null; departmentId?: string | null } = {};
      if (body.categoryId !== undefined) {
        if (body.categoryId) {
          const [c] = await ctx.db
            .select({ id: categories.id })
            .from(categories)
            .where(eq(categories.id, body.categoryId))
            .limit(1);
          if (!c) throw new AppError('VALIDATION_FAILED', { issues: [ownIssue(['body', 'categoryId'], 'staff.no_category')] });
        }
        out.categoryId = body.categoryId;
      }
      if (body.departmentCode !== undefined) {
        if (body.departmentCode) {
          const [d] = await ctx.db
            .select({ id: departments.id })
            .from(departments)
            .where(eq(departments.code, body.departmentCode))
            .limit(1);
          if (!d)
            throw new AppError('VALIDATION_FAILED', {
              issues: [ownIssue(['body', 'departmentCode'], 'staff.no_department')],
            });
          out.departmentId = d.id;
        } else out.departmentId = null;
      }
      return out;
    };

    app.get(
      '/canned',
      {
        schema: {
          tags,
          summary: 'Canned answers',
          response: { 200: z.object({ items: z.array(cannedDto) }), ...errorResponses },
        },
      },
      async (request) => {
        reader(request);
        const deps = new Map((await ctx.db.select().from(departments)).map((d) => [d.id, d.code]));
        const rows = await ctx.db.select().from(cannedAnswers).orderBy(asc(cannedAnswers.title));
        return {
          items: rows.map((r) => ({
            id: r.id,
            title: r.title,
            body: r.body,
            locale: r.locale,
            categoryId: r.categoryId,
            departmentCode: r.departmentId ? (deps.get(r.departmentId) ?? null) : null,
            active: r.active,
          })),
        };
      },
    );

    app.post(
      '/canned',
      {
        schema: {
          tags,
          summary: 'Add a canned answer ({{customer.name}}, {{ticket.number}}, {{operator.name}} are filled in)',
          body: cannedBody,
          response: { 201: z.object({ id: z.string() }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const staff = admin(request);
        const { departmentCode: _d, categoryId: _c, ...rest } = request.body;
        const [row] = await ctx.db
          .insert(cannedAnswers)
          .values({ ...rest, ...(await resolveScope(request.body)), createdBy: staff.id })
          .returning({ id: cannedAnswers.id });
        await audit(staff.id, 'canned.created', 'canned_answer', row!.id, requestMeta(request), { title: request.body.title });
        return reply.status(201).send({ id: row!.id });
      },
    );

    app.patch(
      '/canned/:id',
      {
        schema: {
          tags,
          summary: 'Edit or deactivate a canned answer',
          params: idParams,
          body: cannedBody.partial(),
          response: { 200: ok, ...errorResponses },
        },
      },
      async (request) => {
        const staff = admin(request);
        const { departmentCode: _d, categoryId: _c, ...rest } = request.body;
        const updated = await ctx.db
          .update(cannedAnswers)
          .set({ ...rest, ...(await resolveScope(request.body)), updatedAt: new Date() })
          .where(eq(cannedAnswers.id, request.params.id))
          .returning({ id: cannedAnswers.id });
        if (updated.length === 0) throw new AppError('NOT_FOUND');
        await audit(staff.id, 'canned.updated', 'canned_answer', request.params.id, requestMeta(request), {
          changed: Object.keys(request.body),
        });
        return { ok: true as const };
      },
    );
  };
}
