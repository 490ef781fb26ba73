import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { h, openDesk, type Desk } from '../../test/desk';
import { makeMember } from '../../test/staff';

// Working a request from the console: the request domain's staff commands (tickets/commands/staff.ts)
// through the console's routes, each with its history entry, and the audit log they leave.
let d: Desk;
beforeAll(async () => {
  d = await openDesk();
});
afterAll(async () => d?.t.dispose());

describe('working a request', () => {
  it('takes, answers with a canned reply, transfers, escalates, and records each in the history', async () => {
    const { t, people, customer, file } = d;
    const number = await file('wallet-other', { description: 'Не могу понять, куда пропал кешбэк.' });
    const op = people.supervisor;
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
    const { t, people, customer, file } = d;
    const a = await file('wallet-other', { description: 'Первое обращение о кешбэке за октябрь.' });
    const b = await file('wallet-other', { description: 'Повторное обращение о кешбэке за октябрь.' });
    const sup = people.supervisor;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/console/tickets/${b}/merge`,
      headers: h(sup),
      payload: { into: a, reason: 'Дубликат' },
    });
    expect(res.statusCode).toBe(200);
    const dup = (await t.app.inject({ url: `/api/v1/tickets/${b}`, headers: { cookie: customer.cookie } })).json();
    expect(dup.status).toBe('resolved');
    expect(dup.messages.at(-1).body).toBe(`Обращение объединено с обращением ${a}: переписка продолжится там.`);
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
});

describe('assigning to a named colleague', () => {
  it('lists the department’s members to those who may assign, and assigns with a history entry', async () => {
    const { t, people, numbers } = d;
    const db = t.ctx.db;
    const junior = await makeMember(db, ['specialist'], [['tech_support', 1]], 'Юлия Младшая');
    const juniorSession = await t.signIn('staff', junior.email, junior.password);
    const url = `/api/v1/console/tickets/${numbers.ts}/assignees`;
    const list = await t.app.inject({ url, headers: h(people.techSpecialist) });
    expect(list.statusCode).toBe(200);
    const names = list.json().items.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Сергей Тех', 'Юлия Младшая']));
    expect(names).not.toContain('Ольга Первая');
    // Tier 1 works the request but may not hand it to others; another department may not either.
    expect((await t.app.inject({ url, headers: h(juniorSession) })).statusCode).toBe(403);
    expect((await t.app.inject({ url, headers: h(people.terminalSpecialist) })).statusCode).toBe(403);
    // The security service's request does not exist for technical support.
    expect(
      (await t.app.inject({ url: `/api/v1/console/tickets/${numbers.sec}/assignees`, headers: h(people.techSpecialist) }))
        .statusCode,
    ).toBe(404);
    const ws = (await t.app.inject({ url: `/api/v1/console/tickets/${numbers.ts}`, headers: h(people.techSpecialist) })).json();
    expect(ws.can.assign).toBe(true);

    const done = await t.app.inject({
      method: 'POST',
      url: `/api/v1/console/tickets/${numbers.ts}/assign`,
      headers: h(people.techSpecialist),
      payload: { staffId: junior.id, reason: 'её тема' },
    });
    expect(done.statusCode).toBe(200);
    const after = (await t.app.inject({ url: `/api/v1/console/tickets/${numbers.ts}`, headers: h(juniorSession) })).json();
    expect(after.assignee).toEqual({ id: junior.id, name: 'Юлия Младшая' });
    expect(after.can.assign).toBe(false);
    const mine = await t.app.inject({ url: '/api/v1/console/tickets?queue=mine', headers: h(juniorSession) });
    expect(mine.json().items.map((i: { number: string }) => i.number)).toContain(numbers.ts);
    const marked = (await t.app.inject({ url, headers: h(people.supervisor) })).json().items;
    expect(marked.find((p: { id: string }) => p.id === junior.id).current).toBe(true);
  });
});

describe('the audit log', () => {
  it('lets supervisors and admins browse the audit log, and nobody else', async () => {
    const { t, people, numbers } = d;
    // Something for the log to show: the security officer reveals the passport number (and works nothing else here).
    const reveal = await t.app.inject({
      method: 'POST',
      url: `/api/v1/console/tickets/${numbers.sec}/reveal`,
      headers: h(people.securityOfficer),
      payload: { field: 'passport_data', reason: 'сверка паспорта для журнала' },
    });
    expect(reveal.statusCode).toBe(200);
    const res = await t.app.inject({ url: `/api/v1/console/audit?action=pii.revealed`, headers: h(people.admin) });
    expect(res.statusCode).toBe(200);
    const revealed = res.json().items as Array<{ action: string }>;
    expect(revealed.length).toBeGreaterThan(0);
    expect(revealed.every((i) => i.action === 'pii.revealed')).toBe(true);
    expect((await t.app.inject({ url: '/api/v1/console/audit', headers: h(people.operator) })).statusCode).toBe(403);
    // By person: only what that colleague did.
    const byOne = await t.app.inject({
      url: `/api/v1/console/audit?actor=${people.securityOfficer.id}`,
      headers: h(people.supervisor),
    });
    expect(byOne.statusCode).toBe(200);
    const items = byOne.json().items as Array<{ actor: { id: string; name: string } }>;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.actor.id === people.securityOfficer.id && i.actor.name === 'Игорь Без')).toBe(true);
    expect((await t.app.inject({ url: '/api/v1/console/audit?actor=robert', headers: h(people.admin) })).statusCode).toBe(400);
  });
});
