import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, mailboxes } from '../../db/schema';
import { seedDemoMailboxes } from '../../seed/mailboxes';
import { createTestApp, type Session, type TestApp } from '../../test/app';
import { departmentId, makeMember } from '../../test/staff';
import { fieldProblems } from '../../test/issues';

let t: TestApp;
let admin: Session;
let supervisor: Session;
const h = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });
const url = '/api/v1/console/admin/mailboxes';

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  await seedDemoMailboxes(t.ctx.db);
  const a = await makeMember(t.ctx.db, ['admin'], []);
  const s = await makeMember(t.ctx.db, ['supervisor'], []);
  admin = await t.signIn('staff', a.email, a.password);
  supervisor = await t.signIn('staff', s.email, s.password);
});
afterAll(async () => t?.dispose());

describe('mailboxes admin API', () => {
  it('lists the demo mailboxes to admins only', async () => {
    const list = await t.app.inject({ url, headers: h(admin) });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((m: { address: string }) => m.address)).toEqual([
      'agents@paydesk.local',
      'security@paydesk.local',
      'support@paydesk.local',
      'terminals@paydesk.local',
    ]);
    expect((await t.app.inject({ url, headers: h(supervisor) })).statusCode).toBe(403);
  });

  it('adds a mailbox with IMAP settings: the password is sealed, never returned, and the change audited', async () => {
    const payload = {
      address: 'Claims@PayDesk.local',
      name: 'Претензии',
      departmentId: await departmentId(t.ctx.db, 'first_line'),
      imap: { host: 'imap.example.test', port: 993, secure: true, user: 'claims', password: 'secret-imap-pass', folder: 'INBOX' },
    };
    const created = await t.app.inject({ method: 'POST', url, headers: h(admin), payload });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      address: 'claims@paydesk.local',
      active: true,
      imap: { host: 'imap.example.test', passwordSet: true },
    });
    expect(created.body).not.toContain('secret-imap-pass');
    const [row] = await t.ctx.db.select().from(mailboxes).where(eq(mailboxes.id, body.id));
    expect(row!.imapPasswordSealed).not.toContain('secret');
    expect(t.ctx.cipher.decrypt(row!.imapPasswordSealed!)).toBe('secret-imap-pass');
    const audit = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'mailbox.created'), eq(auditLog.entityId, body.id)));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.data)).not.toContain('secret');

    // Changing the name keeps the stored password; a taken address is a conflict.
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `${url}/${body.id}`,
      headers: h(admin),
      payload: { ...payload, name: 'Претензии и жалобы', imap: { ...payload.imap, password: undefined }, active: false },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Претензии и жалобы', active: false, imap: { passwordSet: true } });
    const taken = await t.app.inject({
      method: 'PATCH',
      url: `${url}/${body.id}`,
      headers: h(admin),
      payload: { ...payload, address: 'support@paydesk.local' },
    });
    expect(taken.statusCode).toBe(409);
  });

  it('refuses a mailbox that routes nowhere or to a non-leaf, with field errors', async () => {
    const nowhere = await t.app.inject({ method: 'POST', url, headers: h(admin), payload: { address: 'x@paydesk.local' } });
    expect(nowhere.statusCode).toBe(400);
    expect(fieldProblems(nowhere.json()).departmentId?.code).toBe('required');
    const bad = await t.app.inject({
      method: 'POST',
      url,
      headers: h(admin),
      payload: { address: 'not-an-address', departmentId: null },
    });
    expect(bad.statusCode).toBe(400);
  });
});
