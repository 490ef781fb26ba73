import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, kbArticles, kbVotes, outboxEvents } from '../../db/schema';
import { createTestApp, type Session, type TestApp } from '../../test/app';
import { makeCustomer, makeStaff } from '../../test/factories';
import { lineDiff } from './kb.diff';
import { fieldProblems } from '../../test/issues';

let t: TestApp;
let admin: Session;
let supervisor: Session;
let operator: Session;
const auth = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });
const visitor = (id: string, ip = '10.0.0.1') => ({ cookie: `pd_visitor=${id.padEnd(24, 'x')}`, 'x-forwarded-for': ip });
const idOf = async (slug: string, locale = 'ru') =>
  (await t.ctx.db.select({ id: kbArticles.id }).from(kbArticles).where(eq(kbArticles.slug, slug))).length
    ? (
        await t.ctx.db.select({ id: kbArticles.id, locale: kbArticles.locale }).from(kbArticles).where(eq(kbArticles.slug, slug))
      ).find((r) => r.locale === locale)!.id
    : '';
const article = (slug: string, query = 'locale=ru', headers: Record<string, string> = {}) =>
  t.app.inject({ url: `/api/v1/kb/articles/${slug}?${query}`, headers });
const newArticle = (slug: string, extra: Record<string, unknown> = {}) => ({
  slug,
  locale: 'ru',
  title: 'Как вернуть платёж',
  summary: 'Коротко: напишите в поддержку, приложите чек.',
  body: 'Шаг 1\nШаг 2\nШаг 3',
  tags: ['возврат'],
  section: 'wallet-payments',
  audience: 'customer',
  categories: [],
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp({ seed: true, env: { TRUST_PROXY: 'true' } });
  const a = await makeStaff(t.ctx.db, { roles: ['admin'], name: 'Админ' });
  const s = await makeStaff(t.ctx.db, { roles: ['supervisor'], name: 'Старший' });
  const o = await makeStaff(t.ctx.db, { roles: ['operator'] });
  admin = await t.signIn('staff', a.email, a.password);
  supervisor = await t.signIn('staff', s.email, s.password);
  operator = await t.signIn('staff', o.email, o.password);
});
afterAll(async () => t?.dispose());

describe('reading the help centre', () => {
  it('shows the section tree without agents’ sections to customers', async () => {
    const items = (await t.app.inject('/api/v1/kb/sections?locale=ru')).json().items as Array<{
      slug: string;
      children: unknown[];
    }>;
    expect(items.map((s) => s.slug)).toEqual(['wallet', 'terminals', 'security', 'support']);
    expect(items[0]!.children.length).toBe(4);
    const agents = (await t.app.inject('/api/v1/kb/sections?locale=ru&audience=agent')).json().items as Array<{ slug: string }>;
    expect(agents.map((s) => s.slug)).toContain('agents');
  });

  it('gives a section with its articles and trail', async () => {
    const res = await t.app.inject('/api/v1/kb/sections/wallet-access?locale=ru');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.trail.map((s: { slug: string }) => s.slug)).toEqual(['wallet', 'wallet-access']);
    expect(body.articles.map((a: { slug: string }) => a.slug)).toContain('wallet-blocked');
    expect((await t.app.inject('/api/v1/kb/sections/agents?locale=ru')).statusCode).toBe(404);
  });

  it('gives an article with related ones and the category to write to', async () => {
    const res = await article('wallet-blocked', 'locale=ru', visitor('reader-1'));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ slug: 'wallet-blocked', locale: 'ru', fallback: false, myVote: null });
    expect(body.summary.length).toBeGreaterThan(20);
    expect(body.related.length).toBeGreaterThan(0);
    expect(body.related.map((r: { slug: string }) => r.slug)).not.toContain('wallet-blocked');
    expect(body.contact).toMatchObject({ audience: 'customer', path: ['wallet', 'wallet-blocked'] });
  });

  it('falls back to Russian with a flag when the language has no variant', async () => {
    const ru = await t.ctx.db.select({ slug: kbArticles.slug, locale: kbArticles.locale }).from(kbArticles);
    const onlyRu = ru.find((r) => r.locale === 'ru' && !ru.some((o) => o.slug === r.slug && o.locale === 'en'))!.slug;
    const body = (await article(onlyRu, 'locale=en')).json();
    expect(body).toMatchObject({ locale: 'ru', requestedLocale: 'en', fallback: true });
    const uk = (await article('wallet-blocked', 'locale=uk')).json();
    expect(uk).toMatchObject({ locale: 'uk', fallback: false });
  });

  it('hides agents’ articles from customers and shows them to agents', async () => {
    expect((await article('agent-support')).statusCode).toBe(404);
    expect((await article('agent-support', 'locale=ru&audience=agent')).statusCode).toBe(200);
  });

  it('counts a view once per visitor and address within the window', async () => {
    const views = async () =>
      (
        await t.ctx.db
          .select({ v: kbArticles.viewCount })
          .from(kbArticles)
          .where(eq(kbArticles.id, await idOf('login-problems')))
      )[0]!.v;
    const before = await views();
    await article('login-problems', 'locale=ru', visitor('viewer-a', '10.1.1.1'));
    await article('login-problems', 'locale=ru', visitor('viewer-a', '10.1.1.1'));
    await article('login-problems', 'locale=ru', visitor('viewer-a', '10.1.1.2')); // same visitor, new address
    await article('login-problems', 'locale=ru', visitor('viewer-b', '10.1.1.1')); // same address
    expect(await views()).toBe(before + 1);
    await article('login-problems', 'locale=ru', visitor('viewer-c', '10.1.1.3'));
    expect(await views()).toBe(before + 2);
  });
});

describe('votes and popular', () => {
  const voteOn = (slug: string, who: Record<string, string>, payload: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/kb/articles/${slug}/vote`,
      headers: who,
      payload: { locale: 'ru', ...payload },
    });

  it('keeps one vote per visitor, changeable, with a comment', async () => {
    const who = visitor('voter-1', '10.2.0.1');
    let res = await voteOn('pin-recovery', who, { helpful: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ helpful: true, yes: 1, no: 0 });
    res = await voteOn('pin-recovery', who, { helpful: true });
    expect(res.json()).toMatchObject({ yes: 1, no: 0 });
    res = await voteOn('pin-recovery', who, { helpful: false, comment: '  Не нашёл, где сменить ПИН  ' });
    expect(res.json()).toMatchObject({ helpful: false, comment: 'Не нашёл, где сменить ПИН', yes: 0, no: 1 });
    res = await voteOn('pin-recovery', visitor('voter-2', '10.2.0.2'), { helpful: false });
    expect(res.json()).toMatchObject({ yes: 0, no: 2 });
    expect((await article('pin-recovery', 'locale=ru', who)).json().myVote).toEqual({
      helpful: false,
      comment: 'Не нашёл, где сменить ПИН',
    });
  });

  it('keeps a passport or card number typed into a comment only as its mask', async () => {
    const res = await voteOn('login-problems', visitor('voter-pii', '10.2.0.9'), {
      helpful: false,
      comment: 'Не помогло. Мой паспорт 4510 987654, карта 4111 1111 1111 1111',
    });
    expect(res.statusCode).toBe(200);
    const stored = await t.ctx.db.select({ comment: kbVotes.comment }).from(kbVotes);
    const text = JSON.stringify([res.json(), stored]);
    expect(text).not.toMatch(/987654|4111 1111 1111/);
    expect(res.json().comment).toMatch(/^Не помогло\. Мой паспорт /);
  });

  it('keeps one vote per signed-in customer whatever the browser', async () => {
    const c = await makeCustomer(t.ctx.db);
    const s = await t.signIn('customer', c.email!, c.password);
    const res1 = await voteOn('statement-order', { ...auth(s), 'x-forwarded-for': '10.3.0.1' }, { helpful: true });
    expect(res1.json()).toMatchObject({ yes: 1 });
    const res2 = await voteOn('statement-order', { ...auth(s), 'x-forwarded-for': '10.3.0.2' }, { helpful: true });
    expect(res2.json()).toMatchObject({ yes: 1, no: 0 });
  });

  it('lists the unhelpful ones with comments for authors only', async () => {
    expect((await t.app.inject({ url: '/api/v1/console/kb/unhelpful', headers: auth(operator) })).statusCode).toBe(403);
    const res = await t.app.inject({ url: '/api/v1/console/kb/unhelpful', headers: auth(supervisor) });
    expect(res.statusCode).toBe(200);
    const first = res.json().items[0];
    expect(first).toMatchObject({ slug: 'pin-recovery', no: 2 });
    expect(first.comments[0].comment).toBe('Не нашёл, где сменить ПИН');
  });

  it('orders popular by views and votes', async () => {
    for (let i = 0; i < 3; i += 1) await article('card-linking', 'locale=ru', visitor(`pop-${i}`, `10.4.0.${i}`));
    await voteOn('card-linking', visitor('pop-0', '10.4.0.0'), { helpful: true });
    const items = (await t.app.inject('/api/v1/kb/popular?locale=ru&limit=5')).json().items as Array<{ slug: string }>;
    expect(items[0]!.slug).toBe('card-linking');
    // pin-recovery: viewed once, two "no" votes: below articles nobody has read.
    const all = (await t.app.inject('/api/v1/kb/popular?locale=ru&limit=20')).json().items as Array<{ slug: string }>;
    expect(all.map((a) => a.slug)).not.toContain('pin-recovery');
  });
});

describe('authoring', () => {
  it('lets operators read but not edit; admins and supervisors edit', async () => {
    expect(
      (await t.app.inject({ url: '/api/v1/console/kb/articles?section=wallet-access', headers: auth(operator) })).statusCode,
    ).toBe(200);
    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/v1/console/kb/articles',
      headers: auth(operator),
      payload: newArticle('refund-howto'),
    });
    expect(denied.statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/console/kb/articles' })).statusCode).toBe(401);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/console/kb/articles',
      headers: auth(admin),
      payload: newArticle('refund-howto'),
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ revision: 1, status: 'draft' });
  });

  it('keeps drafts from the public until published, emitting kb.article_saved each time', async () => {
    const id = await idOf('refund-howto');
    expect((await article('refund-howto')).statusCode).toBe(404);
    const list = (
      await t.app.inject({ url: '/api/v1/console/kb/articles?status=draft&q=refund', headers: auth(operator) })
    ).json();
    expect(list.items.map((i: { slug: string }) => i.slug)).toEqual(['refund-howto']);
    await t.app.inject({ method: 'POST', url: `/api/v1/console/kb/articles/${id}/publish`, headers: auth(supervisor) });
    expect((await article('refund-howto')).statusCode).toBe(200);
    await t.app.inject({ method: 'POST', url: `/api/v1/console/kb/articles/${id}/unpublish`, headers: auth(supervisor) });
    expect((await article('refund-howto')).statusCode).toBe(404);
    const events = await t.ctx.db.select().from(outboxEvents).where(eq(outboxEvents.aggregateId, id));
    expect(events.map((e) => [e.type, e.aggregateType, (e.payload as { action: string }).action])).toEqual([
      ['kb.article_saved', 'kb_article', 'create'],
      ['kb.article_saved', 'kb_article', 'publish'],
      ['kb.article_saved', 'kb_article', 'unpublish'],
    ]);
    const audits = await t.ctx.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['kb.create', 'kb.publish', 'kb.unpublish']));
  });

  it('makes every save a revision, shows the diff and reverts as a new revision', async () => {
    const id = await idOf('refund-howto');
    const save = (revision: number, body: string) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/console/kb/articles/${id}`,
        headers: auth(admin),
        payload: { ...newArticle('refund-howto'), revision, body },
      });
    expect((await save(1, 'Шаг 1\nШаг 2 исправлен\nШаг 3')).json()).toMatchObject({ revision: 2 });
    expect((await save(2, 'Шаг 1\nШаг 2 исправлен\nШаг 3\nШаг 4')).json()).toMatchObject({ revision: 3 });
    const diff = (
      await t.app.inject({ url: `/api/v1/console/kb/articles/${id}/revisions/2/diff`, headers: auth(operator) })
    ).json();
    expect(diff.body).toEqual([
      { op: 'same', text: 'Шаг 1' },
      { op: 'del', text: 'Шаг 2' },
      { op: 'add', text: 'Шаг 2 исправлен' },
      { op: 'same', text: 'Шаг 3' },
    ]);
    const reverted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/console/kb/articles/${id}/revert`,
      headers: auth(admin),
      payload: { number: 1, revision: 3 },
    });
    expect(reverted.json()).toMatchObject({ revision: 4 });
    const detail = (await t.app.inject({ url: `/api/v1/console/kb/articles/${id}`, headers: auth(admin) })).json();
    expect(detail.body).toBe('Шаг 1\nШаг 2\nШаг 3');
    const revisions = (await t.app.inject({ url: `/api/v1/console/kb/articles/${id}/revisions`, headers: auth(admin) })).json();
    expect(revisions.items.map((r: { number: number; action: string }) => `${r.number}:${r.action}`)).toEqual([
      '4:revert',
      '3:edit',
      '2:edit',
      '1:create',
    ]);
    expect(revisions.items[0]).toMatchObject({ revertedFrom: 1, author: { name: 'Админ' } });
  });

  it('answers 409 KB_REVISION_STALE to a save from an old revision', async () => {
    const id = await idOf('refund-howto');
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/console/kb/articles/${id}`,
      headers: auth(supervisor),
      payload: { ...newArticle('refund-howto'), revision: 2, body: 'Чужая правка' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'KB_REVISION_STALE', details: { current: 4, yours: 2 } });
  });

  it('lets only the locker or an admin edit a locked article', async () => {
    const id = await idOf('wallet-blocked');
    const detail = (await t.app.inject({ url: `/api/v1/console/kb/articles/${id}`, headers: auth(admin) })).json();
    expect(detail.revision).toBe(1); // seeded
    const lock = await t.app.inject({ method: 'POST', url: `/api/v1/console/kb/articles/${id}/lock`, headers: auth(supervisor) });
    expect(lock.json().lock).toMatchObject({ name: 'Старший' });
    const payload = { ...detail, revision: 1, summary: `${detail.summary} Уточнение.` };
    delete payload.id;
    for (const k of [
      'slug',
      'locale',
      'status',
      'views',
      'yes',
      'no',
      'publishedAt',
      'updatedAt',
      'updatedBy',
      'lock',
      'variants',
    ])
      delete payload[k];
    const other = await makeStaff(t.ctx.db, { roles: ['supervisor'] });
    const s2 = await t.signIn('staff', other.email, other.password);
    const blocked = await t.app.inject({ method: 'PUT', url: `/api/v1/console/kb/articles/${id}`, headers: auth(s2), payload });
    expect(blocked.statusCode).toBe(423);
    expect(blocked.json().error).toMatchObject({ code: 'KB_ARTICLE_LOCKED', details: { lockedBy: 'Старший' } });
    // The lock covers the other languages too.
    const ukBlocked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/console/kb/articles/${await idOf('wallet-blocked', 'uk')}/publish`,
      headers: auth(s2),
    });
    expect(ukBlocked.statusCode).toBe(423);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/console/kb/articles/${id}/lock`, headers: auth(s2) })).statusCode,
    ).toBe(423);
    const own = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/console/kb/articles/${id}`,
      headers: auth(supervisor),
      payload,
    });
    expect(own.json()).toMatchObject({ revision: 2 });
    const byAdmin = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/console/kb/articles/${id}`,
      headers: auth(admin),
      payload: { ...payload, revision: 2, summary: detail.summary },
    });
    expect(byAdmin.json()).toMatchObject({ revision: 3 });
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/console/kb/articles/${id}/lock`, headers: auth(admin) })).json(),
    ).toEqual({ lock: null });
  });

  it('refuses unknown sections and duplicate variants with clear codes', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/console/kb/articles',
      headers: auth(admin),
      payload: newArticle('x-new', { section: 'nowhere', categories: ['no-such-category'] }),
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldProblems(bad.json())).toMatchObject({
      section: { code: 'unknown_section' },
      categories: { code: 'unknown_category' },
    });
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/console/kb/articles',
      headers: auth(admin),
      payload: newArticle('wallet-blocked'),
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details).toMatchObject({ reason: 'slug_taken' });
  });

  it('adds a language variant and keeps the article’s section in step across variants', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/console/kb/articles',
      headers: auth(admin),
      payload: newArticle('refund-howto', { locale: 'uk', title: 'Як повернути платіж', section: 'support' }),
    });
    expect(res.statusCode).toBe(201);
    const rows = await t.ctx.db
      .select({ section: kbArticles.section })
      .from(kbArticles)
      .where(eq(kbArticles.slug, 'refund-howto'));
    expect(rows.map((r) => r.section)).toEqual(['support', 'support']);
  });

  it('deletes a variant and tells search', async () => {
    const id = await idOf('refund-howto', 'uk');
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/console/kb/articles/${id}`, headers: auth(admin) })).statusCode,
    ).toBe(204);
    const events = await t.ctx.db.select().from(outboxEvents).where(eq(outboxEvents.aggregateId, id));
    expect(events.at(-1)?.payload).toMatchObject({ action: 'delete', deleted: true });
    expect((await t.app.inject({ url: `/api/v1/console/kb/articles/${id}`, headers: auth(admin) })).statusCode).toBe(404);
  });
});

describe('lineDiff', () => {
  it('marks added and removed lines and keeps the rest', () => {
    expect(lineDiff('a\nb\nc', 'a\nc\nd')).toEqual([
      { op: 'same', text: 'a' },
      { op: 'del', text: 'b' },
      { op: 'same', text: 'c' },
      { op: 'add', text: 'd' },
    ]);
    expect(lineDiff('', 'x')).toEqual([{ op: 'add', text: 'x' }]);
  });
});
