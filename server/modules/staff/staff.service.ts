import type { AppContext, RequestMeta } from '../../context';
import type { Tx } from '../../db/connection';
import { AppError } from '../../errors';
import { ownIssue, zodIssues } from '../../issues';
import { recordAudit } from '../../platform/audit';
import { deleteUserSessions } from '../../platform/auth/sessions';
import { emit, withTransaction } from '../../platform/outbox';
import { referenceChanged } from '../../platform/refcache';
import { staffRightsRoom } from '../../platform/ws';
import {
  calendarSchema,
  listSlaCalendars,
  listSlaPolicies,
  slaCalendarIdByCode,
  updateSlaCalendar,
  updateSlaPolicy,
} from '../sla';
import * as repo from './staff.repo';
import type { CannedInput, Members, PolicyChange, StaffChange } from './staff.schema';

/**
 * The staff administration's use cases: departments and their members (tiers), SLA policies and
 * calendars, canned answers. Each change and its audit row commit together; SLA changes clear
 * the reference caches of every node after commit. The SLA tables are written by the sla module's
 * functions (it owns them); this service adds the admin's audit row around them.
 */

type Actor = { id: string };

function audited(tx: Tx, actor: Actor, meta: RequestMeta, action: string, entity: { type: string; id: string }, data: object) {
  return recordAudit(tx, {
    actor: { kind: 'staff', id: actor.id },
    action,
    entityType: entity.type,
    entityId: entity.id,
    ip: meta.ip,
    requestId: meta.requestId,
    data: data as Record<string, unknown>,
  });
}

const invalid = (path: string[], code: Parameters<typeof ownIssue>[1]) =>
  new AppError('VALIDATION_FAILED', { issues: [ownIssue(path, code)] });

export async function departmentsWithMembers(ctx: AppContext) {
  const deps = await repo.listDepartments(ctx.db);
  const members = await repo.listMemberships(ctx.db);
  return deps.map((d) => ({
    id: d.id,
    code: d.code,
    name: d.name,
    active: d.active,
    members: members.filter((m) => m.departmentId === d.id).map(({ departmentId: _d, ...m }) => m),
  }));
}

export async function createDepartment(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  input: { code: string; name: { ru: string; uk: string; en: string } },
): Promise<string> {
  return withTransaction(ctx, async (tx) => {
    if (await repo.departmentIdByCode(tx, input.code)) throw new AppError('CONFLICT', { reason: 'code_taken' });
    const id = await repo.insertDepartment(tx, input);
    await audited(tx, actor, meta, 'department.created', { type: 'department', id }, { code: input.code });
    return id;
  });
}

export async function changeDepartment(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  id: string,
  change: { name?: { ru: string; uk: string; en: string }; active?: boolean },
): Promise<void> {
  await withTransaction(ctx, async (tx) => {
    if (!(await repo.updateDepartment(tx, id, change))) throw new AppError('NOT_FOUND');
    await audited(tx, actor, meta, 'department.updated', { type: 'department', id }, { changed: Object.keys(change) });
  });
}

/**
 * Tells the open sockets of these people, on every node, that their rights changed (after
 * commit): each re-reads its session and leaves the rooms it may no longer see (platform/ws.ts).
 */
function rightsChanged(tx: Tx, staffIds: readonly string[], entity: { type: string; id: string }) {
  if (staffIds.length === 0) return Promise.resolve();
  return emit(tx, {
    type: 'staff.rights_changed',
    aggregateType: entity.type,
    aggregateId: entity.id,
    payload: { rooms: [...new Set(staffIds)].map(staffRightsRoom) },
  });
}

export async function setMembers(ctx: AppContext, actor: Actor, meta: RequestMeta, id: string, members: Members): Promise<void> {
  const ids = members.map((m) => m.staffId);
  if (new Set(ids).size !== ids.length) throw invalid(['body', 'members'], 'staff.listed_twice');
  await withTransaction(ctx, async (tx) => {
    if (!(await repo.departmentExists(tx, id))) throw new AppError('NOT_FOUND');
    if ((await repo.countActiveStaff(tx, ids)) !== ids.length) throw invalid(['body', 'members'], 'staff.unknown_member');
    const before = await repo.memberIds(tx, id);
    await repo.replaceMembers(tx, id, members);
    await audited(tx, actor, meta, 'department.members_set', { type: 'department', id }, { members });
    // Those who left and those who joined (or changed tier): their sockets re-check their rooms.
    await rightsChanged(tx, [...before, ...ids], { type: 'department', id });
  });
}

/**
 * An admin changes a staff member's roles or deactivates (reactivates) them. Deactivation ends
 * their sessions; either way their open sockets re-check or close on every node after commit.
 * Admins cannot lock themselves out (deactivate themselves or drop their own admin role), and the
 * last active admin stays one.
 */
export async function changeStaff(ctx: AppContext, actor: Actor, meta: RequestMeta, id: string, change: StaffChange) {
  const dropsAdmin = change.active === false || (change.roles !== undefined && !change.roles.includes('admin'));
  const field = change.active === false ? 'active' : 'roles';
  if (id === actor.id && dropsAdmin) throw invalid(['body', field], 'staff.own_account');
  await withTransaction(ctx, async (tx) => {
    // The actor is an admin, so only a race leaves none: two admins demoting each other at once
    // (each passed its own checks before the other committed). The lock orders them.
    if (dropsAdmin) {
      const admins = await repo.lockActiveAdmins(tx);
      if (admins.includes(id) && admins.length <= 1) throw invalid(['body', field], 'staff.last_admin');
    }
    const row = await repo.updateStaff(tx, id, { ...change, ...(change.roles ? { roles: [...new Set(change.roles)] } : {}) });
    if (!row) throw new AppError('NOT_FOUND');
    if (change.active === false) await deleteUserSessions(tx, 'staff', id);
    await audited(tx, actor, meta, 'staff.updated', { type: 'staff', id }, change);
    await rightsChanged(tx, [id], { type: 'staff', id });
  });
}

export const staffList = (ctx: AppContext) => repo.listStaff(ctx.db);

export async function slaSettings(ctx: AppContext) {
  const calendars = await listSlaCalendars(ctx.db);
  const code = new Map(calendars.map((c) => [c.id, c.code]));
  const policies = await listSlaPolicies(ctx.db);
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
}

export async function changePolicy(ctx: AppContext, actor: Actor, meta: RequestMeta, id: string, change: PolicyChange) {
  const { calendarCode, ...rest } = change;
  await withTransaction(ctx, async (tx) => {
    let calendarId: string | undefined;
    if (calendarCode) {
      calendarId = await slaCalendarIdByCode(tx, calendarCode);
      if (!calendarId) throw invalid(['body', 'calendarCode'], 'staff.no_calendar');
    }
    if (!(await updateSlaPolicy(tx, id, { ...rest, ...(calendarId ? { calendarId } : {}) }))) throw new AppError('NOT_FOUND');
    await audited(tx, actor, meta, 'sla.policy_updated', { type: 'sla_policy', id }, change);
  });
  await referenceChanged(ctx);
}

export async function replaceCalendar(ctx: AppContext, actor: Actor, meta: RequestMeta, id: string, definition: unknown) {
  const parsed = calendarSchema.safeParse(definition);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', { issues: zodIssues(parsed.error.issues, ['body', 'definition']) });
  await withTransaction(ctx, async (tx) => {
    if (!(await updateSlaCalendar(tx, id, parsed.data as unknown as Record<string, unknown>))) throw new AppError('NOT_FOUND');
    await audited(tx, actor, meta, 'sla.calendar_updated', { type: 'sla_calendar', id }, {});
  });
  await referenceChanged(ctx);
}

/** A canned answer's category and department, checked; only what the input names. */
async function cannedScope(tx: Tx, input: CannedInput) {
  const out: { categoryId?: string | null; departmentId?: string | null } = {};
  if (input.categoryId !== undefined) {
    if (input.categoryId && !(await repo.categoryExists(tx, input.categoryId)))
      throw invalid(['body', 'categoryId'], 'staff.no_category');
    out.categoryId = input.categoryId;
  }
  if (input.departmentCode !== undefined) {
    if (input.departmentCode) {
      const departmentId = await repo.departmentIdByCode(tx, input.departmentCode);
      if (!departmentId) throw invalid(['body', 'departmentCode'], 'staff.no_department');
      out.departmentId = departmentId;
    } else out.departmentId = null;
  }
  return out;
}

export async function cannedList(ctx: AppContext) {
  const deps = new Map((await repo.listDepartments(ctx.db)).map((d) => [d.id, d.code]));
  const rows = await repo.listCanned(ctx.db);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    body: r.body,
    locale: r.locale,
    categoryId: r.categoryId,
    departmentCode: r.departmentId ? (deps.get(r.departmentId) ?? null) : null,
    active: r.active,
  }));
}

export async function createCanned(
  ctx: AppContext,
  actor: Actor,
  meta: RequestMeta,
  input: CannedInput & { title: string; body: string; locale: 'ru' | 'uk' | 'en' },
): Promise<string> {
  const { departmentCode: _d, categoryId: _c, ...rest } = input;
  return withTransaction(ctx, async (tx) => {
    const id = await repo.insertCanned(tx, { ...rest, ...(await cannedScope(tx, input)), createdBy: actor.id });
    await audited(tx, actor, meta, 'canned.created', { type: 'canned_answer', id }, { title: input.title });
    return id;
  });
}

export async function changeCanned(ctx: AppContext, actor: Actor, meta: RequestMeta, id: string, input: CannedInput) {
  const { departmentCode: _d, categoryId: _c, ...rest } = input;
  await withTransaction(ctx, async (tx) => {
    if (!(await repo.updateCanned(tx, id, { ...rest, ...(await cannedScope(tx, input)) }))) throw new AppError('NOT_FOUND');
    await audited(tx, actor, meta, 'canned.updated', { type: 'canned_answer', id }, { changed: Object.keys(input) });
  });
}
