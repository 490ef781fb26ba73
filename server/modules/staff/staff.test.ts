import { and, arrayContains, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { auditLog, categories, staffUsers, tickets } from '../../db/schema';
import { createTestApp, type Session, type TestApp } from '../../test/app';
import { makeCustomer } from '../../test/factories';
import { fillRequired, leafForm } from '../../test/forms';
import { makeMember } from '../../test/staff';
import * as staff from './staff.service';

let t: TestApp;
let admin: Session;
let adminId: string;
let supervisor: Session;
const h = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const a = await makeMember(t.ctx.db, ['admin'], []);
  const s = await makeMember(t.ctx.db, ['supervisor'], []);
  admin = await t.signIn('staff', a.email, a.password);
  adminId = a.id;
  supervisor = await t.signIn('staff', s.email, s.password);
});
afterAll(async () => t?.dispose());

describe('console admin API', () => {
  it('sets a department’s members and tiers (admins only), and the new member works its requests at once', async () => {
    const spec = await makeMember(t.ctx.db, ['specialist'], []);
    const deps = (await t.app.inject({ url: '/api/v1/console/admin/departments', headers: h(admin) })).json().items as Array<{
      id: string;
      code: string;
    }>;
    const terminals = deps.find((d) => d.code === 'terminals')!;
    const body = { members: [{ staffId: spec.id, tier: 2 }] };
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: `/api/v1/console/admin/departments/${terminals.id}/members`,
          headers: h(supervisor),
          payload: body,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: `/api/v1/console/admin/departments/${terminals.id}/members`,
          headers: h(admin),
          payload: body,
        })
      ).statusCode,
    ).toBe(200);
    const after = (await t.app.inject({ url: '/api/v1/console/admin/departments', headers: h(supervisor) }))
      .json()
      .items.find((d: { code: string }) => d.code === 'terminals');
    expect(after.members).toEqual([expect.objectContaining({ staffId: spec.id, tier: 2 })]);
    const s = await t.signIn('staff', spec.email, spec.password);
    const counts = (await t.app.inject({ url: '/api/v1/console/queues', headers: h(s) })).json().items;
    expect(counts.map((c: { queue: string }) => c.queue)).toContain('unassigned');
    const twice = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/console/admin/departments/${terminals.id}/members`,
      headers: h(admin),
      payload: { members: [...body.members, ...body.members] },
    });
    expect(twice.statusCode).toBe(400);
  });

  it('changes an SLA policy for requests filed from then on, and refuses a broken calendar naming the path', async () => {
    const sla = (await t.app.inject({ url: '/api/v1/console/admin/sla', headers: h(admin) })).json();
    const quick = sla.policies.find((p: { code: string }) => p.code === 'quick');
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/api/v1/console/admin/sla/policies/${quick.id}`,
          headers: h(admin),
          payload: { resolutionMinutes: 120 },
        })
      ).statusCode,
    ).toBe(200);
    const c = await makeCustomer(t.ctx.db);
    const cs = await t.signIn('customer', c.email ?? '', c.password);
    const [leaf] = await t.ctx.db.select().from(categories).where(eq(categories.slaPolicyId, quick.id)).limit(1);
    const fields = fillRequired((await leafForm(t.ctx.db, t.app, leaf!.slug)).fields);
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: h(cs),
      payload: { categoryId: leaf!.id, fields },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const [row] = await t.ctx.db.select().from(tickets).where(eq(tickets.number, filed.json().number));
    expect(Math.round((row!.resolutionDueAt!.getTime() - row!.createdAt.getTime()) / 60_000)).toBe(120);

    const cal = sla.calendars[0];
    const bad = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/console/admin/sla/calendars/${cal.id}`,
      headers: h(admin),
      payload: { definition: { timeZone: 'Mars/Olympus', weekly: {} } },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details.issues)).toContain('timeZone');
    const audit = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'sla.policy_updated'));
    expect(audit).toHaveLength(1);
  });

  it('adds a canned answer that operators get with placeholders filled', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/console/admin/canned',
      headers: h(admin),
      payload: {
        title: 'Приветствие',
        body: 'Здравствуйте, {{customer.name}}! Ваше обращение {{ticket.number}} у нас.',
        locale: 'ru',
      },
    });
    expect(created.statusCode).toBe(201);
    const c = await makeCustomer(t.ctx.db, { name: 'Вера' });
    const cs = await t.signIn('customer', c.email ?? '', c.password);
    const [leaf] = await t.ctx.db.select({ id: categories.id }).from(categories).where(eq(categories.slug, 'wallet-other'));
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: h(cs),
      payload: { categoryId: leaf!.id, fields: { description: 'Вопрос для проверки шаблонов ответа.' } },
    });
    const number = filed.json().number as string;
    const items = (await t.app.inject({ url: `/api/v1/console/tickets/${number}/canned`, headers: h(supervisor) })).json().items;
    expect(items.find((i: { title: string }) => i.title === 'Приветствие').body).toBe(
      `Здравствуйте, Вера! Ваше обращение ${number} у нас.`,
    );
  });

  it('keeps the last active admin an admin when two admins demote each other at once', async () => {
    // The race: another admin's change passed its checks, then this admin's change of them committed.
    const other = await makeMember(t.ctx.db, ['admin'], []);
    await t.ctx.db
      .update(staffUsers)
      .set({ active: false })
      .where(and(ne(staffUsers.id, adminId), arrayContains(staffUsers.roles, ['admin'])));
    const meta = { ip: '127.0.0.1', requestId: 'race' };
    for (const change of [{ active: false }, { roles: ['supervisor' as const] }]) {
      const refused = await staff.changeStaff(t.ctx, { id: other.id }, meta, adminId, change).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AppError);
      expect(JSON.stringify((refused as AppError).details)).toContain('staff.last_admin');
    }
    const [row] = await t.ctx.db.select().from(staffUsers).where(eq(staffUsers.id, adminId));
    expect(row).toMatchObject({ active: true, roles: ['admin'] });
    // With a second active admin, the same change goes through.
    await t.ctx.db.update(staffUsers).set({ active: true }).where(eq(staffUsers.id, other.id));
    await staff.changeStaff(t.ctx, { id: other.id }, meta, adminId, { roles: ['supervisor'] });
    await staff.changeStaff(t.ctx, { id: other.id }, meta, adminId, { roles: ['admin'] });
  });

  it('lets only one of two admins demoting each other in the same moment through', async () => {
    // Both changes start together, each in its own transaction (on PostgreSQL two connections that
    // truly overlap; PGlite runs them one after the other): one wins, one admin is left.
    const other = await makeMember(t.ctx.db, ['admin'], []);
    await t.ctx.db
      .update(staffUsers)
      .set({ active: false })
      .where(and(ne(staffUsers.id, adminId), ne(staffUsers.id, other.id), arrayContains(staffUsers.roles, ['admin'])));
    const meta = { ip: '127.0.0.1', requestId: 'race-live' };
    const outcomes = await Promise.allSettled([
      staff.changeStaff(t.ctx, { id: other.id }, meta, adminId, { roles: ['supervisor'] }),
      staff.changeStaff(t.ctx, { id: adminId }, meta, other.id, { roles: ['supervisor'] }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const [refused] = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(refused).toBeInstanceOf(AppError);
    expect(JSON.stringify((refused as AppError).details)).toContain('staff.last_admin');
    const admins = await t.ctx.db
      .select({ id: staffUsers.id })
      .from(staffUsers)
      .where(and(eq(staffUsers.active, true), arrayContains(staffUsers.roles, ['admin'])));
    expect(admins).toHaveLength(1);
    // Put things back for the tests after this one.
    await t.ctx.db
      .update(staffUsers)
      .set({ roles: ['admin'] })
      .where(eq(staffUsers.id, adminId));
  });
});
