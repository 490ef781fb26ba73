import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, notices } from '../../db/schema';
import { createTestApp, type Session, type TestApp } from '../../test/app';
import { makeMember } from '../../test/staff';
import { activeNotices, listNotices, noticeState } from './notices.service';

let t: TestApp;
let admin: Session;
let supervisor: Session;
let operator: Session;
const h = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });
const text = (s: string) => ({ ru: `${s} (ru)`, uk: `${s} (uk)`, en: `${s} (en)` });
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await createTestApp();
  const sign = async (roles: Parameters<typeof makeMember>[1]) => {
    const m = await makeMember(t.ctx.db, roles, []);
    return t.signIn('staff', m.email, m.password);
  };
  admin = await sign(['admin']);
  supervisor = await sign(['supervisor']);
  operator = await sign(['operator']);
});
afterAll(async () => t?.dispose());
beforeEach(async () => {
  await t.ctx.db.delete(notices);
});

async function insert(startsAt: Date, endsAt: Date | null, extra: Partial<typeof notices.$inferInsert> = {}) {
  const [row] = await t.ctx.db
    .insert(notices)
    .values({ severity: 'maintenance', audience: 'all', startsAt, endsAt, title: text('Работы'), body: text('Текст'), ...extra })
    .returning();
  return row!;
}

describe('notice window', () => {
  it('is active from its start inclusive to its end exclusive', async () => {
    const start = new Date('2026-03-01T10:00:00Z');
    const end = new Date('2026-03-01T12:00:00Z');
    const n = await insert(start, end);
    const at = async (d: Date) => (await activeNotices(t.ctx.db, { audience: 'customer', now: d })).map((r) => r.id);
    expect(await at(new Date(start.getTime() - 1))).toEqual([]);
    expect(await at(start)).toEqual([n.id]);
    expect(await at(new Date(end.getTime() - 1))).toEqual([n.id]);
    expect(await at(end)).toEqual([]);
    expect(noticeState(n, start)).toBe('current');
    expect(noticeState(n, end)).toBe('past');
    expect(noticeState(n, new Date(start.getTime() - 1))).toBe('upcoming');
  });

  it('keeps an open-ended outage active, and shows an upcoming notice only in the list', async () => {
    const now = new Date('2026-03-01T10:00:00Z');
    const open = await insert(new Date(now.getTime() - HOUR), null, { severity: 'outage' });
    const upcoming = await insert(new Date(now.getTime() + HOUR), new Date(now.getTime() + 2 * HOUR));
    const active = await activeNotices(t.ctx.db, { audience: 'customer', now });
    expect(active.map((r) => r.id)).toEqual([open.id]);
    const list = await listNotices(t.ctx.db, { state: 'upcoming', page: 1, pageSize: 10, now });
    expect(list.rows.map((r) => r.id)).toEqual([upcoming.id]);
  });

  it('shows agents only agent and all notices, customers only customer and all', async () => {
    const now = new Date();
    const forAgents = await insert(new Date(now.getTime() - HOUR), null, { audience: 'agent' });
    const forAll = await insert(new Date(now.getTime() - HOUR), null, { audience: 'all' });
    const forCustomers = await insert(new Date(now.getTime() - HOUR), null, { audience: 'customer' });
    const res = await t.app.inject({ url: '/api/v1/notices/active?audience=agent&locale=uk' });
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((i: { id: string }) => i.id);
    expect(ids).toHaveLength(2);
    expect(ids).toEqual(expect.arrayContaining([forAgents.id, forAll.id]));
    expect(res.json().items[0].title).toMatch(/\(uk\)$/);
    const cust = (await t.app.inject({ url: '/api/v1/notices/active' })).json().items.map((i: { id: string }) => i.id);
    expect(cust).toEqual(expect.arrayContaining([forCustomers.id, forAll.id]));
    expect(cust).not.toContain(forAgents.id);
  });
});

describe('notices API', () => {
  const body = (start: Date, end: Date | null) => ({
    severity: 'maintenance',
    audience: 'customer',
    startsAt: start.toISOString(),
    endsAt: end?.toISOString() ?? null,
    title: text('Плановые работы'),
    body: text('Платежи через терминалы могут задерживаться.'),
  });

  it('lets supervisors and admins create, edit and delete notices, audited; not operators or customers', async () => {
    const now = Date.now();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/console/notices',
      headers: h(supervisor),
      payload: body(new Date(now - HOUR), new Date(now + HOUR)),
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().state).toBe('current');
    const id = created.json().id as string;
    const edited = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/console/notices/${id}`,
      headers: h(admin),
      payload: body(new Date(now + HOUR), new Date(now + 2 * HOUR)),
    });
    expect(edited.json().state).toBe('upcoming');
    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/v1/console/notices',
      headers: h(operator),
      payload: body(new Date(now), null),
    });
    expect(denied.statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/console/notices', payload: body(new Date(now), null) })).statusCode,
    ).toBe(401);
    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/console/notices/${id}`, headers: h(admin) });
    expect(del.statusCode).toBe(204);
    const actions = (await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, id))).map((a) => a.action);
    expect(actions.sort()).toEqual(['notice.create', 'notice.delete', 'notice.update']);
  });

  it('refuses an end before or at the start, naming the field', async () => {
    const start = new Date('2026-04-01T10:00:00Z');
    for (const end of [start, new Date(start.getTime() - 1)]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/console/notices',
        headers: h(admin),
        payload: body(start, end),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.json().error)).toContain('endsAt');
    }
  });

  it('pages the public list by state', async () => {
    const now = Date.now();
    for (let i = 1; i <= 3; i++) await insert(new Date(now - (i + 1) * HOUR * 24), new Date(now - i * HOUR * 24));
    const first = (await t.app.inject({ url: '/api/v1/notices?state=past&pageSize=2' })).json();
    expect(first.total).toBe(3);
    expect(first.items).toHaveLength(2);
    const second = (await t.app.inject({ url: '/api/v1/notices?state=past&pageSize=2&page=2' })).json();
    expect(second.items).toHaveLength(1);
    expect(first.items[0].startsAt > first.items[1].startsAt).toBe(true);
  });
});

describe('Atom feed', () => {
  it('is well-formed Atom 1.0 with escaped text, tag: ids and updated, per locale', async () => {
    const n = await insert(new Date(Date.now() - HOUR), null, {
      severity: 'outage',
      title: { ru: 'Сбой <платежей> & "переводов"', uk: 'Збій платежів', en: 'Payments <down> & out' },
    });
    const res = await t.app.inject({ url: '/notices.atom?locale=en' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/atom+xml');
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level, msg) => void errors.push(`${level}: ${msg}`) }).parseFromString(
      res.body,
      'application/xml',
    );
    expect(errors).toEqual([]);
    const feed = doc.documentElement!;
    expect(feed.namespaceURI).toBe('http://www.w3.org/2005/Atom');
    expect(feed.localName).toBe('feed');
    const child = (el: XmlElement, name: string) =>
      Array.from(el.childNodes).find((c) => (c as XmlElement).localName === name) as XmlElement;
    expect(child(feed, 'id').textContent).toMatch(/^tag:[^,]+,2026:notices\/en$/);
    expect(child(feed, 'title').textContent).toMatch(/: Maintenance and outage notices$/);
    expect(Number.isNaN(Date.parse(child(feed, 'updated').textContent ?? ''))).toBe(false);
    const entries = Array.from(doc.getElementsByTagName('entry'));
    expect(entries).toHaveLength(1);
    expect(child(entries[0]!, 'id').textContent).toBe(`tag:localhost,2026:notice/${n.id}`);
    expect(child(entries[0]!, 'title').textContent).toBe('Outage: Payments <down> & out');
    expect(child(entries[0]!, 'updated').textContent).toBe(n.updatedAt.toISOString());

    const ru = await t.app.inject({ url: '/notices.atom' });
    expect(ru.body).toContain('Сбой &lt;платежей&gt; &amp; &quot;переводов&quot;');
    expect(ru.body).toContain(': Уведомления о работах и сбоях</title>');
    expect(ru.body).toContain('label="Сбой"');
    expect(new DOMParser().parseFromString(ru.body, 'application/xml').getElementsByTagName('title')[1]?.textContent).toContain(
      'Сбой <платежей> & "переводов"',
    );
  });
});
