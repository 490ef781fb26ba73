/**
 * The visibility matrix (issue 14, item 1): a security-service request is invisible to staff
 * outside the security service on every route and realtime room of the app.
 *
 * The table is keyed by the app's real route list (read from Fastify's route tree), so a route
 * added without an entry here fails the first test: each route is either checked (called as a
 * first-line operator, with the security officer as the positive control where a read shows
 * requests) or declared "not about requests" with the reason.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { categories, tickets } from './db/schema';
import { createTestApp, type Session, type TestApp } from './test/app';
import { makeCustomer } from './test/factories';
import { fillRequired, leafForm } from './test/forms';
import { listRoutes } from './test/routes';
import { departmentId, makeMember } from './test/staff';
import { BASE_ROOM_RULES } from './platform/ws';
import { consoleRoomRules } from './modules/console/console.rooms';
import { QUEUES } from './modules/console/console.queries';

const SEC_SUBJECT = 'Секретная проверка ЗНАК-7741';
let t: TestApp;
let operator: Session;
let officer: Session;
let customer: Session;
const ids = { sec: '', secNumber: '', ts: '', tsNumber: '', secDept: '', firstLine: '', officerId: '' };
const h = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });

type Call = { method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; payload?: Record<string, unknown> };
type Check = () => Promise<void>;
type Entry = { check: Check } | { notAboutRequests: string };

const markers = () => [ids.secNumber, SEC_SUBJECT, ids.sec];

async function call(who: Session, c: Call) {
  const res = await t.app.inject({
    method: c.method ?? 'GET',
    url: c.url,
    headers: h(who),
    ...(c.payload ? { payload: c.payload } : {}),
  });
  return res;
}

/** A read: the operator's answer names no marker; the officer's does (when `shown`). */
const hidden =
  (c: Call, shown = false): Check =>
  async () => {
    const res = await call(operator, c);
    expect(res.statusCode, `${c.url} as operator`).toBeLessThan(500);
    for (const m of markers()) expect(res.body, `${c.url} as operator names ${m}`).not.toContain(m);
    if (shown) {
      const seen = await call(officer, c);
      expect(
        markers().some((m) => seen.body.includes(m)),
        `${c.url} as security officer (the positive control) names the request`,
      ).toBe(true);
    }
  };

/**
 * An action or read on the security request itself: the operator gets the same answer as for a
 * number that does not exist (404, or a 403 given to every number alike), and nothing named.
 */
const gone =
  (c: Omit<Call, 'url'> & { url: (n: string) => string }): Check =>
  async () => {
    const url = c.url(ids.secNumber);
    const res = await call(operator, { ...c, url });
    const none = await call(operator, { ...c, url: c.url('PD-99999990') });
    expect([403, 404], `${c.method ?? 'GET'} ${url} as operator`).toContain(res.statusCode);
    expect(res.statusCode, `${url}: the same answer as for no such request`).toBe(none.statusCode);
    expect(res.json().error.code).toBe(none.json().error.code);
    for (const m of markers().slice(1)) expect(res.body).not.toContain(m);
  };

const both =
  (...checks: Check[]): Check =>
  async () => {
    for (const c of checks) await c();
  };

const reason = 'проверка видимости';
const T = '/api/v1/console/tickets';
const CUSTOMER_ONLY = 'customers’ own requests: a staff session is refused, a customer sees only their own (tickets.test.ts)';
const KB = 'help articles and their authoring: no requests in them';
const WIKI = 'the customers’ wiki: no requests in it';
const CATALOG = 'the catalogue of request kinds: categories and forms, no requests';
const ADMIN = 'configuration (departments, staff, SLA, canned answers, settings…): no requests in it';
const NOTICES = 'service notices: no requests in them';
const PUBLIC = 'public, unauthenticated: no requests in it';

const TABLE: Record<string, Entry> = {
  // Sign-in and one's own profile
  'POST /api/v1/auth/login': { notAboutRequests: 'answers the session and the person, no requests' },
  'POST /api/v1/auth/logout': { notAboutRequests: 'ends the session' },
  'GET /api/v1/auth/me': { check: hidden({ url: '/api/v1/auth/me' }) },
  'PUT /api/v1/auth/me/reply-channel': { notAboutRequests: 'a preference of one’s own' },
  'PUT /api/v1/auth/me/answer-notices': { notAboutRequests: 'a preference of one’s own' },
  'PUT /api/v1/auth/me/locale': { notAboutRequests: 'a preference of one’s own' },
  // The customers' side
  'POST /api/v1/tickets': { notAboutRequests: 'files a new request; answers only its own number' },
  'GET /api/v1/tickets': { check: hidden({ url: '/api/v1/tickets' }) },
  'POST /api/v1/tickets/confirm': { notAboutRequests: 'a guest’s token confirms their own request only' },
  'GET /api/v1/tickets/:number': { check: gone({ url: (n) => `/api/v1/tickets/${n}` }) },
  'GET /api/v1/tickets/:number/attachments/:id': {
    check: gone({ url: (n) => `/api/v1/tickets/${n}/attachments/00000000-0000-4000-8000-000000000000` }),
  },
  'POST /api/v1/tickets/:number/messages': { notAboutRequests: CUSTOMER_ONLY },
  'POST /api/v1/tickets/:number/resolve': { notAboutRequests: CUSTOMER_ONLY },
  'POST /api/v1/tickets/:number/reopen': { notAboutRequests: CUSTOMER_ONLY },
  'PUT /api/v1/tickets/:number/reply-channel': { notAboutRequests: CUSTOMER_ONLY },
  // Catalogue
  'GET /api/v1/catalog': { notAboutRequests: CATALOG },
  'GET /api/v1/catalog/admin/tree': { notAboutRequests: CATALOG },
  'POST /api/v1/catalog/admin/nodes': { notAboutRequests: CATALOG },
  'PATCH /api/v1/catalog/admin/nodes/:id': { notAboutRequests: CATALOG },
  'GET /api/v1/catalog/admin/nodes/:id/form': { notAboutRequests: CATALOG },
  'PUT /api/v1/catalog/admin/nodes/:id/form': { notAboutRequests: CATALOG },
  'PUT /api/v1/catalog/admin/order': { notAboutRequests: CATALOG },
  'GET /api/v1/catalog/:id/form': { notAboutRequests: CATALOG },
  // The payment check (issue 18): receipts of the payment core and a customer's own operations.
  'POST /api/v1/payments/check': { notAboutRequests: 'a receipt checked against the payment core; no requests' },
  'GET /api/v1/payments/recent': { notAboutRequests: 'the signed-in customer’s own wallet operations; no requests' },
  'GET /api/v1/payments/wallets': { notAboutRequests: 'the signed-in customer’s own wallet numbers; no requests' },
  'POST /api/v1/console/payments/check': { notAboutRequests: 'a receipt checked against the payment core; no requests' },
  'GET /api/v1/console/payments/stats': { notAboutRequests: 'counts of payment checks by source and answer; no requests' },
  'GET /api/v1/console/payments/tickets/:number/operations': {
    check: gone({ url: (n) => `/api/v1/console/payments/tickets/${n}/operations` }),
  },
  'POST /api/v1/catalog/:id/deflections': { notAboutRequests: 'counts an article that answered before filing' },
  // The console: queues, lists, search, the workspace and every action on a request
  'GET /api/v1/console/queues': {
    check: async () => {
      const res = await call(operator, { url: '/api/v1/console/queues' });
      expect(res.body).not.toContain(ids.secDept);
      await hidden({ url: '/api/v1/console/queues' })();
    },
  },
  'GET /api/v1/console/tickets': {
    check: async () => {
      for (const queue of QUEUES) {
        await hidden({ url: `${T}?queue=${queue}` })();
        await hidden({ url: `${T}?queue=${queue}&q=${encodeURIComponent(ids.secNumber)}` })();
        await hidden({ url: `${T}?queue=${queue}&q=${encodeURIComponent('ЗНАК-7741')}` })();
        await hidden({ url: `${T}?queue=${queue}&department=security` })();
      }
      await hidden({ url: `${T}?queue=mine&q=${encodeURIComponent(ids.secNumber)}` }, true)();
    },
  },
  'GET /api/v1/console/tickets/:number': {
    // The workspace of the same customer's other request: every nested list (earlier requests…).
    check: both(gone({ url: (n) => `${T}/${n}` }), hidden({ url: `${T}/${ids.tsNumber}` })),
  },
  'GET /api/v1/console/tickets/:number/assignees': { check: gone({ url: (n) => `${T}/${n}/assignees` }) },
  'POST /api/v1/console/tickets/:number/take': { check: gone({ method: 'POST', url: (n) => `${T}/${n}/take` }) },
  'POST /api/v1/console/tickets/:number/assign': {
    check: gone({ method: 'POST', url: (n) => `${T}/${n}/assign`, payload: { staffId: '00000000-0000-4000-8000-000000000000' } }),
  },
  'POST /api/v1/console/tickets/:number/transfer': {
    check: gone({ method: 'POST', url: (n) => `${T}/${n}/transfer`, payload: { departmentCode: 'first_line', reason } }),
  },
  'POST /api/v1/console/tickets/:number/escalate': {
    check: gone({ method: 'POST', url: (n) => `${T}/${n}/escalate`, payload: { reason } }),
  },
  'POST /api/v1/console/tickets/:number/return': {
    check: gone({ method: 'POST', url: (n) => `${T}/${n}/return`, payload: { reason } }),
  },
  'POST /api/v1/console/tickets/:number/priority': {
    check: gone({ method: 'POST', url: (n) => `${T}/${n}/priority`, payload: { priority: 'high', reason } }),
  },
  'POST /api/v1/console/tickets/:number/merge': {
    // Both ways: the security request as the duplicate and as the merge target.
    check: async () => {
      await gone({ method: 'POST', url: (n) => `${T}/${n}/merge`, payload: { into: ids.tsNumber, reason } })();
      const res = await call(operator, {
        method: 'POST',
        url: `${T}/${ids.tsNumber}/merge`,
        payload: { into: ids.secNumber, reason },
      });
      expect([403, 404]).toContain(res.statusCode);
      for (const m of markers().slice(1)) expect(res.body).not.toContain(m);
    },
  },
  'POST /api/v1/console/tickets/:number/reply': {
    check: gone({ method: 'POST', url: (n) => `${T}/${n}/reply`, payload: { body: 'ответ' } }),
  },
  'POST /api/v1/console/tickets/:number/ask': {
    check: gone({ method: 'POST', url: (n) => `${T}/${n}/ask`, payload: { body: 'вопрос' } }),
  },
  'POST /api/v1/console/tickets/:number/notes': {
    check: gone({ method: 'POST', url: (n) => `${T}/${n}/notes`, payload: { body: 'заметка' } }),
  },
  'POST /api/v1/console/tickets/:number/resolve': {
    check: gone({ method: 'POST', url: (n) => `${T}/${n}/resolve`, payload: { resolutionCode: 'answered' } }),
  },
  'POST /api/v1/console/tickets/:number/reopen': {
    check: gone({ method: 'POST', url: (n) => `${T}/${n}/reopen`, payload: { reason } }),
  },
  'POST /api/v1/console/tickets/:number/identification': {
    check: gone({
      method: 'POST',
      url: (n) => `${T}/${n}/identification`,
      payload: { walletNumber: '+79001112233', passport: '4510 987654' },
    }),
  },
  'POST /api/v1/console/tickets/:number/reveal': {
    check: gone({ method: 'POST', url: (n) => `${T}/${n}/reveal`, payload: { field: 'passport_data', reason } }),
  },
  'GET /api/v1/console/tickets/:number/canned': { check: gone({ url: (n) => `${T}/${n}/canned` }) },
  'GET /api/v1/console/tickets/:number/attachments/:id': {
    check: gone({ url: (n) => `${T}/${n}/attachments/00000000-0000-4000-8000-000000000000` }),
  },
  'GET /api/v1/console/tickets/:number/mail-origin': { check: gone({ url: (n) => `${T}/${n}/mail-origin` }) },
  // Audit browsing, mail admin, the consultant's unanswered questions
  'GET /api/v1/console/audit': {
    check: both(
      hidden({ url: '/api/v1/console/audit' }),
      hidden({ url: `/api/v1/console/audit?number=${encodeURIComponent(ids.secNumber)}` }),
    ),
  },
  'GET /api/v1/console/admin/mail': { check: hidden({ url: '/api/v1/console/admin/mail' }) },
  'GET /api/v1/console/admin/mail/:id': {
    check: async () => {
      // The security request's own letters, read by their ids.
      const rows = await t.ctx.handle.query<{ id: string }>('select id from outgoing_mail where ticket_id = $1', [ids.sec]);
      for (const r of rows.rows) await hidden({ url: `/api/v1/console/admin/mail/${r.id}` })();
    },
  },
  'POST /api/v1/console/admin/mail/:id/resend': {
    check: async () => {
      const rows = await t.ctx.handle.query<{ id: string }>('select id from outgoing_mail where ticket_id = $1', [ids.sec]);
      for (const r of rows.rows) await hidden({ method: 'POST', url: `/api/v1/console/admin/mail/${r.id}/resend` })();
    },
  },
  'GET /api/v1/console/admin/mailboxes': { notAboutRequests: 'mailbox settings, no requests' },
  'POST /api/v1/console/admin/mailboxes': { notAboutRequests: 'mailbox settings, no requests' },
  'PATCH /api/v1/console/admin/mailboxes/:id': { notAboutRequests: 'mailbox settings, no requests' },
  'GET /api/v1/console/kb/unanswered': {
    check: both(
      hidden({ url: '/api/v1/console/kb/unanswered' }),
      hidden({ url: '/api/v1/console/kb/unanswered?status=attached' }),
      hidden({ url: '/api/v1/console/kb/unanswered?status=needs_article' }),
    ),
  },
  'POST /api/v1/console/kb/unanswered/triage': { notAboutRequests: 'attaches consultant questions to articles; answers ok' },
  // Knowledge base, wiki, notices, settings, configuration
  'GET /api/v1/console/kb/sections': { notAboutRequests: KB },
  'GET /api/v1/console/kb/articles': { notAboutRequests: KB },
  'POST /api/v1/console/kb/articles': { notAboutRequests: KB },
  'GET /api/v1/console/kb/articles/:id': { notAboutRequests: KB },
  'PUT /api/v1/console/kb/articles/:id': { notAboutRequests: KB },
  'DELETE /api/v1/console/kb/articles/:id': { notAboutRequests: KB },
  'POST /api/v1/console/kb/articles/:id/publish': { notAboutRequests: KB },
  'GET /api/v1/console/kb/articles/:id/proposals': { notAboutRequests: KB },
  'POST /api/v1/console/kb/articles/:id/unpublish': { notAboutRequests: KB },
  'GET /api/v1/console/kb/articles/:id/revisions': { notAboutRequests: KB },
  'GET /api/v1/console/kb/articles/:id/revisions/:number/diff': { notAboutRequests: KB },
  'POST /api/v1/console/kb/articles/:id/revert': { notAboutRequests: KB },
  'POST /api/v1/console/kb/articles/:id/lock': { notAboutRequests: KB },
  'DELETE /api/v1/console/kb/articles/:id/lock': { notAboutRequests: KB },
  'POST /api/v1/console/kb/proposals/:id/accept': { notAboutRequests: KB },
  'POST /api/v1/console/kb/proposals/:id/reject': { notAboutRequests: KB },
  'GET /api/v1/console/kb/unhelpful': { notAboutRequests: 'articles voted unhelpful, no requests' },
  'GET /api/v1/console/admin/departments': { check: hidden({ url: '/api/v1/console/admin/departments' }) },
  'POST /api/v1/console/admin/departments': { notAboutRequests: ADMIN },
  'PATCH /api/v1/console/admin/departments/:id': { notAboutRequests: ADMIN },
  'PUT /api/v1/console/admin/departments/:id/members': { notAboutRequests: ADMIN },
  'GET /api/v1/console/admin/staff': { check: hidden({ url: '/api/v1/console/admin/staff' }) },
  'PATCH /api/v1/console/admin/staff/:id': { notAboutRequests: ADMIN },
  'GET /api/v1/console/admin/sla': { notAboutRequests: ADMIN },
  'PATCH /api/v1/console/admin/sla/policies/:id': { notAboutRequests: ADMIN },
  'PUT /api/v1/console/admin/sla/calendars/:id': { notAboutRequests: ADMIN },
  'GET /api/v1/console/admin/settings': { notAboutRequests: ADMIN },
  'PUT /api/v1/console/admin/settings/:key': { notAboutRequests: ADMIN },
  'DELETE /api/v1/console/admin/settings/:key': { notAboutRequests: ADMIN },
  'GET /api/v1/console/admin/canned': { notAboutRequests: ADMIN },
  'POST /api/v1/console/admin/canned': { notAboutRequests: ADMIN },
  'PATCH /api/v1/console/admin/canned/:id': { notAboutRequests: ADMIN },
  'GET /api/v1/console/admin/kb/synonyms': { notAboutRequests: KB },
  'POST /api/v1/console/admin/kb/synonyms': { notAboutRequests: KB },
  'PUT /api/v1/console/admin/kb/synonyms/:id': { notAboutRequests: KB },
  'DELETE /api/v1/console/admin/kb/synonyms/:id': { notAboutRequests: KB },
  'GET /api/v1/console/notices': { notAboutRequests: NOTICES },
  'POST /api/v1/console/notices': { notAboutRequests: NOTICES },
  'PUT /api/v1/console/notices/:id': { notAboutRequests: NOTICES },
  'DELETE /api/v1/console/notices/:id': { notAboutRequests: NOTICES },
  'GET /api/v1/console/wiki/proposals': { notAboutRequests: WIKI },
  'POST /api/v1/console/wiki/proposals/:id/accept': { notAboutRequests: WIKI },
  'POST /api/v1/console/wiki/proposals/:id/reject': { notAboutRequests: WIKI },
  'POST /api/v1/console/wiki/pages/:slug/revert': { notAboutRequests: WIKI },
  'POST /api/v1/console/wiki/pages/:slug/lock': { notAboutRequests: WIKI },
  'GET /api/v1/console/wiki/members': { notAboutRequests: WIKI },
  'PUT /api/v1/console/wiki/members/:customerId': { notAboutRequests: WIKI },
  'GET /api/v1/kb/search': { check: hidden({ url: `/api/v1/kb/search?q=${encodeURIComponent('ЗНАК-7741')}` }) },
  'GET /api/v1/kb/sections': { notAboutRequests: KB },
  'GET /api/v1/kb/sections/:slug': { notAboutRequests: KB },
  'GET /api/v1/kb/suggest': { notAboutRequests: KB },
  'GET /api/v1/kb/articles/:slug': { notAboutRequests: KB },
  'POST /api/v1/kb/articles/:slug/vote': { notAboutRequests: KB },
  'GET /api/v1/kb/popular': { notAboutRequests: KB },
  'POST /api/v1/bot/ask': { notAboutRequests: 'the consultant answers from help articles only' },
  'GET /api/v1/settings/public': { notAboutRequests: PUBLIC },
  'GET /api/v1/notices': { notAboutRequests: NOTICES },
  'GET /api/v1/notices/active': { notAboutRequests: NOTICES },
  'GET /notices.atom': { notAboutRequests: NOTICES },
  'GET /api/v1/wiki/pages': { notAboutRequests: WIKI },
  'POST /api/v1/wiki/pages': { notAboutRequests: WIKI },
  'GET /api/v1/wiki/pages/:slug': { notAboutRequests: WIKI },
  'PUT /api/v1/wiki/pages/:slug': { notAboutRequests: WIKI },
  'POST /api/v1/wiki/pages/:slug/proposals': { notAboutRequests: WIKI },
  'GET /api/v1/wiki/pages/:slug/revisions': { notAboutRequests: WIKI },
  'GET /api/v1/wiki/pages/:slug/revisions/:number': { notAboutRequests: WIKI },
  'GET /api/v1/wiki/proposals/mine': { notAboutRequests: WIKI },
  'GET /api/v1/wiki/me': { notAboutRequests: WIKI },
  'GET /api/openapi.json': { notAboutRequests: 'the API description' },
  'GET /healthz': { notAboutRequests: PUBLIC },
  'GET /readyz': { notAboutRequests: PUBLIC },
  'GET /metrics': { check: hidden({ url: '/metrics' }) },
  'GET /ws': { notAboutRequests: 'the realtime socket: its rooms have their own table below' },
};

/** Realtime rooms, by the source of each rule's pattern: who may join the security request's rooms. */
const ROOMS: Record<string, { room: () => string } | { notAboutRequests: string }> = {
  '^user:(staff|customer):([0-9a-f-]{36})$': { notAboutRequests: 'one’s own user room' },
  '^console$': { notAboutRequests: 'reference-data changes only (no request events are sent there)' },
  '^queues:([0-9a-f-]{36})$': { room: () => `queues:${ids.secDept}` },
  '^ticket:([0-9a-f-]{36})$': { room: () => `ticket:${ids.sec}` },
};

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const db = t.ctx.db;
  const op = await makeMember(db, ['operator'], [['first_line', 1]]);
  const sec = await makeMember(db, ['security_officer'], [['security', 2]]);
  ids.officerId = sec.id;
  operator = await t.signIn('staff', op.email, op.password);
  officer = await t.signIn('staff', sec.email, sec.password);
  const c = await makeCustomer(db);
  customer = await t.signIn('customer', c.email ?? '', c.password);
  const fileAs = async (slug: string, fields: Record<string, unknown>) => {
    const [leaf] = await db.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: h(customer),
      payload: { categoryId: leaf!.id, fields },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json().number as string;
  };
  ids.tsNumber = await fileAs('wallet-other', { description: 'Вопрос о кешбэке за октябрь, не начислился.' });
  ids.secNumber = await fileAs(
    'wallet-blocked',
    fillRequired((await leafForm(db, t.app, 'wallet-blocked')).fields, { passport_data: '4510 987654' }),
  );
  ids.secDept = await departmentId(db, 'security');
  ids.firstLine = await departmentId(db, 'first_line');
  await db.update(tickets).set({ departmentId: ids.secDept, subject: SEC_SUBJECT }).where(eq(tickets.number, ids.secNumber));
  await db.update(tickets).set({ departmentId: ids.firstLine }).where(eq(tickets.number, ids.tsNumber));
  const [row] = await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.number, ids.secNumber));
  ids.sec = row!.id;
  const [ts] = await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.number, ids.tsNumber));
  ids.ts = ts!.id;
  // The officer works it, so it has audit rows, a note and an answer to show up wherever they are listed.
  for (const [path, payload] of [
    ['take', undefined],
    ['notes', { body: `заметка по ${SEC_SUBJECT}` }],
    ['reply', { body: 'Проверяем ваш кошелёк.' }],
  ] as const) {
    const res = await call(officer, { method: 'POST', url: `${T}/${ids.secNumber}/${path}`, ...(payload ? { payload } : {}) });
    if (res.statusCode !== 200) throw new Error(`${path}: ${res.body}`);
  }
  await t.ctx.outbox.drain();
}, 120_000);
afterAll(async () => t?.dispose());

describe('visibility matrix: security-service requests', () => {
  it('has an entry for every route of the app, and none for a route that is gone', () => {
    const routes = listRoutes(t.app).map((r) => `${r.method} ${r.path}`);
    expect(routes.length).toBeGreaterThan(50);
    const missing = routes.filter((r) => !(r in TABLE));
    expect(missing, 'routes without an entry: add "check" or "notAboutRequests" with the reason').toEqual([]);
    const stale = Object.keys(TABLE).filter((k) => !routes.includes(k));
    expect(stale, 'entries for routes the app no longer has').toEqual([]);
  });

  it('the positive control: the security officer finds it in the list, and its workspace opens', async () => {
    const list = await call(officer, { url: `${T}?queue=mine&q=${encodeURIComponent(ids.secNumber)}` });
    expect(list.body).toContain(ids.secNumber);
    expect((await call(officer, { url: `${T}/${ids.secNumber}` })).statusCode).toBe(200);
    const earlier = (await call(officer, { url: `${T}/${ids.tsNumber}` })).json().customer.earlier as Array<{ number: string }>;
    expect(earlier.map((e) => e.number)).toContain(ids.secNumber);
  });

  it.each(Object.entries(TABLE).filter(([, e]) => 'check' in e))(
    '%s: invisible to a first-line operator',
    async (_key, entry) => {
      await (entry as { check: Check }).check();
    },
  );

  it('has an entry for every realtime room rule; the operator may join none of the security request’s rooms', async () => {
    const rules = [...BASE_ROOM_RULES, ...consoleRoomRules(t.ctx)].map((r) => r.pattern.source);
    expect(
      rules.filter((r) => !(r in ROOMS)),
      'room rules without an entry',
    ).toEqual([]);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const ask = (s: Session, room: string) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers: { cookie: s.cookie, origin: t.ctx.config.publicUrl } });
        ws.on('error', reject);
        ws.on('message', (raw) => {
          const m = JSON.parse(String(raw)) as Record<string, unknown>;
          if (m.type === 'ready') ws.send(JSON.stringify({ type: 'subscribe', room }));
          else {
            resolve(m);
            ws.close();
          }
        });
      });
    for (const [source, entry] of Object.entries(ROOMS)) {
      if (!('room' in entry)) continue;
      expect(await ask(operator, entry.room()), `operator joins ${source}`).toMatchObject({ type: 'error', code: 'FORBIDDEN' });
      expect(await ask(officer, entry.room()), `officer joins ${source}`).toMatchObject({ type: 'subscribed' });
    }
  });
});
