import { Writable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { auditLog, categories, demoWallets, outboxEvents, tickets } from '../../db/schema';
import { createTestApp, type Session, type TestApp } from '../../test/app';
import { makeCustomer } from '../../test/factories';
import { multipart, PNG_1x1 } from '../../test/files';
import { fillRequired, leafForm } from '../../test/forms';
import { departmentId, makeMember } from '../../test/staff';
import { loadScope } from '../staff/staff.policy';
import { queueQuery, QUEUES } from './console.queries';
import { listResponse, queuesResponse } from './console.schema';
import { explainPlan } from '../../test/explain';

const PASSPORT = '4510 987654';
const logLines: string[] = [];
let t: TestApp;
const people: Record<string, Session & { id: string }> = {};
const numbers: Record<'ts' | 'sec' | 'term', string> = { ts: '', sec: '', term: '' };
let customer: Session;
const h = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });

async function file(slug: string, fields: Record<string, unknown>, session = customer) {
  const [leaf] = await t.ctx.db.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug));
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/tickets',
    headers: h(session),
    payload: { categoryId: leaf!.id, fields },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().number as string;
}

beforeAll(async () => {
  // Everything the app logs during this file is kept, to prove no passport number reaches a log.
  const sink = new Writable({ write: (chunk, _e, done) => (logLines.push(String(chunk)), done()) });
  t = await createTestApp({ seed: true, logger: pino({ level: 'trace' }, sink) });
  const db = t.ctx.db;
  const staff = {
    operator: await makeMember(db, ['operator'], [['first_line', 1]], 'Ольга Первая'),
    techSpecialist: await makeMember(db, ['specialist'], [['tech_support', 2]], 'Сергей Тех'),
    terminalSpecialist: await makeMember(db, ['specialist'], [['terminals', 1]], 'Тимур Терм'),
    securityOfficer: await makeMember(db, ['security_officer'], [['security', 2]], 'Игорь Без'),
    supervisor: await makeMember(db, ['supervisor'], [], 'Марина Супер'),
    admin: await makeMember(db, ['admin'], [], 'Анна Адм'),
  };
  for (const [key, s] of Object.entries(staff)) people[key] = { ...(await t.signIn('staff', s.email, s.password)), id: s.id };
  const c = await makeCustomer(db, { phone: '+79001112233', name: 'Клиент Тестов' });
  customer = await t.signIn('customer', c.email ?? '', c.password);
  await db.insert(demoWallets).values({
    customerId: c.id,
    walletNumber: '+79001112233',
    passportSealed: t.ctx.cipher.encrypt(PASSPORT),
    ownerName: 'Клиент Тестов',
    blocked: true,
    blockReason: 'Вход с незнакомого IP',
    unknownIpLogin: true,
  });
  numbers.ts = await file('wallet-other', { description: 'Вопрос о кешбэке за октябрь, не начислился.' });
  numbers.term = await file('terminal-not-working', fillRequired((await leafForm(db, t.app, 'terminal-not-working')).fields));
  const v = fillRequired((await leafForm(db, t.app, 'wallet-blocked')).fields, { passport_data: PASSPORT });
  numbers.sec = await file('wallet-blocked', v);
  // Route the fixtures where this test needs them: one to the security service, one to technical support.
  await db
    .update(tickets)
    .set({ departmentId: await departmentId(db, 'security') })
    .where(eq(tickets.number, numbers.sec));
  await db
    .update(tickets)
    .set({ departmentId: await departmentId(db, 'tech_support') })
    .where(eq(tickets.number, numbers.ts));
});
afterAll(async () => t?.dispose());

describe('permission matrix', () => {
  // who → [sees TS, TERM, SEC] and [works TS, TERM, SEC] and may reveal
  const matrix: Record<string, { see: [boolean, boolean, boolean]; work: [boolean, boolean, boolean]; reveal: boolean }> = {
    operator: { see: [true, true, false], work: [false, false, false], reveal: false },
    techSpecialist: { see: [true, true, false], work: [true, false, false], reveal: false },
    terminalSpecialist: { see: [true, true, false], work: [false, true, false], reveal: false },
    securityOfficer: { see: [true, true, true], work: [false, false, true], reveal: true },
    supervisor: { see: [true, true, true], work: [true, true, true], reveal: true },
    admin: { see: [true, true, true], work: [true, true, true], reveal: true },
  };
  it.each(Object.keys(matrix))('%s sees, works and reveals exactly what the policy allows', async (who) => {
    const s = people[who]!;
    const expected = matrix[who]!;
    const keys = ['ts', 'term', 'sec'] as const;
    for (const [i, key] of keys.entries()) {
      const view = await t.app.inject({ url: `/api/v1/console/tickets/${numbers[key]}`, headers: h(s) });
      expect(view.statusCode, `${who} GET ${key}`).toBe(expected.see[i] ? 200 : 404);
      const note = await t.app.inject({
        method: 'POST',
        url: `/api/v1/console/tickets/${numbers[key]}/notes`,
        headers: h(s),
        payload: { body: `заметка ${who}` },
      });
      expect(note.statusCode, `${who} note ${key}`).toBe(!expected.see[i] ? 404 : expected.work[i] ? 200 : 403);
    }
    const reveal = await t.app.inject({
      method: 'POST',
      url: `/api/v1/console/tickets/${numbers.sec}/reveal`,
      headers: h(s),
      payload: { field: 'passport_data', reason: 'проверка матрицы прав' },
    });
    expect(reveal.statusCode, `${who} reveal`).toBe(expected.reveal ? 200 : expected.see[2] ? 403 : 403);
  });

  it('keeps the security service’s requests out of other departments’ lists, counts and search', async () => {
    const op = people.operator!;
    const search = await t.app.inject({ url: `/api/v1/console/tickets?queue=at_risk&q=${numbers.sec}`, headers: h(op) });
    expect(search.json().items).toHaveLength(0);
    const supAll = await t.app.inject({
      url: `/api/v1/console/tickets?queue=all&q=${numbers.sec}`,
      headers: h(people.supervisor!),
    });
    expect(supAll.json().items.map((i: { number: string }) => i.number)).toEqual([numbers.sec]);
    expect((await t.app.inject({ url: '/api/v1/console/tickets?queue=all', headers: h(op) })).statusCode).toBe(403);
    const secCounts = (await t.app.inject({ url: '/api/v1/console/queues', headers: h(people.securityOfficer!) })).json().items;
    expect(secCounts.find((q: { queue: string }) => q.queue === 'unassigned').count).toBe(1);
    const techCounts = (await t.app.inject({ url: '/api/v1/console/queues', headers: h(people.techSpecialist!) })).json().items;
    expect(techCounts.find((q: { queue: string }) => q.queue === 'unassigned').count).toBe(1);
    expect(techCounts.map((q: { queue: string }) => q.queue)).not.toContain('all');
  });

  it('leaves the security service’s requests out of the customer’s earlier requests in the workspace', async () => {
    const earlier = async (who: Session) => {
      const res = await t.app.inject({ url: `/api/v1/console/tickets/${numbers.ts}`, headers: h(who) });
      expect(res.statusCode).toBe(200);
      return (res.json().customer.earlier as Array<{ number: string; subject: string }>).map((e) => e.number);
    };
    // The same customer filed all three; outside the security service only the other two are named.
    for (const who of ['operator', 'techSpecialist', 'terminalSpecialist'] as const) {
      const numbersSeen = await earlier(people[who]!);
      expect(numbersSeen, who).toContain(numbers.term);
      expect(numbersSeen, who).not.toContain(numbers.sec);
    }
    for (const who of ['securityOfficer', 'supervisor', 'admin'] as const)
      expect(await earlier(people[who]!), who).toContain(numbers.sec);
  });

  it('filters the "all" queue by a department code (an unknown code lists nothing)', async () => {
    const sup = h(people.supervisor!);
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
  });

  it('keeps them out of realtime rooms too', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const [sec] = await t.ctx.db.select().from(tickets).where(eq(tickets.number, numbers.sec));
    const ask = (s: Session, room: string) =>
      new Promise<Record<string, unknown>>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers: { cookie: s.cookie } });
        ws.on('message', (raw) => {
          const m = JSON.parse(String(raw)) as Record<string, unknown>;
          if (m.type === 'ready') ws.send(JSON.stringify({ type: 'subscribe', room }));
          else {
            resolve(m);
            ws.close();
          }
        });
      });
    const secDep = await departmentId(t.ctx.db, 'security');
    expect(await ask(people.operator!, `queues:${secDep}`)).toMatchObject({ type: 'error', code: 'FORBIDDEN' });
    expect(await ask(people.operator!, `ticket:${sec!.id}`)).toMatchObject({ type: 'error', code: 'FORBIDDEN' });
    expect(await ask(people.securityOfficer!, `ticket:${sec!.id}`)).toMatchObject({ type: 'subscribed' });
    expect(await ask(people.operator!, `queues:${await departmentId(t.ctx.db, 'first_line')}`)).toMatchObject({
      type: 'subscribed',
    });
  });
});

describe('personal data', () => {
  it('shows passport data masked, reveals it once with a reason and one audit row, and never logs it', async () => {
    const sup = people.supervisor!;
    const view = await t.app.inject({ url: `/api/v1/console/tickets/${numbers.sec}`, headers: h(sup) });
    const field = view.json().fields.find((f: { key: string }) => f.key === 'passport_data');
    expect(field).toMatchObject({ personal: true, revealable: true });
    expect(field.value.replace(/\D/g, '').length).toBeLessThanOrEqual(2);
    expect(view.body).not.toContain('987654');
    const [row] = await t.ctx.db.select().from(tickets).where(eq(tickets.number, numbers.sec));
    const before = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, row!.id), eq(auditLog.action, 'pii.revealed')));
    const noReason = await t.app.inject({
      method: 'POST',
      url: `/api/v1/console/tickets/${numbers.sec}/reveal`,
      headers: h(sup),
      payload: { field: 'passport_data' },
    });
    expect(noReason.statusCode).toBe(400);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/console/tickets/${numbers.sec}/reveal`,
      headers: h(sup),
      payload: { field: 'passport_data', reason: 'Клиент просит сверить паспорт' },
    });
    expect(res.json()).toEqual({ field: 'passport_data', value: PASSPORT });
    const after = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, row!.id), eq(auditLog.action, 'pii.revealed')));
    expect(after.length - before.length).toBe(1);
    expect(after.at(-1)).toMatchObject({
      actorId: sup.id,
      data: { field: 'passport_data', reason: 'Клиент просит сверить паспорт' },
    });
    expect(JSON.stringify(after)).not.toContain('987654');
    expect(logLines.length).toBeGreaterThan(10);
    expect(logLines.join('\n')).not.toMatch(/987654|4510 ?987654/);
  });

  it('opens account data only after identification, recording only the result', async () => {
    const s = people.techSpecialist!;
    const closed = (await t.app.inject({ url: `/api/v1/console/tickets/${numbers.ts}`, headers: h(s) })).json();
    expect(closed.customer.identification.state).toBe('not_identified');
    expect(closed.customer.wallets).toEqual([]);
    const wrong = await t.app.inject({
      method: 'POST',
      url: `/api/v1/console/tickets/${numbers.ts}/identification`,
      headers: h(s),
      payload: { walletNumber: '+7 900 111-22-33', passport: '4510 000000' },
    });
    expect(wrong.json()).toEqual({ result: 'failed', reason: 'mismatch' });
    const right = await t.app.inject({
      method: 'POST',
      url: `/api/v1/console/tickets/${numbers.ts}/identification`,
      headers: h(s),
      payload: { walletNumber: '8 900 111 22 33', passport: '45 10 987654' },
    });
    expect(right.json()).toEqual({ result: 'identified', reason: null });
    const open = (await t.app.inject({ url: `/api/v1/console/tickets/${numbers.ts}`, headers: h(s) })).json();
    expect(open.customer.identification).toMatchObject({ state: 'identified', by: 'Сергей Тех' });
    expect(open.customer.wallets[0]).toMatchObject({
      walletNumber: '+79001112233',
      blocked: true,
      blockReason: 'Вход с незнакомого IP',
      flags: { unknownIpLogin: true, smsConfirmationOff: false },
    });
    const audit = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'customer.identification'));
    expect(JSON.stringify(audit)).not.toContain('987654');
  });
});

describe('working a request', () => {
  it('takes, answers with a canned reply, transfers, escalates, and records each in the history', async () => {
    const number = await file('wallet-other', { description: 'Не могу понять, куда пропал кешбэк.' });
    const op = people.supervisor!;
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/console/tickets/${number}/take`, headers: h(op) })).statusCode,
    ).toBe(200);
    const canned = (await t.app.inject({ url: `/api/v1/console/tickets/${number}/canned`, headers: h(op) })).json().items;
    expect(Array.isArray(canned)).toBe(true);
    const reply = await t.app.inject({
      method: 'POST',
      url: `/api/v1/console/tickets/${number}/reply`,
      headers: h(op),
      payload: { body: `Здравствуйте! Проверяем обращение ${number}.` },
    });
    expect(reply.statusCode).toBe(200);
    const noReason = await t.app.inject({
      method: 'POST',
      url: `/api/v1/console/tickets/${number}/transfer`,
      headers: h(op),
      payload: { departmentCode: 'terminals' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/console/tickets/${number}/transfer`,
          headers: h(op),
          payload: { departmentCode: 'terminals', reason: 'Вопрос про терминал' },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/console/tickets/${number}/escalate`,
          headers: h(op),
          payload: { reason: 'Нужен специалист второй линии' },
        })
      ).statusCode,
    ).toBe(200);
    const ws = (await t.app.inject({ url: `/api/v1/console/tickets/${number}`, headers: h(op) })).json();
    expect(ws).toMatchObject({ status: 'open', tier: 2, assignee: null, department: { code: 'terminals' } });
    expect(ws.sla.firstRespondedAt).not.toBeNull();
    const actions = ws.history.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['ticket.taken', 'ticket.answered', 'ticket.transferred', 'ticket.escalated']),
    );
    expect(ws.history.find((e: { action: string }) => e.action === 'ticket.transferred').data.reason).toBe('Вопрос про терминал');
    // The customer sees the answer in the portal, and no internal note.
    const portal = (await t.app.inject({ url: `/api/v1/tickets/${number}`, headers: { cookie: customer.cookie } })).json();
    expect(portal.messages.map((m: { author: { kind: string } }) => m.author.kind)).toEqual(['customer', 'staff']);
  });

  it('merges a duplicate: it is resolved, the customer is told where to go on, the history keeps the reason', async () => {
    const a = await file('wallet-other', { description: 'Первое обращение о кешбэке за октябрь.' });
    const b = await file('wallet-other', { description: 'Повторное обращение о кешбэке за октябрь.' });
    const sup = people.supervisor!;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/console/tickets/${b}/merge`,
      headers: h(sup),
      payload: { into: a, reason: 'Дубликат' },
    });
    expect(res.statusCode).toBe(200);
    const dup = (await t.app.inject({ url: `/api/v1/tickets/${b}`, headers: { cookie: customer.cookie } })).json();
    expect(dup.status).toBe('resolved');
    expect(dup.messages.at(-1).body).toContain(a);
    const history = (await t.app.inject({ url: `/api/v1/console/tickets/${b}`, headers: h(sup) })).json().history;
    expect(history.find((e: { action: string }) => e.action === 'ticket.merged').data).toMatchObject({
      intoNumber: a,
      reason: 'Дубликат',
    });
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/console/tickets/${a}/merge`,
          headers: h(sup),
          payload: { into: a, reason: 'сам в себя' },
        })
      ).statusCode,
    ).toBe(409);
  });

  it('lets supervisors and admins browse the audit log, and nobody else', async () => {
    const res = await t.app.inject({ url: `/api/v1/console/audit?action=pii.revealed`, headers: h(people.admin!) });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.every((i: { action: string }) => i.action === 'pii.revealed')).toBe(true);
    expect((await t.app.inject({ url: '/api/v1/console/audit', headers: h(people.operator!) })).statusCode).toBe(403);
    // By person: only what that colleague did.
    const byOne = await t.app.inject({
      url: `/api/v1/console/audit?actor=${people.securityOfficer!.id}`,
      headers: h(people.supervisor!),
    });
    expect(byOne.statusCode).toBe(200);
    const items = byOne.json().items as Array<{ actor: { id: string; name: string } }>;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.actor.id === people.securityOfficer!.id && i.actor.name === 'Игорь Без')).toBe(true);
    expect((await t.app.inject({ url: '/api/v1/console/audit?actor=robert', headers: h(people.admin!) })).statusCode).toBe(400);
  });
});

describe('queue queries', () => {
  it('answers lists and counts exactly in the shape of their response schemas (they skip zod encoding)', async () => {
    const asSchema = (schema: { parse: (v: unknown) => unknown }, body: unknown) => expect(schema.parse(body)).toEqual(body);
    for (const who of ['supervisor', 'operator', 'techSpecialist', 'securityOfficer'] as const) {
      const headers = h(people[who]!);
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
    const page = (
      await t.app.inject({ url: '/api/v1/console/tickets?queue=all&limit=1', headers: h(people.supervisor!) })
    ).json();
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).toEqual(expect.any(String));
    asSchema(listResponse, page);
  });

  it.each(QUEUES)('the %s queue is served by its index', async (queue) => {
    const scope = await loadScope(t.ctx.db, {
      kind: 'staff',
      id: people.supervisor!.id,
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

const explain = (text: string, params: unknown[]) => explainPlan(t.ctx.handle, text, params);

describe('attachments in the console', () => {
  it('lets staff who may see a request download its files, and nobody else', async () => {
    const sup = people.supervisor!;
    const body = multipart({ body: 'Скриншот выписки во вложении.' }, [
      { field: 'files', name: 'выписка.png', type: 'image/png', content: PNG_1x1 },
    ]);
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/v1/console/tickets/${numbers.sec}/reply`,
      headers: { ...h(sup), ...body.headers },
      payload: body.payload,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const ws = (await t.app.inject({ url: `/api/v1/console/tickets/${numbers.sec}`, headers: h(sup) })).json();
    expect(ws.id).toMatch(/^[0-9a-f-]{36}$/);
    const file = ws.messages
      .flatMap((m: { attachments: Array<{ id: string; name: string }> }) => m.attachments)
      .find((a: { name: string }) => a.name === 'выписка.png');
    const url = `/api/v1/console/tickets/${numbers.sec}/attachments/${file.id}`;
    const ok = await t.app.inject({ url, headers: h(sup) });
    expect(ok.statusCode).toBe(200);
    expect(ok.rawPayload.equals(PNG_1x1)).toBe(true);
    expect((await t.app.inject({ url, headers: h(people.operator!) })).statusCode).toBe(404);
  });
});

describe('assigning to a named colleague', () => {
  it('lists the department’s members to those who may assign, and assigns with a history entry', async () => {
    const db = t.ctx.db;
    const junior = await makeMember(db, ['specialist'], [['tech_support', 1]], 'Юлия Младшая');
    const juniorSession = await t.signIn('staff', junior.email, junior.password);
    const url = `/api/v1/console/tickets/${numbers.ts}/assignees`;
    const list = await t.app.inject({ url, headers: h(people.techSpecialist!) });
    expect(list.statusCode).toBe(200);
    const names = list.json().items.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Сергей Тех', 'Юлия Младшая']));
    expect(names).not.toContain('Ольга Первая');
    // Tier 1 works the request but may not hand it to others; another department may not either.
    expect((await t.app.inject({ url, headers: h(juniorSession) })).statusCode).toBe(403);
    expect((await t.app.inject({ url, headers: h(people.terminalSpecialist!) })).statusCode).toBe(403);
    // The security service's request does not exist for technical support.
    expect(
      (await t.app.inject({ url: `/api/v1/console/tickets/${numbers.sec}/assignees`, headers: h(people.techSpecialist!) }))
        .statusCode,
    ).toBe(404);
    const ws = (await t.app.inject({ url: `/api/v1/console/tickets/${numbers.ts}`, headers: h(people.techSpecialist!) })).json();
    expect(ws.can.assign).toBe(true);

    const done = await t.app.inject({
      method: 'POST',
      url: `/api/v1/console/tickets/${numbers.ts}/assign`,
      headers: h(people.techSpecialist!),
      payload: { staffId: junior.id, reason: 'её тема' },
    });
    expect(done.statusCode).toBe(200);
    const after = (await t.app.inject({ url: `/api/v1/console/tickets/${numbers.ts}`, headers: h(juniorSession) })).json();
    expect(after.assignee).toEqual({ id: junior.id, name: 'Юлия Младшая' });
    expect(after.can.assign).toBe(false);
    const mine = await t.app.inject({ url: '/api/v1/console/tickets?queue=mine', headers: h(juniorSession) });
    expect(mine.json().items.map((i: { number: string }) => i.number)).toContain(numbers.ts);
    const marked = (await t.app.inject({ url, headers: h(people.supervisor!) })).json().items;
    expect(marked.find((p: { id: string }) => p.id === junior.id).current).toBe(true);
  });

  it('announces a reveal to the others on the request (the event names the rooms, never the value)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/console/tickets/${numbers.sec}/reveal`,
      headers: h(people.securityOfficer!),
      payload: { field: 'passport_data', reason: 'сверка паспорта по звонку' },
    });
    expect(res.statusCode).toBe(200);
    const events = await t.ctx.db.select().from(outboxEvents).where(eq(outboxEvents.type, 'ticket.pii_revealed'));
    expect(events.length).toBeGreaterThan(0);
    expect(JSON.stringify(events)).not.toContain('987654');
  });
});
