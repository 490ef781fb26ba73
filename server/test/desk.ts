import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { categories, demoWallets, tickets } from '../db/schema';
import { createTestApp, type Session, type TestApp } from './app';
import { makeCustomer } from './factories';
import { fillRequired, leafForm } from './forms';
import { departmentId, makeMember } from './staff';

/** The passport number sealed in the desk customer's wallet and typed into the security service's request. */
export const DESK_PASSPORT = '4510 987654';

/** Who works at the desk: one of each kind the console's permission matrix tells apart. */
export type DeskRole = 'operator' | 'techSpecialist' | 'terminalSpecialist' | 'securityOfficer' | 'supervisor' | 'admin';

export type Desk = {
  t: TestApp;
  /** Signed-in staff, by role, with their ids. */
  people: Record<DeskRole, Session & { id: string }>;
  /** The customer who filed the three requests below (phone +79001112233, a blocked wallet). */
  customer: Session;
  /**
   * Three requests of that customer: `ts` in technical support, `term` on the terminals' department
   * (where the catalogue routes it), `sec` in the security service (with passport data in its form).
   */
  numbers: Record<'ts' | 'term' | 'sec', string>;
  /** What the app logged, when the desk was opened with `captureLog`. */
  logLines: string[];
  /** Files a request in the leaf `slug` as `session` (the desk customer by default); its number. */
  file(slug: string, fields: Record<string, unknown>, session?: Session): Promise<string>;
};

/** The cookie and CSRF headers of a session. */
export const h = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });

/**
 * A console desk for the console's tests: the app with the demo catalogue, the six staff members of
 * the permission matrix, a customer with a blocked demo wallet and three requests routed to the
 * departments the tests need. `captureLog`: everything the app logs is kept (at trace level) in
 * `logLines`, to prove what never reaches a log.
 */
export async function openDesk(options: { captureLog?: boolean } = {}): Promise<Desk> {
  const logLines: string[] = [];
  const sink = new Writable({ write: (chunk, _e, done) => (logLines.push(String(chunk)), done()) });
  const t = await createTestApp({ seed: true, ...(options.captureLog ? { logger: pino({ level: 'trace' }, sink) } : {}) });
  const db = t.ctx.db;
  const staff = {
    operator: await makeMember(db, ['operator'], [['first_line', 1]], 'Ольга Первая'),
    techSpecialist: await makeMember(db, ['specialist'], [['tech_support', 2]], 'Сергей Тех'),
    terminalSpecialist: await makeMember(db, ['specialist'], [['terminals', 1]], 'Тимур Терм'),
    securityOfficer: await makeMember(db, ['security_officer'], [['security', 2]], 'Игорь Без'),
    supervisor: await makeMember(db, ['supervisor'], [], 'Марина Супер'),
    admin: await makeMember(db, ['admin'], [], 'Анна Адм'),
  };
  const people = {} as Desk['people'];
  for (const [key, s] of Object.entries(staff))
    people[key as DeskRole] = { ...(await t.signIn('staff', s.email, s.password)), id: s.id };
  const c = await makeCustomer(db, { phone: '+79001112233', name: 'Клиент Тестов' });
  const customer = await t.signIn('customer', c.email ?? '', c.password);
  await db.insert(demoWallets).values({
    customerId: c.id,
    walletNumber: '+79001112233',
    passportSealed: t.ctx.cipher.encrypt(DESK_PASSPORT),
    ownerName: 'Клиент Тестов',
    blocked: true,
    blockReason: 'Вход с незнакомого IP',
    unknownIpLogin: true,
  });

  async function file(slug: string, fields: Record<string, unknown>, session = customer) {
    const [leaf] = await db.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: h(session),
      payload: { categoryId: leaf!.id, fields },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json().number as string;
  }

  const ts = await file('wallet-other', { description: 'Вопрос о кешбэке за октябрь, не начислился.' });
  const term = await file('terminal-not-working', fillRequired((await leafForm(db, t.app, 'terminal-not-working')).fields));
  const sec = await file(
    'wallet-blocked',
    fillRequired((await leafForm(db, t.app, 'wallet-blocked')).fields, { passport_data: DESK_PASSPORT }),
  );
  // Route the fixtures where the tests need them: one to the security service, one to technical support.
  await db
    .update(tickets)
    .set({ departmentId: await departmentId(db, 'security') })
    .where(eq(tickets.number, sec));
  await db
    .update(tickets)
    .set({ departmentId: await departmentId(db, 'tech_support') })
    .where(eq(tickets.number, ts));
  return { t, people, customer, numbers: { ts, term, sec }, logLines, file };
}
