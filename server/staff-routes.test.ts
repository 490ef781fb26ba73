import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLES, type StaffRole } from './db/schema';
import { routeAccess } from './platform/auth/access';
import { STAFF_PREFIX } from './platform/auth/plugin';
import { createTestApp, type Session, type TestApp } from './test/app';
import { makeCustomer, makeStaff } from './test/factories';
import { listRoutes } from './test/routes';

/**
 * Authorisation before validation (issue 14, item 10): every staff route, read from the app's own
 * route list, answers an anonymous caller 401, a customer 403 and a staff member without the
 * route's declared role 403 — with a body, query and path that would each fail validation, so a
 * 400 here would describe the route's schema to them. Every staff route must declare its access
 * (`config.staff`, platform/auth/access.ts); the catalogue editor, outside the console prefix,
 * declares it too and is checked the same way.
 */
let t: TestApp;
let customer: Session;
beforeAll(async () => {
  t = await createTestApp();
  const c = await makeCustomer(t.ctx.db);
  customer = await t.signIn('customer', c.email ?? '', c.password);
});
afterAll(async () => t?.dispose());

const staffRoutes = () => listRoutes(t.app).filter((r) => r.path.startsWith(STAFF_PREFIX));
/** Every route that declares staff access, wherever it is mounted, with what it needs. */
const declaredRoutes = () =>
  listRoutes(t.app).flatMap((r) => {
    const access = routeAccess(t.app).get(`${r.method} ${r.path}`);
    return access ? [{ ...r, access }] : [];
  });
/** A path with every parameter given a value no schema accepts, and a query that fails too. */
const hostileUrl = (path: string) => `${path.replace(/:\w+/g, '%00not-valid')}?limit=-1&from=yesterday&q=${'x'.repeat(5000)}`;

describe('staff routes: who may call before what was sent', () => {
  it('there are staff routes to check', () => {
    expect(staffRoutes().length).toBeGreaterThan(40);
  });

  it('an anonymous caller gets 401 AUTH_REQUIRED on every staff route (the catalogue editor too), whatever the input', async () => {
    const wrong: string[] = [];
    for (const { method, path } of declaredRoutes()) {
      const res = await t.app.inject({
        method: method as 'GET',
        url: hostileUrl(path),
        ...(method === 'GET' || method === 'DELETE'
          ? {}
          : { payload: '{"broken": ', headers: { 'content-type': 'application/json' } }),
      });
      if (res.statusCode !== 401 || res.json().error.code !== 'AUTH_REQUIRED') wrong.push(`${method} ${path}: ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('a signed-in customer gets 403 FORBIDDEN on every staff route, whatever the input', async () => {
    const wrong: string[] = [];
    for (const { method, path } of declaredRoutes()) {
      const res = await t.app.inject({
        method: method as 'GET',
        url: hostileUrl(path),
        headers: { cookie: customer.cookie, 'x-csrf-token': customer.csrfToken, 'content-type': 'application/json' },
        ...(method === 'GET' || method === 'DELETE' ? {} : { payload: '{"__proto__": {"x": 1}, "body": 5}' }),
      });
      if (res.statusCode !== 403 || res.json().error.code !== 'FORBIDDEN') wrong.push(`${method} ${path}: ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('every staff route declares who may call it, and the catalogue editor outside the prefix does too', () => {
    const missing = staffRoutes().filter((r) => !routeAccess(t.app).has(`${r.method} ${r.path}`));
    expect(missing).toEqual([]);
    const declared = declaredRoutes();
    expect(declared.filter((r) => !r.path.startsWith(STAFF_PREFIX)).map((r) => `${r.method} ${r.path}`)).toContain(
      'POST /api/v1/catalog/admin/nodes',
    );
    // Not everything is open to every staff member: the table below has rows to check.
    expect(declared.filter((r) => r.access !== 'any').length).toBeGreaterThan(30);
  });

  it('a staff member without the declared role gets 403 FORBIDDEN on every such route, whatever the input', async () => {
    // The strongest person who still lacks the route's roles: every other role at once.
    const sessions = new Map<string, Session>();
    const lacking = async (needed: readonly StaffRole[]) => {
      const roles = STAFF_ROLES.filter((r) => !needed.includes(r));
      const key = roles.join(',');
      let session = sessions.get(key);
      if (!session) {
        const s = await makeStaff(t.ctx.db, { roles });
        session = await t.signIn('staff', s.email, s.password);
        sessions.set(key, session);
      }
      return session;
    };
    const wrong: string[] = [];
    let checked = 0;
    for (const { method, path, access } of declaredRoutes()) {
      if (access === 'any') continue;
      const who = await lacking(access);
      checked++;
      const res = await t.app.inject({
        method: method as 'GET',
        url: hostileUrl(path),
        headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken, 'content-type': 'application/json' },
        ...(method === 'GET' || method === 'DELETE' ? {} : { payload: '{"__proto__": {"x": 1}, "body": 5' }),
      });
      if (res.statusCode !== 403 || res.json().error.code !== 'FORBIDDEN') wrong.push(`${method} ${path}: ${res.statusCode}`);
    }
    expect(checked).toBeGreaterThan(30);
    expect(wrong).toEqual([]);
  });
});
