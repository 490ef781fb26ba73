/**
 * Logs hold no secrets and no personal data (issue 14, item 4): everything the app logs at
 * trace level over a representative run — a guest filing with a passport number, the confirmation
 * link and the tracking token, console search for the e-mail and the passport, requests that fail,
 * a failed query — is captured and searched for every token, passport, e-mail and message text.
 */
import { Writable } from 'node:stream';
import { sql, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, outgoingMail, tickets } from './db/schema';
import { loggerOptions, redactErrorText, redactQuery, serializeError } from './platform/logger';
import { createTestApp, type Session, type TestApp } from './test/app';
import { makeMember } from './test/staff';

const EMAIL = 'secret.guest.77@example.test';
const PASSPORT = '4510 987655';
const BODY = 'Мой кошелёк заблокировали вчера вечером, помогите разобраться';
const lines: string[] = [];
let t: TestApp;
let staff: Session;
const secrets: string[] = [EMAIL, PASSPORT, '4510987655', '987655', BODY];

beforeAll(async () => {
  const sink = new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) });
  t = await createTestApp({ seed: true, jobs: true, logger: pino(loggerOptions('trace'), sink) });
  const m = await makeMember(t.ctx.db, ['supervisor'], []);
  staff = await t.signIn('staff', m.email, m.password);
}, 120_000);
afterAll(async () => t?.dispose());

describe('logs', () => {
  it('name no token, passport, e-mail or message text over a representative run', async () => {
    const [leaf] = await t.ctx.db
      .select({ id: categories.id })
      .from(categories)
      .where(eq(categories.slug, 'feedback-suggestion'));
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: {
        categoryId: leaf!.id,
        email: EMAIL,
        fields: { topic: 'support', description: `${BODY}. Паспорт ${PASSPORT}` },
      },
    });
    expect(filed.statusCode).toBe(201);
    const number = filed.json().number as string;
    const [row] = await t.ctx.db.select().from(tickets).where(eq(tickets.number, number));
    const [mail] = await t.ctx.db.select().from(outgoingMail).where(eq(outgoingMail.ticketId, row!.id));
    const confirmToken = /token=([\w-]+)/.exec(mail!.text)![1]!;
    secrets.push(confirmToken);
    // The link from the mail as the browser opens it (the page), then the API call it makes.
    await t.app.inject({ url: `/requests/confirm?token=${confirmToken}` });
    const confirmed = await t.app.inject({ method: 'POST', url: '/api/v1/tickets/confirm', payload: { token: confirmToken } });
    expect(confirmed.statusCode).toBe(200);
    const tracking = confirmed.json().trackingToken as string;
    secrets.push(tracking);
    await t.app.inject({ url: `/requests/${number}?token=${tracking}` });
    expect(
      (await t.app.inject({ url: `/api/v1/tickets/${number}`, headers: { authorization: `Bearer ${tracking}` } })).statusCode,
    ).toBe(200);
    // A customer's answer, a wrong token, console search for the e-mail and the passport.
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${number}/messages`,
      headers: { authorization: `Bearer ${tracking}` },
      payload: { body: BODY },
    });
    await t.app.inject({ url: `/api/v1/tickets/${number}`, headers: { authorization: `Bearer ${tracking}x` } });
    for (const q of [EMAIL, PASSPORT, BODY.slice(0, 30)]) {
      const res = await t.app.inject({
        url: `/api/v1/console/tickets?queue=all&q=${encodeURIComponent(q)}`,
        headers: { cookie: staff.cookie },
      });
      expect(res.statusCode).toBeLessThan(500);
    }
    // Requests that fail: a bad login with the e-mail, hostile input in a query string.
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { kind: 'customer', login: EMAIL, password: BODY },
    });
    await t.app.inject({
      url: `/api/v1/console/tickets?queue=all&q=${encodeURIComponent(`${EMAIL}\u0000`)}`,
      headers: { cookie: staff.cookie },
    });
    // A query that fails with personal data among its parameters, logged as the error handler does.
    const failed = await t.ctx.db.execute(sql`select ${EMAIL}::int, ${PASSPORT}::uuid`).catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(Error);
    t.app.log.error({ err: failed }, 'unhandled error');
    await t.ctx.jobs?.stop();

    const log = lines.join('');
    expect(log).toContain('incoming request');
    expect(log).toContain('/api/v1/tickets/:number');
    for (const s of secrets) expect(log, `the log names ${s.slice(0, 12)}…`).not.toContain(s);
    expect(log).not.toContain(encodeURIComponent(EMAIL));
  }, 120_000);

  it('logs health, readiness and metrics probes at debug level only', async () => {
    const before = lines.length;
    for (const url of ['/healthz', '/readyz', '/metrics']) await t.app.inject({ url });
    const probeLines = lines.slice(before).map((l) => JSON.parse(l) as { level: number; msg: string });
    expect(probeLines.length).toBeGreaterThan(0);
    expect(probeLines.every((l) => l.level <= 20)).toBe(true);
  });
});

describe('redaction helpers', () => {
  it('keep query names, drop their values', () => {
    expect(redactQuery('/requests/confirm?token=abc&x=1')).toBe('/requests/confirm?token=…&x=…');
    expect(redactQuery('/a')).toBe('/a');
  });
  it('drop query parameters and quoted values from error texts, keep identifiers', () => {
    expect(redactErrorText('Failed query: select $1\nparams: a@b.c,4510')).toBe('Failed query: select $1\nparams: …');
    expect(redactErrorText('invalid input syntax for type integer: "a@b.c"')).toBe('invalid input syntax for type integer: "…"');
    expect(redactErrorText('relation "tickets" does not exist')).toBe('relation "tickets" does not exist');
    const err = Object.assign(new Error('x "secret9"'), { params: ['p'], detail: 'Key (email)=(a@b.c)', code: '23505' });
    const out = serializeError(err) as Record<string, unknown>;
    expect(out).toMatchObject({ type: 'Error', message: 'x "…"', code: '23505' });
    expect(JSON.stringify(out)).not.toContain('a@b.c');
    expect(out.params).toBeUndefined();
  });
});
