import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments, auditLog, categories, outgoingMail, tickets } from '../../db/schema';
import { createTestApp, type Session, type TestApp } from '../../test/app';
import { makeCustomer } from '../../test/factories';
import { EXE_BYTES, multipart, PNG_1x1 } from '../../test/files';
import { fillRequired, leafForm } from '../../test/forms';
import { sweepStale } from './follow.service';
import { fieldProblems } from '../../test/issues';

let t: TestApp;
let ipN = 1;
const ip = () => `10.1.0.${ipN++}`;
const leafId = async (slug: string) => {
  const [row] = await t.ctx.db.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug));
  if (!row) throw new Error(`no leaf ${slug}`);
  return row.id;
};
const suggestion = async (text = 'Добавьте, пожалуйста, тёмную тему в приложение кошелька.') => ({
  categoryId: await leafId('feedback-suggestion'),
  fields: { topic: 'wallet', description: text },
});
const auth = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });

beforeAll(async () => {
  t = await createTestApp({ seed: true, env: { TICKETS_PER_IP_HOUR: '1000', TICKETS_PER_EMAIL_HOUR: '1000' } });
});
afterAll(async () => t?.dispose());

async function customerSession(overrides: Parameters<typeof makeCustomer>[1] = {}) {
  const c = await makeCustomer(t.ctx.db, overrides);
  return { customer: c, session: await t.signIn('customer', c.email ?? '', c.password) };
}

describe('filing', () => {
  it('files a signed-in customer’s request: number, status new, expected time, acknowledgement mail', async () => {
    const { customer, session } = await customerSession();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: auth(session),
      payload: await suggestion(),
      remoteAddress: ip(),
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ status: 'new', confirmationRequired: false });
    expect(body.number).toMatch(/^PD-\d{7,}$/);
    expect(new Date(body.expectedBy).getTime()).toBeGreaterThan(Date.now());
    const [row] = await t.ctx.db.select().from(tickets).where(eq(tickets.number, body.number));
    expect(row).toMatchObject({ customerId: customer.id, channel: 'web', status: 'new', priority: 'low' });
    const mail = await t.ctx.db.select().from(outgoingMail).where(eq(outgoingMail.ticketId, row!.id));
    expect(mail.map((m) => m.template)).toEqual(['ticket.acknowledgement']);
    expect(mail[0]?.subject).toContain(`[#${body.number}]`);
    const audit = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, row!.id));
    expect(audit.map((a) => a.action)).toContain('ticket.filed');
  });

  it('answers field errors next to each field, in the requester’s language', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: {
        categoryId: await leafId('feedback-suggestion'),
        email: 'guest@example.test',
        locale: 'uk',
        fields: { topic: 'spaceships', extra: 1 },
      },
      remoteAddress: ip(),
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(fieldProblems({ error }).topic?.code).toBe('invalid_option');
    expect(fieldProblems({ error }).description?.code).toBe('required');
    expect(fieldProblems({ error }).extra?.code).toBe('unknown_field');
    expect(fieldProblems({ error }).description?.message).toMatch(/[іїєґ]|Обов/i);
  });

  it('needs an e-mail from a guest and refuses an unknown or inactive category with 404', async () => {
    const noEmail = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: await suggestion(),
      remoteAddress: ip(),
    });
    expect(noEmail.statusCode).toBe(400);
    expect(fieldProblems(noEmail.json()).email?.code).toBe('required');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { categoryId: '00000000-0000-4000-8000-000000000000', email: 'a@b.test', fields: {} },
      remoteAddress: ip(),
    });
    expect(unknown.statusCode).toBe(404);
    const branch = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { categoryId: await leafId('terminals'), email: 'a@b.test', fields: {} },
      remoteAddress: ip(),
    });
    expect(branch.statusCode).toBe(404);
  });

  it('files one request for a double click (same Idempotency-Key), and refuses the key with another body', async () => {
    const payload = { ...(await suggestion()), email: 'double@example.test' };
    const headers = { 'idempotency-key': 'click-0001-abcdef' };
    const address = ip();
    const [a, b] = await Promise.all([
      t.app.inject({ method: 'POST', url: '/api/v1/tickets', headers, payload, remoteAddress: address }),
      t.app.inject({ method: 'POST', url: '/api/v1/tickets', headers, payload, remoteAddress: address }),
    ]);
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.json().number).toBe(a.json().number);
    const rows = await t.ctx.db.select().from(tickets).where(eq(tickets.guestEmail, 'double@example.test'));
    expect(rows).toHaveLength(1);
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers,
      payload: { ...payload, subject: 'другое' },
      remoteAddress: address,
    });
    expect(other.statusCode).toBe(409);
  });

  it('answers a filled honeypot exactly like a filing, and keeps nothing of it', async () => {
    const real = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { ...(await suggestion()), email: 'person@example.test' },
      remoteAddress: ip(),
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { ...(await suggestion()), email: 'bot@example.test', website: 'http://spam' },
      remoteAddress: ip(),
    });
    expect(res.statusCode).toBe(real.statusCode);
    expect(res.statusCode).toBe(201);
    const [bot, person] = [res.json(), real.json()];
    expect(Object.keys(bot).sort()).toEqual(Object.keys(person).sort());
    expect(bot).toMatchObject({ status: person.status, confirmationRequired: person.confirmationRequired });
    expect(bot.number).toMatch(/^PD-\d{7,}$/);
    expect(typeof bot.expectedBy).toBe(typeof person.expectedBy);
    expect(await t.ctx.db.select().from(tickets).where(eq(tickets.guestEmail, 'bot@example.test'))).toHaveLength(0);
    expect(await t.ctx.db.select().from(tickets).where(eq(tickets.number, bot.number))).toHaveLength(0);
    expect(await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'ticket.spam_refused'))).toHaveLength(0);
  });

  it('stores a receipt scan checked by content and refuses an .exe renamed .jpg, keeping no file', async () => {
    const { session } = await customerSession();
    const categoryId = await leafId('terminal-payment-with-receipt');
    const form = (await t.app.inject({ url: `/api/v1/catalog/${categoryId}/form` })).json().form as {
      fields: Array<{ key: string; type: string; required?: boolean; options?: Array<{ value: string }> }>;
    };
    const values: Record<string, unknown> = {};
    for (const f of form.fields) {
      if (f.type === 'datetime') values[f.key] = '2026-11-20T10:15';
      else if (f.type === 'money') values[f.key] = { amount: '1500', currency: 'RUB' };
      else if (f.type === 'phone' || f.type === 'wallet') values[f.key] = '+79001112233';
      else if (f.type === 'receipt_number') values[f.key] = '000123456';
      else if (f.key === 'recipient_account') values[f.key] = '+79001112233';
      else if (f.type === 'select') values[f.key] = f.options?.[0]?.value;
      else if (f.type === 'text' || f.type === 'textarea') values[f.key] = 'Платёж не пришёл на счёт получателя.';
    }
    const scanField = form.fields.find((f) => f.type === 'files')?.key ?? 'receipt_scan';
    const good = multipart({ categoryId, fields: values }, [
      { field: scanField, name: 'чек.png', type: 'image/png', content: PNG_1x1 },
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: { ...auth(session), ...good.headers },
      payload: good.payload,
      remoteAddress: ip(),
    });
    expect(res.statusCode, res.body).toBe(201);
    const [ticket] = await t.ctx.db.select().from(tickets).where(eq(tickets.number, res.json().number));
    const files = await t.ctx.db.select().from(attachments).where(eq(attachments.ticketId, ticket!.id));
    expect(files).toMatchObject([{ name: 'чек.png', contentType: 'image/png', size: PNG_1x1.length, fieldKey: scanField }]);
    const download = await t.app.inject({
      url: `/api/v1/tickets/${ticket!.number}/attachments/${files[0]!.id}`,
      headers: { cookie: session.cookie },
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PNG_1x1)).toBe(true);

    const filesDir = path.join(t.ctx.config.DATA_DIR, 'files');
    const countFiles = async () =>
      (await readdir(filesDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
    const before = await countFiles();
    const bad = multipart({ categoryId, fields: values }, [
      { field: scanField, name: 'receipt.jpg', type: 'image/jpeg', content: EXE_BYTES },
    ]);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: { ...auth(session), ...bad.headers },
      payload: bad.payload,
      remoteAddress: ip(),
    });
    expect(refused.statusCode).toBe(415);
    expect(fieldProblems(refused.json())[scanField]?.code).toBe('file_type_not_allowed');
    expect(await countFiles()).toBe(before);
  });

  it('limits public filing per address with a clear error', async () => {
    const limited = await createTestApp({ seed: true, env: { TICKETS_PER_IP_HOUR: '2' } });
    try {
      const [leaf] = await limited.ctx.db
        .select({ id: categories.id })
        .from(categories)
        .where(eq(categories.slug, 'feedback-suggestion'));
      const payload = {
        categoryId: leaf!.id,
        email: 'rl@example.test',
        fields: { topic: 'wallet', description: 'Проверка лимита' },
      };
      for (let i = 0; i < 2; i++)
        expect(
          (await limited.app.inject({ method: 'POST', url: '/api/v1/tickets', payload, remoteAddress: '10.9.9.9' })).statusCode,
        ).toBe(201);
      const third = await limited.app.inject({ method: 'POST', url: '/api/v1/tickets', payload, remoteAddress: '10.9.9.9' });
      expect(third.statusCode).toBe(429);
      // A bot's honeypot filing is limited the same way (its answer would otherwise give the trap away).
      const bot = await limited.app.inject({
        method: 'POST',
        url: '/api/v1/tickets',
        payload: { ...payload, website: 'http://spam' },
        remoteAddress: '10.9.9.9',
      });
      expect(bot.statusCode).toBe(429);
      expect(third.json().error.code).toBe('RATE_LIMITED');
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.dispose();
    }
  });
});

describe('guests', () => {
  it('holds a guest request until the mailed link is opened, then it enters the queue with a tracking token', async () => {
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { ...(await suggestion()), email: 'Guest.One@Example.test', name: 'Гость' },
      remoteAddress: ip(),
    });
    expect(filed.statusCode).toBe(201);
    expect(filed.json()).toMatchObject({ status: 'unconfirmed', confirmationRequired: true });
    const number = filed.json().number as string;
    const [held] = await t.ctx.db.select().from(tickets).where(eq(tickets.number, number));
    expect(held).toMatchObject({ status: 'unconfirmed', guestEmail: 'guest.one@example.test', resolutionDueAt: null });
    const [mail] = await t.ctx.db.select().from(outgoingMail).where(eq(outgoingMail.ticketId, held!.id));
    const token = /\/requests\/confirm\?token=([\w-]+)/.exec(mail?.text ?? '')?.[1];
    expect(token).toBeTruthy();

    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets/confirm',
      payload: { token },
      remoteAddress: ip(),
    });
    expect(confirmed.statusCode).toBe(200);
    const { trackingToken } = confirmed.json();
    expect(confirmed.json().number).toBe(number);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/tickets/confirm', payload: { token } });
    expect(again.statusCode).toBe(409);

    const view = await t.app.inject({ url: `/api/v1/tickets/${number}`, headers: { authorization: `Bearer ${trackingToken}` } });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ number, status: 'new', can: { reply: true, resolve: true, reopen: false } });
    const mails = await t.ctx.db.select().from(outgoingMail).where(eq(outgoingMail.ticketId, held!.id));
    expect(mails.map((m) => m.template).sort()).toEqual([
      'ticket.acknowledgement',
      'ticket.guest_confirmation',
      'ticket.tracking_link',
    ]);
  });

  it('expires an unconfirmed request after 7 days: its link no longer works', async () => {
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { ...(await suggestion()), email: 'late@example.test' },
      remoteAddress: ip(),
    });
    const [held] = await t.ctx.db.select().from(tickets).where(eq(tickets.number, filed.json().number));
    const [mail] = await t.ctx.db.select().from(outgoingMail).where(eq(outgoingMail.ticketId, held!.id));
    const token = /token=([\w-]+)/.exec(mail?.text ?? '')?.[1];
    await t.ctx.db
      .update(tickets)
      .set({ createdAt: sql`now() - interval '8 days'` })
      .where(eq(tickets.id, held!.id));
    expect((await sweepStale(t.ctx)).expired).toBeGreaterThanOrEqual(1);
    const [expired] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, held!.id));
    expect(expired?.status).toBe('expired');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/tickets/confirm', payload: { token } })).statusCode).toBe(404);
  });
});

describe('personal data in forms', () => {
  it('seals passport data at rest and shows it masked, even to its owner', async () => {
    const { session } = await customerSession();
    const leaf = await leafForm(t.ctx.db, t.app, 'wallet-blocked');
    const categoryId = leaf.id;
    const values = fillRequired(leaf.fields, { passport_data: '4510 123456' });
    expect(values.passport_data).toBe('4510 123456');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: auth(session),
      payload: { categoryId, fields: values },
      remoteAddress: ip(),
    });
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await t.ctx.db.select().from(tickets).where(eq(tickets.number, res.json().number));
    expect(row!.fields.passport_data).toBe('•••• ••••56');
    expect(JSON.stringify(row!.fields)).not.toContain('123456');
    expect(row!.sealedFields.passport_data).toMatch(/^v2:[0-9a-f]+:/);
    expect(t.ctx.cipher.decrypt(row!.sealedFields.passport_data!)).toBe('4510 123456');
    const view = await t.app.inject({ url: `/api/v1/tickets/${row!.number}`, headers: { cookie: session.cookie } });
    expect(view.body).not.toContain('4510 123456');
    expect(view.json().fields.find((f: { key: string }) => f.key === 'passport_data').value).toBe('•••• ••••56');
  });
});

describe('the Priority package', () => {
  it('marks the request, raises a normal priority and puts it on the tighter policy', async () => {
    const { session } = await customerSession({ priority: true });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: auth(session),
      payload: { categoryId: await leafId('wallet-other'), fields: { description: 'Вопрос по начислению кешбэка за октябрь.' } },
      remoteAddress: ip(),
    });
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await t.ctx.db.select().from(tickets).where(eq(tickets.number, res.json().number));
    expect(row).toMatchObject({ priorityCustomer: true });
    const hours = (row!.resolutionDueAt!.getTime() - row!.createdAt.getTime()) / 3_600_000;
    expect(Math.round(hours)).toBe(24);
  });
});
