import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../common/errors';
import { staffUsers } from './db/schema';
import { SETTING_DEFAULTS } from './modules/settings/settings.defaults';
import { createTestApp, type Session, type TestApp } from './test/app';
import { makeMember } from './test/staff';

let t: TestApp;
const admins = {} as Record<Locale, Session>;
const h = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });

beforeAll(async () => {
  t = await createTestApp();
  for (const locale of ['ru', 'uk', 'en'] as const) {
    const m = await makeMember(t.ctx.db, ['admin'], []);
    await t.ctx.db.update(staffUsers).set({ locale }).where(eq(staffUsers.id, m.id));
    admins[locale] = await t.signIn('staff', m.email, m.password);
  }
});
afterAll(async () => t?.dispose());

type Issue = { path: string[]; code?: string; message: string };
const issuesOf = (body: { error: { details?: { issues?: Issue[] } } }) => body.error.details?.issues ?? [];
const messageAt = (issues: Issue[], path: string) => issues.find((i) => i.path.join('.') === path)?.message;

describe('validation texts in the reader’s language', () => {
  const badContacts = {
    ...SETTING_DEFAULTS.contacts,
    hotlines: [{ ...SETTING_DEFAULTS.contacts.hotlines[0]!, display: 'x', tel: '8-800-abc' }],
  };

  it.each([
    ['ru', 'только цифры, в начале можно «+»', /^Слишком маленькое значение/],
    ['uk', 'лише цифри, на початку можна «+»', /^Занадто мале/],
    ['en', 'digits only, optionally starting with "+"', /^Too small/],
  ] as const)('an admin reading in %s gets zod’s texts and ours in that language', async (locale, tel, display) => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/console/admin/settings/contacts',
      headers: h(admins[locale]),
      payload: badContacts,
    });
    expect(res.statusCode).toBe(400);
    const issues = issuesOf(res.json());
    expect(messageAt(issues, 'body.hotlines.0.tel')).toBe(tel);
    expect(messageAt(issues, 'body.hotlines.0.display')).toMatch(display);
    // Only path, code and text reach the client: nothing of what was sent.
    expect(JSON.stringify(issues)).not.toContain('8-800-abc');
  });

  it('picks a visitor’s language from the pd_locale cookie, then Accept-Language, then Russian', async () => {
    const tooMany = async (headers: Record<string, string>) =>
      messageAt(issuesOf((await t.app.inject({ url: '/api/v1/kb/popular?limit=500', headers })).json()), 'querystring.limit');
    expect(await tooMany({ 'accept-language': 'uk-UA,uk;q=0.9,en;q=0.5' })).toMatch(/^Занадто велик/);
    expect(await tooMany({ 'accept-language': 'uk', cookie: 'pd_locale=en' })).toMatch(/^Too big/);
    expect(await tooMany({ 'accept-language': 'de-DE' })).toMatch(/^Слишком большое значение/);
  });

  it('re-words a route schema’s type error with what was sent', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalog/admin/nodes',
      headers: h(admins.en),
      payload: {
        parentId: null,
        slug: 42,
        name: { ru: 'x', uk: 'x', en: 'x' },
        hint: { ru: '', uk: '', en: '' },
        audience: 'customer',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(messageAt(issuesOf(res.json()), 'body.slug')).toBe('Invalid input: expected string, received number');
  });

  it('gives our own codes their text: a catalogue leaf routed to an unknown department', async () => {
    const label = (ru: string) => ({ ru, uk: ru, en: ru });
    for (const [locale, text] of [
      ['uk', 'Немає відділу з кодом «nowhere»'],
      ['ru', 'Нет отдела с кодом «nowhere»'],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/catalog/admin/nodes',
        headers: h(admins[locale]),
        payload: {
          parentId: null,
          slug: `lost-${locale}`,
          name: label('Потерянный пункт'),
          hint: label('Куда писать'),
          audience: 'customer',
          leaf: {
            departmentCode: 'nowhere',
            slaCode: 'quick',
            priority: 'normal',
            form: { fields: [{ key: 'description', type: 'textarea', required: true, label: label('Опишите') }] },
          },
        },
      });
      expect(res.statusCode).toBe(400);
      expect(issuesOf(res.json())).toEqual([
        { path: ['body', 'departmentCode'], code: 'catalog.unknown_department', message: text },
      ]);
    }
  });
});
