/**
 * Hostile input is a 400 naming the field, never a 500 (issue 14, item 6): NUL bytes and lone
 * surrogates in any text, JSON nested thousands deep, prototype keys, broken multipart bodies,
 * numbers beyond what the database column holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findHostileInput } from './platform/input';
import { createTestApp, type Session, type TestApp } from './test/app';
import { makeCustomer } from './test/factories';
import { makeMember } from './test/staff';

let t: TestApp;
let admin: Session;
let customer: Session;
const h = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });
const UUID = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const a = await makeMember(t.ctx.db, ['admin'], []);
  admin = await t.signIn('staff', a.email, a.password);
  const c = await makeCustomer(t.ctx.db);
  customer = await t.signIn('customer', c.email ?? '', c.password);
}, 120_000);
afterAll(async () => t?.dispose());

type Case = {
  name: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH';
  url: string;
  body?: unknown;
  who?: 'admin' | 'customer' | 'none';
};

async function send(c: Case, raw?: { payload: string; contentType: string }) {
  const who = c.who ?? 'admin';
  const headers = who === 'none' ? {} : h(who === 'admin' ? admin : customer);
  return t.app.inject({
    method: c.method ?? 'GET',
    url: c.url,
    headers: raw ? { ...headers, 'content-type': raw.contentType } : headers,
    ...(raw ? { payload: raw.payload } : c.body !== undefined ? { payload: c.body as object } : {}),
  });
}

function expectField(res: Awaited<ReturnType<typeof send>>, path: string[], code: string, what: string) {
  expect(res.statusCode, `${what}: ${res.body.slice(0, 200)}`).toBe(400);
  const issues = res.json().error.details.issues as Array<{ path: string[]; code: string; message: string }>;
  expect(issues[0], what).toMatchObject({ path, code });
  expect(issues[0]!.message.length, what).toBeGreaterThan(0);
}

describe('NUL bytes and lone surrogates', () => {
  const texts: Array<Case & { path: string[] }> = [
    {
      name: 'request subject/description',
      method: 'POST',
      url: '/api/v1/tickets',
      who: 'customer',
      body: { categoryId: UUID, fields: { description: 'x\u0000' } },
      path: ['body', 'fields', 'description'],
    },
    {
      name: 'guest name',
      method: 'POST',
      url: '/api/v1/tickets',
      who: 'none',
      body: { categoryId: UUID, name: 'a\u0000', email: 'g@example.test', fields: {} },
      path: ['body', 'name'],
    },
    {
      name: 'customer reply',
      method: 'POST',
      url: '/api/v1/tickets/PD-10000017/messages',
      who: 'customer',
      body: { body: 'a\u0000b' },
      path: ['body', 'body'],
    },
    {
      name: 'staff reply',
      method: 'POST',
      url: '/api/v1/console/tickets/PD-10000017/reply',
      body: { body: 'a\u0000b' },
      path: ['body', 'body'],
    },
    {
      name: 'note',
      method: 'POST',
      url: '/api/v1/console/tickets/PD-10000017/notes',
      body: { body: 'a\u0000b' },
      path: ['body', 'body'],
    },
    {
      name: 'wiki page',
      method: 'POST',
      url: '/api/v1/wiki/pages',
      who: 'customer',
      body: { title: 'a\u0000', body: 'x' },
      path: ['body', 'title'],
    },
    {
      name: 'KB article',
      method: 'POST',
      url: '/api/v1/console/kb/articles',
      body: { title: { ru: 'a\u0000', uk: 'a', en: 'a' } },
      path: ['body', 'title', 'ru'],
    },
    {
      name: 'canned answer',
      method: 'POST',
      url: '/api/v1/console/admin/canned',
      body: { title: 'a\u0000', body: 'x' },
      path: ['body', 'title'],
    },
    {
      name: 'notice',
      method: 'POST',
      url: '/api/v1/console/notices',
      body: { title: { ru: 'a\u0000' } },
      path: ['body', 'title', 'ru'],
    },
    {
      name: 'login',
      method: 'POST',
      url: '/api/v1/auth/login',
      who: 'none',
      body: { kind: 'staff', login: 'a\u0000@x', password: 'x' },
      path: ['body', 'login'],
    },
    { name: 'console search', url: '/api/v1/console/tickets?queue=all&q=a%00b', path: ['querystring', 'q'] },
    { name: 'help search', url: '/api/v1/kb/search?q=a%00b', who: 'none', path: ['querystring', 'q'] },
    { name: 'request number', url: '/api/v1/console/tickets/PD%0010', path: ['params', 'number'] },
  ];
  it.each(texts)('$name: a NUL byte is 400 naming the field', async (c) => {
    expectField(await send(c), c.path, 'input.nul', c.name);
  });
  it.each(texts.filter((c) => c.body))('$name: a lone surrogate is 400 naming the field', async (c) => {
    const body = JSON.parse(JSON.stringify(c.body).replace('\\u0000', '\\ud800'));
    expectField(await send({ ...c, body }), c.path, 'input.surrogate', c.name);
  });
});

describe('structure', () => {
  it('JSON nested thousands deep is 400 naming where it got too deep', async () => {
    const payload = `{"kind":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const res = await send(
      { name: 'deep', method: 'POST', url: '/api/v1/auth/login' },
      { payload, contentType: 'application/json' },
    );
    expect(res.statusCode).toBe(400);
    const issue = res.json().error.details.issues[0];
    expect(issue.code).toBe('input.too_deep');
    expect(issue.path.slice(0, 2)).toEqual(['body', 'kind']);
  });
  it.each(['__proto__', 'constructor', 'prototype'])('"%s" as a field name is 400 naming it', async (key) => {
    const payload = `{"kind":"staff","login":"a","password":"b","${key}":{"polluted":true}}`;
    const res = await send(
      { name: key, method: 'POST', url: '/api/v1/auth/login', who: 'none' },
      { payload, contentType: 'application/json' },
    );
    expectField(res, ['body', key], 'input.reserved_key', key);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('a prototype key inside a multipart request’s data part is refused too', async () => {
    const payload = `--b\r\nContent-Disposition: form-data; name="data"\r\n\r\n{"categoryId":"${UUID}","fields":{"__proto__":{"x":1}}}\r\n--b--\r\n`;
    const res = await send(
      { name: 'mp', method: 'POST', url: '/api/v1/tickets', who: 'customer' },
      { payload, contentType: 'multipart/form-data; boundary=b' },
    );
    expectField(res, ['body', 'fields', '__proto__'], 'input.reserved_key', 'multipart data');
  });
  it.each([
    ['no boundary', 'multipart/form-data', '--b\r\nContent-Disposition: form-data; name="data"\r\n\r\n{}\r\n--b--\r\n'],
    [
      'a wrong boundary',
      'multipart/form-data; boundary=zzz',
      '--b\r\nContent-Disposition: form-data; name="data"\r\n\r\n{}\r\n--b--\r\n',
    ],
    ['a body cut short', 'multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="data"\r\n\r\n{"a":'],
    ['broken JSON', 'application/json', '{"a":'],
  ])('multipart or JSON with %s is 400 naming the body', async (_name, contentType, payload) => {
    const res = await send({ name: 'mp', method: 'POST', url: '/api/v1/tickets', who: 'customer' }, { payload, contentType });
    expectField(res, ['body'], 'input.malformed', _name);
  });
  it('a path parameter over the router’s length limit is 400, in the envelope', async () => {
    const res = await send({ name: 'long', url: `/api/v1/console/tickets/${'x'.repeat(600)}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
  it('a revision number beyond the integer column is 400, not a database error', async () => {
    const res = await send({ name: 'int', url: `/api/v1/console/kb/articles/${UUID}/revisions/823874570341084/diff` });
    expectField(res, ['params', 'number'], 'too_big', 'revision number');
  });
  it('a department change with no field is 400', async () => {
    const res = await send({ name: 'empty', method: 'PATCH', url: `/api/v1/console/admin/departments/${UUID}`, body: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].code).toBe('custom');
  });
});

describe('findHostileInput', () => {
  it('finds the first problem and its path', () => {
    expect(findHostileInput({ a: ['ok', 'b\u0000'] }, ['body'])).toEqual({ path: ['body', 'a', '1'], code: 'input.nul' });
    expect(findHostileInput({ 'k\udc00': 1 })).toEqual({ path: ['k\udc00'], code: 'input.surrogate' });
    expect(findHostileInput({ emoji: '😀 ok', text: 'Привет' })).toBeNull();
    expect(findHostileInput(JSON.parse('{"__proto__":1}'))).toEqual({ path: ['__proto__'], code: 'input.reserved_key' });
  });
});

describe('Markdown bodies', () => {
  it.each([
    ['backslash path', '[x](/\\evil.example/x)'],
    ['protocol-relative', '[x](//evil.example/x)'],
  ])('a wiki page linking to another host by a %s is 400 naming the body', async (_name, link) => {
    const res = await send({
      name: 'wiki',
      method: 'POST',
      url: '/api/v1/wiki/pages',
      body: { slug: `unsafe-link-${_name.length}`, title: 'Ссылки', body: `Подробнее по ссылке ${link} на сайте.` },
    });
    expectField(res, ['body', 'body'], 'custom', _name);
    expect(res.json().error.details.issues[0].message).toMatch(/^Ссылка ведёт на другой сайт/);
  });
});
