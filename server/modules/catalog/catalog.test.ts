import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, categories } from '../../db/schema';
import { createTestApp, type Session, type TestApp } from '../../test/app';
import { makeStaff } from '../../test/factories';

let t: TestApp;
let admin: Session;
const auth = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });
const idOf = async (slug: string) =>
  (await t.ctx.db.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug)))[0]!.id;
type Node = { slug: string; isLeaf: boolean; children: Node[] };
const slugs = (nodes: Node[]): string[] => nodes.flatMap((n) => [n.slug, ...slugs(n.children)]);
const label = (s: string) => ({ ru: s, uk: s, en: s });

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const a = await makeStaff(t.ctx.db, { roles: ['admin'] });
  admin = await t.signIn('staff', a.email, a.password);
});
afterAll(async () => t?.dispose());

describe('public catalogue', () => {
  it('gives customers their tree and agents theirs', async () => {
    const customer = (await t.app.inject('/api/v1/catalog')).json().items as Node[];
    expect(customer.map((n) => n.slug)).toEqual(expect.arrayContaining(['wallet', 'terminals', 'security', 'complaints']));
    expect(slugs(customer)).toContain('terminal-payment-with-receipt');
    expect(slugs(customer)).not.toContain('agent-support');
    const agent = (await t.app.inject('/api/v1/catalog?audience=agent')).json().items as Node[];
    expect(agent.map((n) => n.slug)).toEqual(['agent-support']);
  });

  it('gives a leaf’s form with its path, the answers to offer first and the review time', async () => {
    const res = await t.app.inject(`/api/v1/catalog/${await idOf('terminal-payment-with-receipt')}/form?locale=ru`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.path.map((p: { name: { ru: string } }) => p.name.ru)[0]).toBe('Терминалы');
    expect(body.articles.map((a: { slug: string }) => a.slug)).toContain('check-payment-status');
    expect(body.articles[0].title).toBeTruthy();
    expect(body.expectedReview).toMatchObject({ slaCode: 'standard', businessHours: true });
    expect(body.form.fields.some((f: { type: string }) => f.type === 'files')).toBe(true);
    expect((await t.app.inject(`/api/v1/catalog/${await idOf('terminals')}/form`)).statusCode).toBe(404);
  });

  it('names the language of each offered answer: the reader’s where translated, else Russian', async () => {
    const res = await t.app.inject(`/api/v1/catalog/${await idOf('wallet-blocked')}/form?locale=en`);
    expect(res.statusCode).toBe(200);
    const articles = res.json().articles as Array<{ slug: string; locale: string }>;
    const localeOf = (slug: string) => articles.find((a) => a.slug === slug)?.locale;
    // wallet-blocked is translated into English; withdrawal-limits exists only in Russian.
    expect(localeOf('wallet-blocked')).toBe('en');
    expect(localeOf('withdrawal-limits')).toBe('ru');
  });

  it('counts "this answered my question"', async () => {
    const id = await idOf('wallet-sms-code');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/catalog/${id}/deflections`,
      payload: { articleSlug: 'sms-code-not-received', query: 'не приходит смс' },
    });
    expect(res.statusCode).toBe(204);
    const [row] = await t.ctx.db.select({ deflections: categories.deflections }).from(categories).where(eq(categories.id, id));
    expect(row?.deflections).toBe(1);
  });
});

describe('catalogue admin API', () => {
  it('is changed by admins only; supervisors read it with the routing, operators not at all', async () => {
    const op = await makeStaff(t.ctx.db, { roles: ['operator'] });
    const s = await t.signIn('staff', op.email, op.password);
    expect((await t.app.inject({ url: '/api/v1/catalog/admin/tree', headers: auth(s) })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/catalog/admin/tree' })).statusCode).toBe(401);
    const sup = await makeStaff(t.ctx.db, { roles: ['supervisor'] });
    const sv = await t.signIn('staff', sup.email, sup.password);
    const read = await t.app.inject({ url: '/api/v1/catalog/admin/tree?audience=customer', headers: auth(sv) });
    expect(read.statusCode).toBe(200);
    const find = (nodes: Node[], slug: string): Node | undefined =>
      nodes.reduce<Node | undefined>((hit, n) => hit ?? (n.slug === slug ? n : find(n.children, slug)), undefined);
    const leaf = find(read.json().items, 'wallet-sms-code') as Node & { id: string; routing?: Record<string, unknown> };
    expect(leaf.routing).toMatchObject({ departmentCode: 'tech_support', slaCode: 'quick', formVersion: 1 });
    expect(leaf.routing?.articleSlugs).toContain('sms-code-not-received');
    const change = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/catalog/admin/nodes/${leaf.id}`,
      headers: auth(sv),
      payload: { priority: 'high' },
    });
    expect(change.statusCode).toBe(403);
  });

  it('refuses a bad form definition with an error naming the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalog/admin/nodes',
      headers: auth(admin),
      payload: {
        parentId: await idOf('wallet'),
        slug: 'wallet-broken-form',
        name: label('Сломанная форма'),
        hint: label('Подсказка'),
        audience: 'customer',
        leaf: {
          departmentCode: 'tech_support',
          slaCode: 'standard',
          form: {
            fields: [
              { key: 'amount', type: 'money', currencies: ['RUB'], label: label('Сумма') },
              {
                key: 'terminal_number',
                type: 'terminal_id',
                label: label('Терминал'),
                condition: { field: 'has_receipt', equals: false },
              },
            ],
          },
        },
      },
    });
    expect(res.statusCode).toBe(400);
    const messages = res
      .json()
      .error.details.issues.map((i: { message: string }) => i.message)
      .join('\n');
    expect(messages).toContain('terminal_number');
    expect(messages).toContain('has_receipt');
    expect(await t.ctx.db.select().from(categories).where(eq(categories.slug, 'wallet-broken-form'))).toHaveLength(0);
  });

  it('creates, reorders, moves and deactivates nodes, with audit rows', async () => {
    const wallet = await idOf('wallet');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalog/admin/nodes',
      headers: auth(admin),
      payload: {
        parentId: wallet,
        slug: 'wallet-cashback',
        name: label('Кешбэк не начислен'),
        hint: label('Бонусы за покупки'),
        audience: 'customer',
        leaf: {
          departmentCode: 'tech_support',
          slaCode: 'quick',
          priority: 'normal',
          form: { fields: [{ key: 'description', type: 'textarea', required: true, label: label('Опишите проблему') }] },
        },
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const tree = () => t.app.inject('/api/v1/catalog').then((r) => slugs(r.json().items));
    expect(await tree()).toContain('wallet-cashback');

    const siblings = await t.ctx.db.select({ id: categories.id }).from(categories).where(eq(categories.parentId, wallet));
    const order = [id, ...siblings.map((s) => s.id).filter((s) => s !== id)];
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: '/api/v1/catalog/admin/order',
          headers: auth(admin),
          payload: { parentId: wallet, order },
        })
      ).statusCode,
    ).toBe(204);
    const walletNode = (await t.app.inject('/api/v1/catalog')).json().items.find((n: Node) => n.slug === 'wallet');
    expect(walletNode.children[0].slug).toBe('wallet-cashback');

    const intoItself = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/catalog/admin/nodes/${wallet}`,
      headers: auth(admin),
      payload: { parentId: await idOf('wallet-access') },
    });
    expect(intoItself.statusCode).toBe(400);

    const off = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/catalog/admin/nodes/${id}`,
      headers: auth(admin),
      payload: { active: false },
    });
    expect(off.statusCode).toBe(204);
    expect(await tree()).not.toContain('wallet-cashback');
    expect((await t.app.inject(`/api/v1/catalog/${id}/form`)).statusCode).toBe(404);
    const adminTree = (await t.app.inject({ url: '/api/v1/catalog/admin/tree', headers: auth(admin) })).json().items as Node[];
    expect(slugs(adminTree)).toContain('wallet-cashback');
    // The editor still opens the inactive leaf's form, to change it and turn it back on.
    const form = await t.app.inject({ url: `/api/v1/catalog/admin/nodes/${id}/form`, headers: auth(admin) });
    expect(form.statusCode).toBe(200);
    expect(form.json().version).toBeGreaterThanOrEqual(1);
    const audit = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['catalog.created', 'catalog.deactivated']));
  });
});
