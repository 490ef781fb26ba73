import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessions, staffUsers } from '../../db/schema';
import { createTestApp, type TestApp } from '../../test/app';
import { makeCustomer, makeStaff } from '../../test/factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_IP_MAX_FAILURES: '6', LOGIN_ACCOUNT_MAX_FAILURES: '8' } });
});
afterAll(async () => t?.dispose());

// Each test signs in from its own address so the per-IP counter of one does not spill into another.
let ipCounter = 10;
const nextIp = () => `10.0.0.${ipCounter++}`;

const login = (payload: Record<string, unknown>, remoteAddress = nextIp(), headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, remoteAddress, headers });

describe('sign-in', () => {
  it('signs a staff member in with an httpOnly, SameSite=Lax session cookie and returns who they are', async () => {
    const staff = await makeStaff(t.ctx.db, { email: 'Olga@Paydesk.test', roles: ['operator', 'supervisor'] });
    const res = await login({ kind: 'staff', login: 'olga@paydesk.test', password: staff.password });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'pd_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const body = res.json();
    expect(body).toMatchObject({ kind: 'staff', user: { id: staff.id, roles: ['operator', 'supervisor'], locale: 'ru' } });
    expect(body.user).not.toHaveProperty('passwordHash');

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `pd_session=${cookie?.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe('Olga@Paydesk.test');

    const [row] = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, staff.id));
    expect(row?.action).toBe('auth.login');
  });

  it('signs a customer in by phone number written any usual way', async () => {
    const customer = await makeCustomer(t.ctx.db, { phone: '+79005550011' });
    const res = await login({ kind: 'customer', login: '+7 (900) 555-00-11', password: customer.password });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'customer', user: { id: customer.id, roles: [] } });
  });

  it('keeps staff and customer logins apart', async () => {
    const customer = await makeCustomer(t.ctx.db);
    const res = await login({ kind: 'staff', login: customer.email, password: customer.password });
    expect(res.statusCode).toBe(401);
  });

  it('answers a wrong password and an unknown login alike, and audits the failure', async () => {
    const staff = await makeStaff(t.ctx.db);
    const wrong = await login({ kind: 'staff', login: staff.email, password: 'not-the-password' });
    const unknown = await login({ kind: 'staff', login: 'nobody@paydesk.test', password: 'whatever-pass' });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
      expect(res.cookies.find((c) => c.name === 'pd_session')).toBeUndefined();
    }
    const rows = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, staff.id));
    expect(rows.map((r) => r.action)).toContain('auth.login_failed');
    expect(JSON.stringify(rows)).not.toContain('not-the-password');
  });

  it('refuses an inactive staff member', async () => {
    const staff = await makeStaff(t.ctx.db, { active: false });
    const res = await login({ kind: 'staff', login: staff.email, password: staff.password });
    expect(res.statusCode).toBe(401);
  });

  it('answers an unknown login exactly like a known one, through the throttle too', async () => {
    const staff = await makeStaff(t.ctx.db);
    // The same five attempts against a real account and a login nobody has, each from its own address.
    const run = async (loginName: string) => {
      const ip = nextIp();
      const out: Array<{ status: number; code: string; details: string[]; retryAfter: boolean }> = [];
      for (let i = 0; i < 5; i++) {
        const res = await login({ kind: 'staff', login: loginName, password: 'wrong-pass' }, ip);
        const { error } = res.json();
        out.push({
          status: res.statusCode,
          code: error.code,
          details: Object.keys(error.details ?? {}).sort(),
          retryAfter: res.headers['retry-after'] !== undefined,
        });
      }
      return out;
    };
    const known = await run(staff.email);
    const unknown = await run('nobody-at-all@paydesk.test');
    expect(unknown).toEqual(known);
    // Three wrong answers, then the pair waits: no lock, no 423 for anyone.
    expect(known.map((r) => r.status)).toEqual([401, 401, 401, 429, 429]);
    expect(known[3]).toMatchObject({ code: 'RATE_LIMITED', details: ['retryAfterSeconds'], retryAfter: true });
  });

  it('an attacker guessing from one address does not lock the owner out of another', async () => {
    const staff = await makeStaff(t.ctx.db);
    const attacker = nextIp();
    for (let i = 0; i < 5; i++) await login({ kind: 'staff', login: staff.email, password: `guess-${i}-pass` }, attacker);
    // Even the right password waits at the attacker's address…
    expect((await login({ kind: 'staff', login: staff.email, password: staff.password }, attacker)).statusCode).toBe(429);
    // …while the owner signs in from theirs.
    const owner = await login({ kind: 'staff', login: staff.email, password: staff.password }, nextIp());
    expect(owner.statusCode).toBe(200);
    const [row] = await t.ctx.db.select().from(staffUsers).where(eq(staffUsers.id, staff.id));
    expect(row?.lockedUntil).toBeNull();
  });

  it('the per-account limit stops a guess spread over many addresses', async () => {
    const customer = await makeCustomer(t.ctx.db);
    // LOGIN_ACCOUNT_MAX_FAILURES is 8 here: one wrong password from each of eight addresses.
    for (let i = 0; i < 8; i++) {
      const res = await login({ kind: 'customer', login: customer.email, password: `guess-${i}-pass` }, nextIp());
      expect(res.statusCode).toBe(401);
    }
    // The ninth address is refused even with the right password: a correct guess is never confirmed.
    const ninth = await login({ kind: 'customer', login: customer.email, password: customer.password }, nextIp());
    expect(ninth.statusCode).toBe(429);
    expect(ninth.json().error.code).toBe('RATE_LIMITED');
    // Other accounts are not affected.
    const other = await makeCustomer(t.ctx.db);
    expect((await login({ kind: 'customer', login: other.email, password: other.password }, nextIp())).statusCode).toBe(200);
  });

  it('limits failed sign-ins per client address across accounts', async () => {
    const ip = nextIp();
    for (let i = 0; i < 6; i++) {
      const res = await login({ kind: 'customer', login: `guess${i}@example.test`, password: 'guess-pass' }, ip);
      expect(res.statusCode).toBe(401);
    }
    const limited = await login({ kind: 'customer', login: 'guess9@example.test', password: 'guess-pass' }, ip);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    // Another address is not affected.
    const customer = await makeCustomer(t.ctx.db);
    expect((await login({ kind: 'customer', login: customer.email, password: customer.password }, nextIp())).statusCode).toBe(
      200,
    );
  });

  it('rejects a malformed body with VALIDATION_FAILED naming the field', async () => {
    const res = await login({ kind: 'staff', login: 'someone@paydesk.test' });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.issues.map((i: { path: string[] }) => i.path.join('.'))).toContain('body.password');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses a sign-in posted from a foreign site', async () => {
    const staff = await makeStaff(t.ctx.db);
    const res = await login({ kind: 'staff', login: staff.email, password: staff.password }, nextIp(), {
      origin: 'https://evil.example',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_TOKEN_INVALID');
  });
});

describe('session', () => {
  it('requires the CSRF token on cookie-authenticated changes', async () => {
    const staff = await makeStaff(t.ctx.db);
    const s = await t.signIn('staff', staff.email, staff.password);
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie } });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(32) },
    });
    expect(wrong.statusCode).toBe(403);
    // Still signed in after the refused attempts.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(200);

    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
    });
    expect(ok.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('AUTH_REQUIRED');
  });

  it('answers 200 with null to a visitor who has no session cookie (no 401 noise on every page)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toBeNull();
  });

  it('ends an expired session with AUTH_SESSION_EXPIRED and clears the cookie', async () => {
    const customer = await makeCustomer(t.ctx.db);
    const s = await t.signIn('customer', customer.email ?? '', customer.password);
    await t.ctx.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, customer.id));
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('AUTH_SESSION_EXPIRED');
    expect(res.cookies.find((c) => c.name === 'pd_session')?.value).toBe('');
    expect(await t.ctx.db.select().from(sessions).where(eq(sessions.userId, customer.id))).toHaveLength(0);
  });

  it('remembers the interface language of the signed-in person', async () => {
    const staff = await makeStaff(t.ctx.db);
    const s = await t.signIn('staff', staff.email, staff.password);
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrfToken };
    const bad = await t.app.inject({ method: 'PUT', url: '/api/v1/auth/me/locale', headers, payload: { locale: 'de' } });
    expect(bad.statusCode).toBe(400);
    const ok = await t.app.inject({ method: 'PUT', url: '/api/v1/auth/me/locale', headers, payload: { locale: 'uk' } });
    expect(ok.statusCode).toBe(204);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
    expect(me.json().user.locale).toBe('uk');
  });

  it('answers unknown API paths with a NOT_FOUND error body', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND' });
    expect(res.json().error.requestId).toBeTruthy();
  });
});
