import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_PREFIX } from './platform/auth/plugin';
import { createTestApp, type Session, type TestApp } from './test/app';
import { makeCustomer } from './test/factories';
import { listRoutes } from './test/routes';

/**
 * Authorisation before validation (issue 14, item 10): every staff route, read from the app's own
 * route list, answers an anonymous caller 401 and a customer 403 — with a body, query and path
 * that would each fail validation, so a 400 here would describe the route's schema to them.
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
/** A path with every parameter given a value no schema accepts, and a query that fails too. */
const hostileUrl = (path: string) => `${path.replace(/:\w+/g, '%00not-valid')}?limit=-1&from=yesterday&q=${'x'.repeat(5000)}`;

describe('staff routes: who may call before what was sent', () => {
  it('there are staff routes to check', () => {
    expect(staffRoutes().length).toBeGreaterThan(40);
  });

  it('an anonymous caller gets 401 AUTH_REQUIRED on every staff route, whatever the input', async () => {
    const wrong: string[] = [];
    for (const { method, path } of staffRoutes()) {
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
    for (const { method, path } of staffRoutes()) {
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
});
