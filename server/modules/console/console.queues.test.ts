import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickets } from '../../db/schema';
import { h, openDesk, type Desk } from '../../test/desk';
import { explainPlan } from '../../test/explain';
import { makeCustomer } from '../../test/factories';
import { departmentId, makeMember } from '../../test/staff';
import { loadScope } from '../staff/staff.policy';
import { queueQuery, QUEUES } from './console.queries';
import { listResponse, queuesResponse } from './console.schema';

// The console's queues (console.queries.ts): their answers, filters, order, pages and plans.
let d: Desk;
beforeAll(async () => {
  d = await openDesk();
});
afterAll(async () => d?.t.dispose());

const explain = (text: string, params: unknown[]) => explainPlan(d.t.ctx.handle, text, params);

describe('queue queries', () => {
  it('answers lists and counts exactly in the shape of their response schemas (they skip zod encoding)', async () => {
    const { t, people } = d;
    const asSchema = (schema: { parse: (v: unknown) => unknown }, body: unknown) => expect(schema.parse(body)).toEqual(body);
    for (const who of ['supervisor', 'operator', 'techSpecialist', 'securityOfficer'] as const) {
      const headers = h(people[who]);
      for (const queue of QUEUES) {
        const res = await t.app.inject({ url: `/api/v1/console/tickets?queue=${queue}&limit=2`, headers });
        if (res.statusCode === 403) continue;
        expect(res.statusCode, `${who} ${queue}`).toBe(200);
        // parse() strips keys the schema does not know: equal means no extra key and every type right.
        asSchema(listResponse, res.json());
      }
      asSchema(queuesResponse, (await t.app.inject({ url: '/api/v1/console/queues', headers })).json());
    }
    // A filled page with a cursor and rows of every kind (department, category, assignee, customer).
    const page = (await t.app.inject({ url: '/api/v1/console/tickets?queue=all&limit=1', headers: h(people.supervisor) })).json();
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).toEqual(expect.any(String));
    asSchema(listResponse, page);
  });

  it('filters the "all" queue by a department code (an unknown code lists nothing)', async () => {
    const { t, numbers, people } = d;
    const sup = h(people.supervisor);
    const list = async (query: string) =>
      (await t.app.inject({ url: `/api/v1/console/tickets?queue=all&${query}`, headers: sup })).json().items as Array<{
        number: string;
        department: { code: string } | null;
      }>;
    const security = await list('department=security');
    expect(security.map((i) => i.number)).toContain(numbers.sec);
    expect(security.every((i) => i.department?.code === 'security')).toBe(true);
    // Twice: the second time the code's id comes from the cache.
    expect((await list('department=security')).map((i) => i.number)).toEqual(security.map((i) => i.number));
    expect(await list('department=no_such_department')).toEqual([]);
    // A cursor that is not ours: 400 naming the field, in the one field-problem shape.
    const forged = Buffer.from('yesterday|nobody').toString('base64url');
    const bad = await t.app.inject({ url: `/api/v1/console/tickets?queue=all&cursor=${forged}`, headers: sup });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues).toEqual([
      expect.objectContaining({ path: ['querystring', 'cursor'], code: 'invalid_cursor' }),
    ]);
  });

  it.each(QUEUES)('the %s queue is served by its index', async (queue) => {
    const scope = await loadScope(d.t.ctx.db, {
      kind: 'staff',
      id: d.people.supervisor.id,
      email: '',
      phone: null,
      name: 'x',
      roles: ['supervisor'],
      locale: 'ru',
    });
    const { text, params } = queueQuery(scope, { queue, filters: {}, limit: 25 });
    const plan = await explain(`EXPLAIN ${text}`, params);
    expect(plan).toMatch(/Index Scan|Index Only Scan|Bitmap Index Scan/);
    // "mine" by the person's own index, never by walking the "all" index and filtering.
    expect(plan).toMatch(queue === 'mine' ? /tickets_q_mine_idx/ : /tickets_q_\w+_idx/);
  });

  it('reads a member of several departments one department at a time, in the queue order, pages included', async () => {
    const { t, file } = d;
    const db = t.ctx.db;
    const both = await makeMember(
      db,
      ['specialist'],
      [
        ['tech_support', 1],
        ['terminals', 1],
      ],
      'Дина Две',
    );
    const onlyTech = await makeMember(db, ['specialist'], [['tech_support', 1]], 'Тамара Одна');
    const onlyTerm = await makeMember(db, ['specialist'], [['terminals', 1]], 'Тарас Один');
    const sessions = {
      both: await t.signIn('staff', both.email, both.password),
      tech: await t.signIn('staff', onlyTech.email, onlyTech.password),
      term: await t.signIn('staff', onlyTerm.email, onlyTerm.password),
    };
    // Fresh requests in both departments: new and unassigned, and one of each waiting for the customer.
    // From a customer of their own (the filing limits count per customer).
    const c = await makeCustomer(db, { phone: '+79001112244', name: 'Клиент Очередей' });
    const filer = await t.signIn('customer', c.email ?? '', c.password);
    const fresh: string[] = [];
    for (const code of ['tech_support', 'terminals', 'tech_support', 'terminals', 'security']) {
      const number = await file('wallet-other', { description: `Вопрос для очереди отдела ${code}, проверка порядка.` }, filer);
      await db
        .update(tickets)
        .set({ departmentId: await departmentId(db, code), ...(fresh.length >= 2 ? { status: 'pending_customer' } : {}) })
        .where(eq(tickets.number, number));
      fresh.push(number);
    }
    const list = async (who: keyof typeof sessions, queue: string, limit: number, cursor?: string) =>
      (
        await t.app.inject({
          url: `/api/v1/console/tickets?queue=${queue}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
          headers: h(sessions[who]),
        })
      ).json() as { items: Array<{ number: string; department: { code: string } | null }>; nextCursor: string | null };
    for (const queue of ['unassigned', 'waiting']) {
      const all = (await list('both', queue, 100)).items;
      const tech = (await list('tech', queue, 100)).items.map((i) => i.number);
      const term = (await list('term', queue, 100)).items.map((i) => i.number);
      // Exactly the two departments' requests (never the security service's), each department in its own order.
      expect([...all.map((i) => i.number)].sort(), queue).toEqual([...tech, ...term].sort());
      expect(all.filter((i) => i.department?.code === 'tech_support').map((i) => i.number)).toEqual(tech);
      expect(all.filter((i) => i.department?.code === 'terminals').map((i) => i.number)).toEqual(term);
      expect(all.map((i) => i.number)).not.toContain(fresh[4]);
      expect(all.length, queue).toBeGreaterThanOrEqual(2);
      // Page by page (one row a page) gives the same sequence as one long page.
      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await list('both', queue, 1, cursor);
        paged.push(...page.items.map((i) => i.number));
        cursor = page.nextCursor ?? undefined;
      } while (cursor && paged.length <= all.length);
      expect(paged, queue).toEqual(all.map((i) => i.number));
    }
    // The plan: each department's page from the queue's own index, no sort of a whole queue.
    const scope = await loadScope(db, {
      kind: 'staff',
      id: both.id,
      email: '',
      phone: null,
      name: 'x',
      roles: ['specialist'],
      locale: 'ru',
    });
    for (const queue of ['unassigned', 'waiting'] as const) {
      const { text, params } = queueQuery(scope, { queue, filters: {}, limit: 25 });
      const plan = await explain(`EXPLAIN ${text}`, params);
      expect(plan).toMatch(/unnest/);
      expect(plan).toMatch(
        new RegExp(
          `Index Scan using tickets_q_${queue}_idx on tickets t[^\\n]*\\n\\s*Index Cond: \\(department_id = dep\\.id\\)`,
        ),
      );
    }
  });
});
