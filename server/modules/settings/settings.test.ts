import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contacts } from '../../../common/settings';
import { auditLog } from '../../db/schema';
import { createTestApp, type Session, type TestApp } from '../../test/app';
import { makeMember } from '../../test/staff';
import { SETTING_DEFAULTS } from './settings.defaults';

let t: TestApp;
let admin: Session;
let supervisor: Session;
let operator: Session;
const h = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });

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

describe('settings', () => {
  it('serves the demo contacts and branding to anyone until an admin changes them', async () => {
    const res = await t.app.inject({ url: '/api/v1/settings/public' });
    expect(res.statusCode).toBe(200);
    expect(res.json().contacts.hotlines.map((h: { audience: string }) => h.audience)).toEqual([
      'customers',
      'terminals',
      'agents',
      'city',
    ]);
    expect(res.json().branding.productName).toBe('paydesk');
  });

  it('lets an admin replace the contacts: the portal sees the change at once, and it is audited', async () => {
    const contacts: Contacts = {
      ...SETTING_DEFAULTS.contacts,
      hotlines: [{ ...SETTING_DEFAULTS.contacts.hotlines[0]!, display: '8 800 111-22-33', tel: '+78001112233' }],
    };
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/console/admin/settings/contacts',
      headers: h(admin),
      payload: contacts,
    });
    expect(put.statusCode).toBe(200);
    const pub = (await t.app.inject({ url: '/api/v1/settings/public' })).json();
    expect(pub.contacts.hotlines).toEqual([expect.objectContaining({ display: '8 800 111-22-33' })]);
    const audit = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'settings.update'), eq(auditLog.entityType, 'settings')));
    expect(audit.map((a) => a.data)).toContainEqual({ key: 'contacts' });
    const all = (await t.app.inject({ url: '/api/v1/console/admin/settings', headers: h(supervisor) })).json();
    expect(all.customised).toContain('contacts');

    const reset = await t.app.inject({ method: 'DELETE', url: '/api/v1/console/admin/settings/contacts', headers: h(admin) });
    expect(reset.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/settings/public' })).json().contacts).toEqual(SETTING_DEFAULTS.contacts);
  });

  it('refuses a bad value with the field named, and a branding body under the contacts key', async () => {
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/console/admin/settings/contacts',
      headers: h(admin),
      payload: {
        ...SETTING_DEFAULTS.contacts,
        emails: [{ topic: { ru: 'x', uk: 'x', en: 'x' }, address: 'not-mail', audience: 'all' }],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(bad.json().error.details)).toContain('address');
    const crossed = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/console/admin/settings/contacts',
      headers: h(admin),
      payload: SETTING_DEFAULTS.branding,
    });
    expect(crossed.statusCode).toBe(400);
    const script = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/console/admin/settings/branding',
      headers: h(admin),
      payload: { ...SETTING_DEFAULTS.branding, logoUrl: 'javascript:alert(1)' },
    });
    expect(script.statusCode).toBe(400);
  });

  it('lets only admins change settings and only staff with a console role read them', async () => {
    for (const s of [supervisor, operator]) {
      const res = await t.app.inject({
        method: 'PUT',
        url: '/api/v1/console/admin/settings/branding',
        headers: h(s),
        payload: SETTING_DEFAULTS.branding,
      });
      expect(res.statusCode).toBe(403);
    }
    expect((await t.app.inject({ url: '/api/v1/console/admin/settings', headers: h(operator) })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/console/admin/settings' })).statusCode).toBe(401);
  });
});
