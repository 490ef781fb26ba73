/**
 * The origin check (issue 14, item 8): sign-in, cookie mutations and /ws accept PUBLIC_URL's origin
 * and the configured extra ones only, never whatever the Host header says (DNS rebinding).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from './test/app';
import { createTestApp, type TestApp } from './test/app';
import { makeStaff } from './test/factories';

let t: TestApp;
let creds: { login: string; password: string };

beforeAll(async () => {
  t = await createTestApp({ env: { PUBLIC_URL: 'https://support.example.com', ALLOWED_ORIGINS: 'https://help.example.com' } });
  const s = await makeStaff(t.ctx.db);
  creds = { login: s.email, password: s.password };
}, 60_000);
afterAll(async () => t?.dispose());

const login = (headers: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload: { kind: 'staff', ...creds } });

describe('origin check', () => {
  it('accepts PUBLIC_URL’s origin and the configured extra origin', async () => {
    expect((await login({ origin: 'https://support.example.com' })).statusCode).toBe(200);
    expect((await login({ origin: 'https://help.example.com' })).statusCode).toBe(200);
  });

  it('refuses a foreign origin even when the Host header names it (DNS rebinding)', async () => {
    for (const origin of [
      'http://rebind.evil.example:3000',
      'https://rebind.evil.example',
      'http://support.example.com',
      'null',
    ]) {
      const host = origin.replace(/^\w+:\/\//, '');
      const res = await login({ origin, host });
      expect(res.statusCode, origin).toBe(403);
      expect(res.json().error.code).toBe('CSRF_TOKEN_INVALID');
    }
  });

  it('without PUBLIC_URL allows this machine’s loopback names only', () => {
    const c = testConfig({ PORT: '3300' });
    expect(c.origins).toEqual(expect.arrayContaining(['http://localhost:3300', 'http://127.0.0.1:3300']));
    expect(c.origins.every((o) => /^http:\/\/(localhost|127\.0\.0\.1|\[::1\]):3300$/.test(o))).toBe(true);
    expect(testConfig({ PUBLIC_URL: 'https://s.example.com/' }).origins).toEqual(['https://s.example.com']);
  });
});

describe('headers (issue 14, item 10)', () => {
  it('sends HSTS when PUBLIC_URL is https', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
  });
  it('protects /api/docs with a CSP that forbids framing, and X-Frame-Options', async () => {
    const res = await t.app.inject({ url: '/api/docs/static/index.html' });
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
  });
});
