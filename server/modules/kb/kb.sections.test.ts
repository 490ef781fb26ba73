import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kbSections } from '../../db/schema';
import { createTestApp, type Session, type TestApp } from '../../test/app';
import { makeStaff } from '../../test/factories';

// The help home shows a card per section: a section the reader would find empty is not shown at
// all, and shows up once an article for that reader is published in it.

let t: TestApp;
let supervisor: Session;
const auth = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });
type Node = { slug: string; articleCount: number; children: Node[] };
const slugsOf = (nodes: Node[]): string[] => nodes.flatMap((n) => [n.slug, ...slugsOf(n.children)]);
const tree = async (query: string) => (await t.app.inject(`/api/v1/kb/sections?${query}`)).json().items as Node[];

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const s = await makeStaff(t.ctx.db, { roles: ['supervisor'], name: 'Старший' });
  supervisor = await t.signIn('staff', s.email, s.password);
  await t.ctx.db.insert(kbSections).values([
    { slug: 'cashback', name: { ru: 'Кешбэк', uk: 'Кешбек', en: 'Cashback' }, position: 90 },
    { slug: 'wallet-limits', parentSlug: 'wallet', name: { ru: 'Лимиты', uk: 'Ліміти', en: 'Limits' }, position: 90 },
  ]);
});
afterAll(async () => t?.dispose());

async function write(slug: string, section: string, audience: 'customer' | 'agent') {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/console/kb/articles',
    headers: auth(supervisor),
    payload: {
      slug,
      locale: 'ru',
      title: 'Как получить кешбэк',
      summary: 'Кешбэк начисляется за оплату из кошелька в течение трёх дней.',
      body: 'Шаг 1\nШаг 2',
      section,
      audience,
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}
const publish = (id: string) =>
  t.app.inject({ method: 'POST', url: `/api/v1/console/kb/articles/${id}/publish`, headers: auth(supervisor) });

describe('empty help sections', () => {
  it('are not shown to readers, but are to authors in the console', async () => {
    for (const locale of ['ru', 'uk', 'en']) {
      const slugs = slugsOf(await tree(`locale=${locale}`));
      expect(slugs).toContain('wallet-access');
      expect(slugs).not.toContain('cashback');
      expect(slugs).not.toContain('wallet-limits');
    }
    expect((await t.app.inject('/api/v1/kb/sections/cashback?locale=ru')).statusCode).toBe(404);
    const authoring = (await t.app.inject({ url: '/api/v1/console/kb/sections', headers: auth(supervisor) })).json().items;
    expect(slugsOf(authoring)).toEqual(expect.arrayContaining(['cashback', 'wallet-limits']));
  });

  it('stay hidden with only a draft, or only an article for agents', async () => {
    await write('cashback-draft', 'cashback', 'customer');
    await publish(await write('cashback-agents', 'cashback', 'agent'));
    expect(slugsOf(await tree('locale=ru'))).not.toContain('cashback');
    expect(slugsOf(await tree('locale=ru&audience=agent'))).toContain('cashback');
  });

  it('appear once an article for the reader is published in them, in every language', async () => {
    const id = await write('cashback-how', 'cashback', 'customer');
    await publish(id);
    await publish(await write('limits-how', 'wallet-limits', 'customer'));
    for (const locale of ['ru', 'uk', 'en']) {
      const items = await tree(`locale=${locale}`);
      expect(items.find((n) => n.slug === 'cashback')).toMatchObject({ articleCount: 1, children: [] });
      expect(items.find((n) => n.slug === 'wallet')!.children.map((c) => c.slug)).toContain('wallet-limits');
    }
    // Russian only so far: the other languages get it with its language named, for the mark.
    const page = (await t.app.inject('/api/v1/kb/sections/cashback?locale=en')).json();
    expect(page.articles).toEqual([expect.objectContaining({ slug: 'cashback-how', locale: 'ru' })]);

    await t.app.inject({ method: 'POST', url: `/api/v1/console/kb/articles/${id}/unpublish`, headers: auth(supervisor) });
    expect(slugsOf(await tree('locale=ru'))).not.toContain('cashback');
  });
});
