import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, outgoingMail, ticketMessages, ticketQueueCounts, tickets } from '../../db/schema';
import { createTestApp, type Session, type TestApp } from '../../test/app';
import { makeCustomer } from '../../test/factories';
import { departmentId, makeMember } from '../../test/staff';
import { loadScope, type StaffScope } from '../staff/staff.policy';
import { listQueue, QUEUES } from './console.queries';

let t: TestApp;
let customer: Session;
const people: Record<string, Session & { id: string; roles: string[] }> = {};
const h = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });

async function fileMany(n: number): Promise<string[]> {
  const [leaf] = await t.ctx.db.select({ id: categories.id }).from(categories).where(eq(categories.slug, 'wallet-other'));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: h(customer),
      payload: { categoryId: leaf!.id, fields: { description: `Вопрос о кешбэке номер ${i}, не начислился.` } },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    out.push(res.json().number as string);
  }
  return out;
}

const scopeOf = (key: string) => {
  const p = people[key]!;
  return loadScope(t.ctx.db, {
    kind: 'staff',
    id: p.id,
    email: '',
    phone: null,
    name: key,
    roles: p.roles as never,
    locale: 'ru',
  });
};

/** The truth: every queue listed to its end (the lists query the tickets themselves). */
async function listedCounts(scope: StaffScope) {
  const out: Record<string, number> = {};
  for (const queue of QUEUES) {
    if (queue === 'all' && !scope.roles.some((r) => r === 'supervisor' || r === 'admin')) continue;
    out[queue] = (await listQueue(t.ctx.handle, scope, { queue, filters: {}, limit: 10_000 })).items.length;
  }
  return out;
}

async function shownCounts(s: Session) {
  const res = await t.app.inject({ url: '/api/v1/console/queues', headers: h(s) });
  expect(res.statusCode).toBe(200);
  return Object.fromEntries((res.json().items as Array<{ queue: string; count: number }>).map((i) => [i.queue, i.count]));
}

async function expectCountsRight() {
  for (const key of Object.keys(people)) {
    expect(await shownCounts(people[key]!), key).toEqual(await listedCounts(await scopeOf(key)));
  }
}

beforeAll(async () => {
  t = await createTestApp({ seed: true, env: { TICKETS_PER_IP_HOUR: '1000', TICKETS_PER_EMAIL_HOUR: '1000' } });
  const db = t.ctx.db;
  const staff = {
    operator: await makeMember(db, ['operator'], [['first_line', 1]], 'Ольга Первая'),
    tech: await makeMember(db, ['specialist'], [['tech_support', 2]], 'Сергей Тех'),
    security: await makeMember(db, ['security_officer'], [['security', 2]], 'Игорь Без'),
    supervisor: await makeMember(db, ['supervisor'], [], 'Марина Супер'),
  };
  for (const [key, s] of Object.entries(staff)) {
    people[key] = { ...(await t.signIn('staff', s.email, s.password)), id: s.id, roles: s.roles };
  }
  const c = await makeCustomer(db);
  customer = await t.signIn('customer', c.email ?? '', c.password);
});
afterAll(async () => t?.dispose());

describe('queue counts', () => {
  it('stay exact through filing, routing, assignment, SLA marks, waiting, resolution and deletion', async () => {
    const db = t.ctx.db;
    const numbers = await fileMany(12);
    await expectCountsRight();
    const [sec, tech, first] = await Promise.all(['security', 'tech_support', 'first_line'].map((c) => departmentId(db, c)));
    await db
      .update(tickets)
      .set({ departmentId: sec })
      .where(inArray(tickets.number, numbers.slice(0, 3)));
    await db
      .update(tickets)
      .set({ departmentId: tech })
      .where(inArray(tickets.number, numbers.slice(3, 6)));
    await db
      .update(tickets)
      .set({ departmentId: first })
      .where(inArray(tickets.number, numbers.slice(6, 12)));
    await expectCountsRight();
    // Several rows of different buckets in one statement, and single-row changes.
    await db
      .update(tickets)
      .set({ assigneeId: people.tech!.id, status: 'open' })
      .where(inArray(tickets.number, numbers.slice(3, 5)));
    await db.update(tickets).set({ assigneeId: people.security!.id }).where(eq(tickets.number, numbers[0]!));
    await db
      .update(tickets)
      .set({ atRiskAt: new Date() })
      .where(inArray(tickets.number, numbers.slice(6, 9)));
    await db.update(tickets).set({ breachedAt: new Date() }).where(eq(tickets.number, numbers[6]!));
    await db
      .update(tickets)
      .set({ status: 'pending_customer' })
      .where(inArray(tickets.number, [numbers[5]!, numbers[9]!]));
    await expectCountsRight();
    await db
      .update(tickets)
      .set({ status: 'resolved' })
      .where(inArray(tickets.number, [numbers[4]!, numbers[7]!]));
    await db.update(tickets).set({ status: 'reopened' }).where(eq(tickets.number, numbers[4]!));
    await db.update(tickets).set({ updatedAt: new Date() }).where(inArray(tickets.number, numbers));
    await db.update(tickets).set({ departmentId: null }).where(eq(tickets.number, numbers[10]!));
    const [gone] = await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.number, numbers[11]!));
    await db.delete(ticketMessages).where(eq(ticketMessages.ticketId, gone!.id));
    await db.delete(outgoingMail).where(eq(outgoingMail.ticketId, gone!.id));
    await db.delete(tickets).where(eq(tickets.id, gone!.id));
    await expectCountsRight();
    // The security service's requests stay out of the first line's counts.
    const operator = await shownCounts(people.operator!);
    const security = await shownCounts(people.security!);
    expect(security.unassigned).toBe(2);
    expect(operator.unassigned).toBe(await listedCounts(await scopeOf('operator')).then((c) => c.unassigned));
    // Buckets only: a handful of rows, however many requests.
    const [bucketRows] = await db.select({ n: sql<number>`count(*)::int` }).from(ticketQueueCounts);
    expect(bucketRows?.n).toBeLessThan(100);
  });
});
