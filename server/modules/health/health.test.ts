import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.dispose());

describe('operations endpoints', () => {
  it('/healthz says the process is up and /readyz that the database answers', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', engine: t.ctx.handle.engine });
  });

  it('/metrics exposes Prometheus counters of the requests served', async () => {
    await t.app.inject('/api/v1/auth/me');
    const res = await t.app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(/paydesk_http_requests_total\{method="GET",route="\/api\/v1\/auth\/me",status="200"\} \d+/);
    expect(res.body).toContain('paydesk_outbox_pending_events');
  });

  it('/api/openapi.json is generated from the route schemas and /api/docs serves a UI', async () => {
    const spec = (await t.app.inject('/api/openapi.json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    const login = spec.paths['/api/v1/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['kind', 'login', 'password']),
    );
    expect(Object.keys(login.responses)).toEqual(expect.arrayContaining(['200', '401', '423', '429']));
    const docs = await t.app.inject('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('sends security headers and a request id', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-request-id']).toBeTruthy();
  });
});
