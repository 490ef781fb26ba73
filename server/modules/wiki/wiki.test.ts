import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, customers, wikiMembers, wikiPages, wikiProposals, wikiRevisions } from '../../db/schema';
import { createTestApp, type Session, type TestApp } from '../../test/app';
import { makeCustomer } from '../../test/factories';
import { fieldProblems } from '../../test/issues';
import { makeMember } from '../../test/staff';

let t: TestApp;
let moderator: Session;
let admin: Session;
let operator: Session;
let level1: Session;
let level3: Session;
let level1Id: string;
let level3Id: string;
const h = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });
const DAY = 86_400_000;

/** A customer whose account is `ageDays` old, with a wiki record. */
async function member(ageDays: number, record: { identityVerified?: boolean; levelOverride?: number | null }) {
  const c = await makeCustomer(t.ctx.db);
  await t.ctx.db
    .update(customers)
    .set({ createdAt: new Date(Date.now() - ageDays * DAY) })
    .where(eq(customers.id, c.id));
  await t.ctx.db.insert(wikiMembers).values({
    customerId: c.id,
    identityVerified: record.identityVerified ?? false,
    levelOverride: record.levelOverride ?? null,
  });
  return { id: c.id, session: await t.signIn('customer', c.email!, c.password) };
}

async function newPage(slug: string, body = 'Первый текст страницы для проверки.') {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/wiki/pages',
    headers: h(moderator),
    payload: { slug, title: `Страница ${slug}`, body },
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

const edit = (s: Session, slug: string, baseRevision: number, body: string, url = `/api/v1/wiki/pages/${slug}`) =>
  t.app.inject({
    method: url.endsWith('/proposals') ? 'POST' : 'PUT',
    url,
    headers: h(s),
    payload: { title: `Страница ${slug}`, body, baseRevision, summary: 'уточнение' },
  });

beforeAll(async () => {
  t = await createTestApp();
  const sign = async (roles: Parameters<typeof makeMember>[1]) => {
    const m = await makeMember(t.ctx.db, roles, []);
    return t.signIn('staff', m.email, m.password);
  };
  moderator = await sign(['supervisor']);
  admin = await sign(['admin']);
  operator = await sign(['operator']);
  const one = await member(3, {});
  const three = await member(400, { identityVerified: true, levelOverride: 3 });
  level1 = one.session;
  level1Id = one.id;
  level3 = three.session;
  level3Id = three.id;
});
afterAll(async () => t?.dispose());

describe('wiki level gating', () => {
  it('tells each viewer what they may do', async () => {
    await newPage('gating-view');
    const anon = (await t.app.inject({ url: '/api/v1/wiki/pages/gating-view' })).json().viewer;
    expect(anon).toMatchObject({ kind: 'anonymous', canEdit: false, canPropose: false });
    const one = (await t.app.inject({ url: '/api/v1/wiki/pages/gating-view', headers: h(level1) })).json().viewer;
    expect(one).toMatchObject({ kind: 'customer', level: 1, editLevel: 3, canEdit: false, canPropose: true });
    const three = (await t.app.inject({ url: '/api/v1/wiki/pages/gating-view', headers: h(level3) })).json().viewer;
    expect(three).toMatchObject({ level: 3, canEdit: true });
  });

  it('refuses a level-1 edit with WIKI_LEVEL_TOO_LOW, takes their proposal, and saves a level-3 edit as a revision', async () => {
    await newPage('gating-edit');
    const refused = await edit(level1, 'gating-edit', 1, 'Правка участника первого уровня.');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'WIKI_LEVEL_TOO_LOW', details: { level: 1, required: 3 } });

    const proposed = await edit(level1, 'gating-edit', 1, 'Предложение участника.', '/api/v1/wiki/pages/gating-edit/proposals');
    expect(proposed.statusCode).toBe(201);
    const mine = (await t.app.inject({ url: '/api/v1/wiki/proposals/mine', headers: h(level1) })).json();
    expect(mine.items.map((p: { id: string }) => p.id)).toContain(proposed.json().id);

    const saved = await edit(level3, 'gating-edit', 1, 'Правка участника третьего уровня.');
    expect(saved.statusCode).toBe(200);
    expect(saved.json().revision).toBe(2);
    const history = (await t.app.inject({ url: '/api/v1/wiki/pages/gating-edit/revisions' })).json().items;
    expect(history.map((r: { number: number; kind: string }) => [r.number, r.kind])).toEqual([
      [2, 'edit'],
      [1, 'create'],
    ]);
  });

  it('keeps passport and card numbers typed into a page or a proposal only as masks', async () => {
    await newPage('pii-page', 'Мой паспорт 4510 121212, карта 4111 1111 1111 1111 — не пишите так.');
    const proposed = await edit(
      level1,
      'pii-page',
      1,
      'Предложение: паспорт 4510 343434 и карта 5555 5555 5555 4444.',
      '/api/v1/wiki/pages/pii-page/proposals',
    );
    expect(proposed.statusCode).toBe(201);
    const saved = await edit(level3, 'pii-page', 1, 'Правка: паспорт 4510 565656.');
    expect(saved.statusCode).toBe(200);
    const answers = [
      (await t.app.inject({ url: '/api/v1/wiki/pages/pii-page' })).body,
      (await t.app.inject({ url: '/api/v1/wiki/pages/pii-page/revisions' })).body,
      (await t.app.inject({ url: '/api/v1/wiki/proposals/mine', headers: h(level1) })).body,
    ].join('\n');
    const stored = JSON.stringify([
      await t.ctx.db.select().from(wikiPages).where(eq(wikiPages.slug, 'pii-page')),
      await t.ctx.db.select().from(wikiRevisions),
      await t.ctx.db.select().from(wikiProposals),
    ]);
    for (const n of ['4510 121212', '4111 1111 1111 1111', '4510 343434', '5555 5555 5555 4444', '4510 565656']) {
      for (const form of [n, n.replace(/\D/g, '')]) {
        expect(answers, form).not.toContain(form);
        expect(stored, form).not.toContain(form);
      }
    }
    // The text around the numbers stays, with the masks in their place.
    expect(answers).toContain('Правка: паспорт •••• ••••56.');
  });

  it('follows the configured edit level', async () => {
    await newPage('gating-setting');
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/console/admin/settings/wiki',
      headers: h(admin),
      payload: { editLevel: 1, proposeLevel: 0 },
    });
    expect(put.statusCode).toBe(200);
    try {
      expect((await edit(level1, 'gating-setting', 1, 'Теперь можно править с первого уровня.')).statusCode).toBe(200);
    } finally {
      await t.app.inject({ method: 'DELETE', url: '/api/v1/console/admin/settings/wiki', headers: h(admin) });
    }
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/console/admin/settings/wiki',
      headers: h(admin),
      payload: { editLevel: 2, proposeLevel: 3 },
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldProblems(bad.json()).proposeLevel?.message).toBe('уровень для предложений не может быть выше уровня для правки');
  });

  it('answers 409 STALE_REVISION to an edit made on an old revision, saving nothing', async () => {
    await newPage('stale');
    expect((await edit(level3, 'stale', 1, 'Первая правка поверх первой версии.')).statusCode).toBe(200);
    const stale = await edit(level3, 'stale', 1, 'Вторая правка, тоже с первой версии.');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'STALE_REVISION', details: { currentRevision: 2 } });
    expect((await t.app.inject({ url: '/api/v1/wiki/pages/stale' })).json().page.body).toBe(
      'Первая правка поверх первой версии.',
    );
  });

  it('does not let an operator write the wiki, nor a member reach the console', async () => {
    await newPage('perm');
    expect((await edit(operator, 'perm', 1, 'Оператор пытается править.')).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/console/wiki/proposals', headers: h(level3) })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/console/wiki/proposals', headers: h(operator) })).statusCode).toBe(403);
    expect((await edit(level3, 'perm', 1, 'Без входа.', '/api/v1/wiki/pages/perm')).statusCode).toBe(200);
    const anon = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/wiki/pages/perm',
      payload: { title: 'Страница perm', body: 'Аноним пробует править.', baseRevision: 2 },
    });
    expect(anon.statusCode).toBe(401);
  });
});

describe('wiki moderation', () => {
  it('accepts a proposal as a revision authored by the member, and rejects another with a reason', async () => {
    await newPage('moderate');
    const a = (await edit(level1, 'moderate', 1, 'Хорошее предложение.', '/api/v1/wiki/pages/moderate/proposals')).json();
    const b = (await edit(level1, 'moderate', 1, 'Спорное предложение.', '/api/v1/wiki/pages/moderate/proposals')).json();
    const queue = (await t.app.inject({ url: '/api/v1/console/wiki/proposals', headers: h(moderator) })).json();
    const item = queue.items.find((p: { id: string }) => p.id === a.id);
    expect(item.diff).toContainEqual({ op: 'add', text: 'Хорошее предложение.' });
    expect(item.diff).toContainEqual({ op: 'del', text: 'Первый текст страницы для проверки.' });

    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/console/wiki/proposals/${a.id}/accept`,
      headers: h(moderator),
    });
    expect(accepted.json()).toMatchObject({ status: 'accepted', revisionNumber: 2 });
    const rev = (await t.app.inject({ url: '/api/v1/wiki/pages/moderate/revisions/2' })).json();
    expect(rev.revision).toMatchObject({
      kind: 'proposal',
      author: 'Тестовый Клиент',
      byModerator: true,
      body: 'Хорошее предложение.',
    });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/console/wiki/proposals/${a.id}/accept`,
      headers: h(moderator),
    });
    expect(again.statusCode).toBe(409);

    const noReason = await t.app.inject({
      method: 'POST',
      url: `/api/v1/console/wiki/proposals/${b.id}/reject`,
      headers: h(moderator),
      payload: { reason: '' },
    });
    expect(noReason.statusCode).toBe(400);
    const rejected = await t.app.inject({
      method: 'POST',
      url: `/api/v1/console/wiki/proposals/${b.id}/reject`,
      headers: h(moderator),
      payload: { reason: 'Противоречит официальной статье' },
    });
    expect(rejected.json().status).toBe('rejected');
    const mine = (await t.app.inject({ url: '/api/v1/wiki/proposals/mine', headers: h(level1) })).json().items;
    expect(mine.find((p: { id: string }) => p.id === b.id)).toMatchObject({
      status: 'rejected',
      reason: 'Противоречит официальной статье',
    });
    const audit = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'wiki.proposal.accept'));
    expect(audit.length).toBeGreaterThan(0);
  });

  it('reverts to an earlier revision as a new revision, with a diff', async () => {
    await newPage('revert');
    await edit(level3, 'revert', 1, 'Испорченный текст.');
    const reverted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/console/wiki/pages/revert/revert',
      headers: h(moderator),
      payload: { toRevision: 1, reason: 'Вандализм' },
    });
    expect(reverted.statusCode).toBe(200);
    expect(reverted.json()).toMatchObject({ revision: 3, body: 'Первый текст страницы для проверки.' });
    const rev = (await t.app.inject({ url: '/api/v1/wiki/pages/revert/revisions/3' })).json();
    expect(rev.revision).toMatchObject({ kind: 'revert', summary: 'Вандализм' });
    expect(rev.diff).toContainEqual({ op: 'del', text: 'Испорченный текст.' });
    expect(rev.diff).toContainEqual({ op: 'add', text: 'Первый текст страницы для проверки.' });
  });

  it('locks a page against members (edit and proposal) but not moderators', async () => {
    await newPage('locked');
    const lock = await t.app.inject({
      method: 'POST',
      url: '/api/v1/console/wiki/pages/locked/lock',
      headers: h(moderator),
      payload: { locked: true, reason: 'Спор о содержании' },
    });
    expect(lock.json()).toMatchObject({ locked: true, lockReason: 'Спор о содержании' });
    const e = await edit(level3, 'locked', 1, 'Правка закрытой страницы.');
    expect(e.statusCode).toBe(423);
    expect(e.json().error.code).toBe('WIKI_PAGE_LOCKED');
    const p = await edit(level1, 'locked', 1, 'Предложение к закрытой.', '/api/v1/wiki/pages/locked/proposals');
    expect(p.json().error.code).toBe('WIKI_PAGE_LOCKED');
    const view = (await t.app.inject({ url: '/api/v1/wiki/pages/locked', headers: h(level3) })).json().viewer;
    expect(view).toMatchObject({ canEdit: false, canPropose: false });
    expect((await edit(moderator, 'locked', 1, 'Модератор правит закрытую.')).statusCode).toBe(200);
  });
});

describe('member levels in the console', () => {
  it('lets an admin override a level (audited) and computes levels from accepted edits and strikes', async () => {
    const denied = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/console/wiki/members/${level1Id}`,
      headers: h(moderator),
      payload: { levelOverride: 3, identityVerified: false, strikes: 0, reason: 'Проверенный автор' },
    });
    expect(denied.statusCode).toBe(403);
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/console/wiki/members/${level1Id}`,
      headers: h(admin),
      payload: { levelOverride: 3, identityVerified: false, strikes: 0, reason: 'Проверенный автор' },
    });
    expect(res.json()).toMatchObject({ level: 3, computedLevel: 1, override: 3 });
    const audit = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'wiki.member.update'), eq(auditLog.entityId, level1Id)));
    expect(audit).toHaveLength(1);

    // Without the override the level-3 member is computed from age, identity and accepted edits (≥ 3 by now).
    const back = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/console/wiki/members/${level3Id}`,
      headers: h(admin),
      payload: { levelOverride: null, identityVerified: true, strikes: 0, reason: 'Снять ручной уровень' },
    });
    expect(back.json()).toMatchObject({ level: 3, override: null });
    const struck = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/console/wiki/members/${level3Id}`,
      headers: h(admin),
      payload: { levelOverride: null, identityVerified: true, strikes: 1, reason: 'Предупреждение' },
    });
    expect(struck.json().level).toBe(1);
    const list = (await t.app.inject({ url: '/api/v1/console/wiki/members?q=example.test', headers: h(moderator) })).json();
    expect(list.total).toBeGreaterThanOrEqual(2);
  });

  it('lists and searches pages', async () => {
    await newPage('search-me', 'Как проверить продавца перед оплатой.');
    const found = (await t.app.inject({ url: '/api/v1/wiki/pages?q=продавца' })).json();
    expect(found.items.map((p: { slug: string }) => p.slug)).toEqual(['search-me']);
    const none = (await t.app.inject({ url: '/api/v1/wiki/pages?q=%25' })).json();
    expect(none.total).toBe(0);
  });
});
