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

  it('/metrics is not public: not from another machine, not through a proxy', async () => {
    expect((await t.app.inject({ url: '/metrics', remoteAddress: '10.0.0.7' })).statusCode).toBe(404);
    const proxied = await t.app.inject({ url: '/metrics', headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(proxied.statusCode).toBe(404);
    expect(proxied.json().error.code).toBe('NOT_FOUND');
    expect(proxied.body).not.toContain('paydesk_');
  });

  it('/metrics with METRICS_TOKEN: only for the bearer of the token, from anywhere', async () => {
    const token = 'scrape-token-0123456789';
    const other = await createTestApp({ env: { METRICS_TOKEN: token } });
    try {
      expect((await other.app.inject('/metrics')).statusCode).toBe(404);
      const wrong = { authorization: 'Bearer scrape-token-wrong-000000' };
      expect((await other.app.inject({ url: '/metrics', headers: wrong })).statusCode).toBe(404);
      const right = await other.app.inject({
        url: '/metrics',
        remoteAddress: '10.0.0.7',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(right.statusCode).toBe(200);
      expect(right.body).toContain('paydesk_outbox_pending_events');
    } finally {
      await other.dispose();
    }
  });

  it('/api/openapi.json is generated from the route schemas and /api/docs serves a UI', async () => {
    const spec = (await t.app.inject('/api/openapi.json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    const login = spec.paths['/api/v1/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['kind', 'login', 'password']),
    );
    expect(Object.keys(login.responses)).toEqual(expect.arrayContaining(['200', '401', '429']));
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
