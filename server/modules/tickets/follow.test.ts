import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, forms, outgoingMail, tickets } from '../../db/schema';
import { createTestApp, type Session, type TestApp } from '../../test/app';
import { makeCustomer, makeStaff } from '../../test/factories';
import { changeStatus } from './commands';
import { fieldProblems } from '../../test/issues';

let t: TestApp;
let n = 1;
const ip = () => `10.2.0.${n++}`;
const auth = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });
let leaf: string;

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const [row] = await t.ctx.db.select({ id: categories.id }).from(categories).where(eq(categories.slug, 'feedback-suggestion'));
  leaf = row!.id;
});
afterAll(async () => t?.dispose());

async function customerWithTicket(text = 'Сделайте выписку в PDF') {
  const c = await makeCustomer(t.ctx.db);
  const session = await t.signIn('customer', c.email ?? '', c.password);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/tickets',
    headers: auth(session),
    payload: { categoryId: leaf, fields: { topic: 'wallet', description: text } },
    remoteAddress: ip(),
  });
  expect(res.statusCode).toBe(201);
  return { customer: c, session, number: res.json().number as string };
}

async function guestWithToken() {
  const filed = await t.app.inject({
    method: 'POST',
    url: '/api/v1/tickets',
    payload: { categoryId: leaf, email: `g${n}@example.test`, fields: { topic: 'support', description: 'Вопрос гостя' } },
    remoteAddress: ip(),
  });
  const [row] = await t.ctx.db.select().from(tickets).where(eq(tickets.number, filed.json().number));
  const [mail] = await t.ctx.db.select().from(outgoingMail).where(eq(outgoingMail.ticketId, row!.id));
  const token = /token=([\w-]+)/.exec(mail!.text)![1];
  const confirmed = await t.app.inject({ method: 'POST', url: '/api/v1/tickets/confirm', payload: { token } });
  return { number: row!.number, bearer: { authorization: `Bearer ${confirmed.json().trackingToken}` } };
}

describe('my requests', () => {
  it('lists only my requests under Active, then under Archive once solved, and reopens from the archive', async () => {
    const a = await customerWithTicket();
    await customerWithTicket('чужое обращение');
    const list = await t.app.inject({ url: '/api/v1/tickets?tab=active', headers: { cookie: a.session.cookie } });
    expect(list.json().items.map((i: { number: string }) => i.number)).toEqual([a.number]);
    expect(list.json().items[0].category.name.ru).toBeTruthy();

    const reply = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${a.number}/messages`,
      headers: auth(a.session),
      payload: { body: 'Дополню: нужен период за октябрь.' },
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toMatchObject({ author: { kind: 'customer' }, body: 'Дополню: нужен период за октябрь.' });

    const solved = await t.app.inject({ method: 'POST', url: `/api/v1/tickets/${a.number}/resolve`, headers: auth(a.session) });
    expect(solved.statusCode).toBe(200);
    expect(solved.json()).toMatchObject({ status: 'resolved', can: { reply: false, resolve: false, reopen: true } });
    expect(
      (await t.app.inject({ url: '/api/v1/tickets?tab=active', headers: { cookie: a.session.cookie } })).json().items,
    ).toHaveLength(0);
    expect(
      (await t.app.inject({ url: '/api/v1/tickets?tab=archive', headers: { cookie: a.session.cookie } })).json().items,
    ).toHaveLength(1);

    const noMessage = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${a.number}/reopen`,
      headers: auth(a.session),
      payload: {},
    });
    expect(noMessage.statusCode).toBe(400);
    const reopened = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${a.number}/reopen`,
      headers: auth(a.session),
      payload: { message: 'Выписку так и не получил.' },
    });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json().status).toBe('reopened');
    expect(reopened.json().messages.at(-1).body).toBe('Выписку так и не получил.');
    expect(new Date(reopened.json().expectedBy).getTime()).toBeGreaterThan(Date.now());
    expect(
      (await t.app.inject({ url: '/api/v1/tickets?tab=active', headers: { cookie: a.session.cookie } })).json().items,
    ).toHaveLength(1);
  });

  it('pages with a cursor', async () => {
    const c = await makeCustomer(t.ctx.db);
    const s = await t.signIn('customer', c.email ?? '', c.password);
    for (let i = 0; i < 3; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/tickets',
        headers: auth(s),
        payload: { categoryId: leaf, fields: { topic: 'other', description: `Обращение №${i}` } },
        remoteAddress: ip(),
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const first = (await t.app.inject({ url: '/api/v1/tickets?limit=2', headers: { cookie: s.cookie } })).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await t.app.inject({ url: `/api/v1/tickets?limit=2&cursor=${first.nextCursor}`, headers: { cookie: s.cookie } })
    ).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((i: { number: string }) => i.number)).size).toBe(3);
  });

  it('resumes the paused clock when the customer answers support’s question', async () => {
    const a = await customerWithTicket();
    const [row] = await t.ctx.db.select().from(tickets).where(eq(tickets.number, a.number));
    await t.ctx.db.transaction(async (tx) => {
      await changeStatus(tx, row!, 'open', null, null);
      await changeStatus(tx, { ...row!, status: 'open' }, 'pending_customer', null, null);
    });
    const [paused] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, row!.id));
    expect(paused).toMatchObject({ status: 'pending_customer', resolutionDueAt: null });
    expect(paused!.slaRemainingMinutes).toBeGreaterThan(0);
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${a.number}/messages`,
      headers: auth(a.session),
      payload: { body: 'Ответ на ваш вопрос' },
    });
    const [resumed] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, row!.id));
    expect(resumed).toMatchObject({ status: 'open', slaRemainingMinutes: null, slaPausedAt: null });
    expect(resumed!.resolutionDueAt!.getTime()).toBeGreaterThan(Date.now());
  });
});

describe('who may see a request', () => {
  it('gives customer B a 404 for everything about A’s request', async () => {
    const a = await customerWithTicket();
    const b = await customerWithTicket();
    const urls = [
      ['GET', `/api/v1/tickets/${a.number}`, undefined],
      ['POST', `/api/v1/tickets/${a.number}/messages`, { body: 'чужой ответ' }],
      ['POST', `/api/v1/tickets/${a.number}/resolve`, undefined],
      ['POST', `/api/v1/tickets/${a.number}/reopen`, { message: 'x' }],
      ['PUT', `/api/v1/tickets/${a.number}/reply-channel`, { replyChannel: 'portal' }],
    ] as const;
    for (const [method, url, payload] of urls) {
      const res = await t.app.inject({ method, url, headers: auth(b.session), ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    // A number that does not exist answers the same.
    expect((await t.app.inject({ url: '/api/v1/tickets/PD-9999999', headers: auth(b.session) })).statusCode).toBe(404);
    const [row] = await t.ctx.db.select().from(tickets).where(eq(tickets.number, a.number));
    expect(row?.status).toBe('new');
  });

  it('lets a guest token open only its own request', async () => {
    const g1 = await guestWithToken();
    const g2 = await guestWithToken();
    expect((await t.app.inject({ url: `/api/v1/tickets/${g1.number}`, headers: g1.bearer })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/v1/tickets/${g2.number}`, headers: g1.bearer })).statusCode).toBe(404);
    expect(
      (
        await t.app.inject({
          url: `/api/v1/tickets/${g1.number}`,
          headers: { authorization: 'Bearer not-a-real-token-000000000000' },
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/tickets', headers: g1.bearer })).statusCode).toBe(403);
  });

  it('keeps staff out of the customer side and asks anonymous callers to sign in', async () => {
    const staff = await makeStaff(t.ctx.db);
    const s = await t.signIn('staff', staff.email, staff.password);
    expect((await t.app.inject({ url: '/api/v1/tickets', headers: { cookie: s.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/tickets' })).statusCode).toBe(401);
  });
});

describe('form versions', () => {
  it('keeps a request on the form version it was filed with after the form changes', async () => {
    const a = await customerWithTicket('Старая форма');
    const admin = await makeStaff(t.ctx.db, { roles: ['admin'] });
    const s = await t.signIn('staff', admin.email, admin.password);
    const newForm = {
      fields: [{ key: 'idea', type: 'textarea', required: true, label: { ru: 'Идея', uk: 'Ідея', en: 'Idea' } }],
    };
    const published = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/catalog/admin/nodes/${leaf}/form`,
      headers: auth(s),
      payload: { form: newForm },
    });
    expect(published.statusCode).toBe(200);
    expect(published.json().version).toBe(2);
    const view = await t.app.inject({ url: `/api/v1/tickets/${a.number}`, headers: { cookie: a.session.cookie } });
    expect(view.json().fields.map((f: { key: string }) => f.key)).toEqual(['topic', 'description']);
    const current = await t.app.inject({ url: `/api/v1/catalog/${leaf}/form` });
    expect(current.json()).toMatchObject({ version: 2, form: newForm });
    expect(await t.ctx.db.select().from(forms).where(eq(forms.categoryId, leaf))).toHaveLength(2);
  });
});

describe('reply channel', () => {
  // The form-version test above changed the suggestion form; these use another leaf.
  const other = async () =>
    (await t.ctx.db.select({ id: categories.id }).from(categories).where(eq(categories.slug, 'wallet-other')))[0]!.id;
  it('keeps a customer’s default and uses it for new requests', async () => {
    const c = await makeCustomer(t.ctx.db);
    const s = await t.signIn('customer', c.email ?? '', c.password);
    const set = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/auth/me/reply-channel',
      headers: auth(s),
      payload: { replyChannel: 'portal' },
    });
    expect(set.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: s.cookie } })).json().user.replyChannel).toBe(
      'portal',
    );
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: auth(s),
      payload: { categoryId: await other(), fields: { description: 'Ответы только в личный кабинет, пожалуйста.' } },
      remoteAddress: ip(),
    });
    const view = await t.app.inject({ url: `/api/v1/tickets/${filed.json().number}`, headers: { cookie: s.cookie } });
    expect(view.json().replyChannel).toBe('portal');
  });

  it('answers form errors as details.issues, the one field-problem shape', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { categoryId: await other(), email: 'x@example.test', fields: {} },
      remoteAddress: ip(),
    });
    expect(fieldProblems(res.json()).description?.code).toBe('required');
    expect(res.json().error.details.issues).toContainEqual(
      expect.objectContaining({ path: ['body', 'description'], code: 'required', message: expect.any(String) }),
    );
    // No second shape beside it.
    expect(res.json().error.fields).toBeUndefined();
    expect(res.json().error.details.fields).toBeUndefined();
  });
});
