import { and, eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCapture, type CapturedMail } from '../../../scripts/smtp-capture.mjs';
import { auditLog, categories, outgoingMail } from '../../db/schema';
import { MAIL_RETRY_LIMIT, mailSendJob, queueMail } from '../../platform/mail/queue';
import { createMailTransport, MailSendError } from '../../platform/mail/transport';
import { createTestApp, type Session, type TestApp } from '../../test/app';
import { makeCustomer } from '../../test/factories';
import { makeMember } from '../../test/staff';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
const h = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });
let worker: Session;
let admin: Session;
let supervisorOnly: Session;
let operator: Session;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  t = await createTestApp({ seed: true, jobs: true, env: { SMTP_URL: smtp.url, PUBLIC_URL: 'http://paydesk.test' } });
  const db = t.ctx.db;
  const sup = await makeMember(db, ['supervisor'], [], 'Марина Супер');
  const adm = await makeMember(db, ['admin'], [], 'Анна Адм');
  const sup2 = await makeMember(db, ['supervisor'], [], 'Пётр Чтец');
  const op = await makeMember(db, ['operator'], [['first_line', 1]], 'Ольга Первая');
  worker = await t.signIn('staff', sup.email, sup.password);
  admin = await t.signIn('staff', adm.email, adm.password);
  supervisorOnly = await t.signIn('staff', sup2.email, sup2.password);
  operator = await t.signIn('staff', op.email, op.password);
});
afterAll(async () => {
  await t?.dispose();
  await smtp?.close();
});

async function mailsTo(to: string, n: number): Promise<CapturedMail[]> {
  const deadline = Date.now() + 20_000;
  const list = () => smtp.messages.filter((m) => m.to === to).reverse(); // oldest first
  while (list().length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return list();
}

async function customerWithRequest(email: string) {
  const c = await makeCustomer(t.ctx.db, { email });
  const session = await t.signIn('customer', email, c.password);
  const [leaf] = await t.ctx.db.select({ id: categories.id }).from(categories).where(eq(categories.slug, 'wallet-other'));
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/tickets',
    headers: h(session),
    payload: { categoryId: leaf!.id, fields: { description: 'Куда пропал кешбэк за февраль?' } },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { session, number: res.json().number as string };
}

const post = (url: string, who: Session, payload?: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url, headers: h(who), ...(payload === undefined ? {} : { payload }) });

describe('mail to a customer who chose e-mail', () => {
  it('sends the acknowledgement, then the answer threaded to it, with the number, both parts and the right headers on the wire', async () => {
    const to = 'email.channel@example.test';
    const { number } = await customerWithRequest(to);
    const [ack] = await mailsTo(to, 1);
    expect(ack!.subject).toBe(`[#${number}] Обращение ${number} принято`);
    expect(ack!.headers['auto-submitted']).toBe('auto-replied');
    expect(ack!.headers['x-auto-response-suppress']).toBe('All');

    expect((await post(`/api/v1/console/tickets/${number}/take`, worker)).statusCode).toBe(200);
    const answer = 'Здравствуйте! Кешбэк начислен 3 марта.\n<b>Проверьте</b> историю & баланс.';
    expect((await post(`/api/v1/console/tickets/${number}/reply`, worker, { body: answer })).statusCode).toBe(200);
    const [, reply] = await mailsTo(to, 2);
    expect(reply!.subject).toBe(`[#${number}] Ответ по обращению ${number}`);
    // Cyrillic subject as an encoded word; both parts in multipart/alternative.
    expect(reply!.raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    expect(reply!.headers['content-type']).toMatch(/^multipart\/alternative/);
    expect(reply!.text).toContain('Кешбэк начислен 3 марта.');
    expect(reply!.text).toContain('<b>Проверьте</b> историю & баланс.');
    expect(reply!.html).toContain('&lt;b&gt;Проверьте&lt;/b&gt; историю &amp; баланс.');
    expect(reply!.html).toContain(`http://paydesk.test/requests/${number}`);
    expect(reply!.headers['in-reply-to']).toBe(ack!.headers['message-id']);
    expect(reply!.headers['references']).toBe(ack!.headers['message-id']);
    expect(reply!.headers['message-id']).toMatch(/^<[\w-]+@paydesk\.test>$/);
    expect(reply!.headers['auto-submitted']).toBeUndefined(); // a person's answer
    expect(reply!.headers['x-auto-response-suppress']).toBe('All');

    // An internal note is never mailed; a question is, with its text, chained after both.
    expect(
      (await post(`/api/v1/console/tickets/${number}/notes`, worker, { body: 'Внутреннее: проверить начисление' })).statusCode,
    ).toBe(200);
    expect((await post(`/api/v1/console/tickets/${number}/ask`, worker, { body: 'Пришлите номер кошелька.' })).statusCode).toBe(
      200,
    );
    const [, , question] = await mailsTo(to, 3);
    expect(question!.subject).toBe(`[#${number}] Нужны уточнения по обращению ${number}`);
    expect(question!.text).toContain('Пришлите номер кошелька.');
    expect(question!.headers['references']).toBe(`${ack!.headers['message-id']} ${reply!.headers['message-id']}`);
    expect(question!.headers['in-reply-to']).toBe(reply!.headers['message-id']);
    expect(smtp.messages.some((m) => m.text.includes('Внутреннее'))).toBe(false);

    // Resolved with a final answer: one mail with the answer; reopened by staff: a notice.
    expect(
      (await post(`/api/v1/console/tickets/${number}/resolve`, worker, { resolutionCode: 'answered', body: 'Всё начислено.' }))
        .statusCode,
    ).toBe(200);
    const [, , , resolved] = await mailsTo(to, 4);
    expect(resolved!.subject).toBe(`[#${number}] Обращение ${number} решено`);
    expect(resolved!.text).toContain('Всё начислено.');
    expect(
      (await post(`/api/v1/console/tickets/${number}/reopen`, worker, { reason: 'Клиент позвонил: не всё' })).statusCode,
    ).toBe(200);
    const all = await mailsTo(to, 5);
    expect(all[4]!.subject).toBe(`[#${number}] Обращение ${number} снова в работе`);
    expect(all[4]!.headers['auto-submitted']).toBe('auto-generated');
    expect(all[4]!.text).not.toContain('Клиент позвонил');
    expect(all).toHaveLength(5);

    // The capture has the last one a moment before its row says so.
    const deadline = Date.now() + 10_000;
    let statuses: string[] = [];
    do {
      statuses = (await t.ctx.db.select().from(outgoingMail).where(eq(outgoingMail.to, to))).map((r) => r.status);
      if (statuses.every((s) => s === 'sent')) break;
      await new Promise((r) => setTimeout(r, 50));
    } while (Date.now() < deadline);
    expect(statuses).toEqual(Array(5).fill('sent'));
  });
});

describe('mail to a customer who chose the personal section', () => {
  it('sends a short notice without the text, and nothing once notices are off', async () => {
    const to = 'portal.channel@example.test';
    const { number, session } = await customerWithRequest(to);
    await mailsTo(to, 1);
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/tickets/${number}/reply-channel`,
      headers: h(session),
      payload: { replyChannel: 'portal' },
    });
    expect(put.statusCode, put.body).toBe(204);
    await post(`/api/v1/console/tickets/${number}/take`, worker);
    expect(
      (await post(`/api/v1/console/tickets/${number}/reply`, worker, { body: 'Секретный ответ про кошелёк' })).statusCode,
    ).toBe(200);
    const [, notice] = await mailsTo(to, 2);
    expect(notice!.subject).toBe(`[#${number}] Новый ответ в личном кабинете по обращению ${number}`);
    expect(notice!.text).not.toContain('Секретный ответ');
    expect(notice!.headers['auto-submitted']).toBe('auto-generated');

    const off = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/auth/me/answer-notices',
      headers: h(session),
      payload: { answerNotices: false },
    });
    expect(off.statusCode).toBe(204);
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: h(session) });
    expect(me.json().user.answerNotices).toBe(false);
    expect((await post(`/api/v1/console/tickets/${number}/reply`, worker, { body: 'Ещё один ответ' })).statusCode).toBe(200);
    const stored = await t.ctx.db.select().from(outgoingMail).where(eq(outgoingMail.to, to));
    expect(stored.map((r) => r.template).sort()).toEqual(['ticket.acknowledgement', 'ticket.answer_notice']);
  });
});

describe('Outgoing mail in the console', () => {
  it('lists with filters and a cursor, opens a message, and lets only admins resend a failed one (audited)', async () => {
    const to = 'admin.view@example.test';
    const { number } = await customerWithRequest(to);
    await post(`/api/v1/console/tickets/${number}/take`, worker);
    await post(`/api/v1/console/tickets/${number}/reply`, worker, { body: 'Ответ для экрана почты' });
    await mailsTo(to, 2);

    const list = await t.app.inject({ url: `/api/v1/console/admin/mail?number=${number}`, headers: h(admin) });
    expect(list.statusCode, list.body).toBe(200);
    const body = list.json();
    expect(body.items.map((i: { template: string }) => i.template)).toEqual(['ticket.new_answer', 'ticket.acknowledgement']);
    expect(body.items[0].ticketNumber).toBe(number);
    expect(body.smtpConfigured).toBe(true);
    expect(body.counts.sent).toBeGreaterThanOrEqual(2);

    const first = (await t.app.inject({ url: `/api/v1/console/admin/mail?to=ADMIN.VIEW&limit=1`, headers: h(admin) })).json();
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toBeTruthy();
    const second = (
      await t.app.inject({
        url: `/api/v1/console/admin/mail?to=admin.view&limit=1&cursor=${first.nextCursor}`,
        headers: h(admin),
      })
    ).json();
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect(second.nextCursor).toBeNull();
    const filtered = (
      await t.app.inject({ url: `/api/v1/console/admin/mail?template=ticket.question&to=admin.view`, headers: h(admin) })
    ).json();
    expect(filtered.items).toHaveLength(0);
    expect((await t.app.inject({ url: `/api/v1/console/admin/mail?status=nope`, headers: h(admin) })).statusCode).toBe(400);
    expect((await t.app.inject({ url: `/api/v1/console/admin/mail?cursor=garbage`, headers: h(admin) })).statusCode).toBe(400);
    // A cursor that is not ours names the field in the one field-problem shape, with its code.
    const forged = Buffer.from('yesterday|nobody').toString('base64url');
    const bad = await t.app.inject({ url: `/api/v1/console/admin/mail?cursor=${forged}`, headers: h(admin) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues).toEqual([
      expect.objectContaining({ path: ['querystring', 'cursor'], code: 'invalid_cursor' }),
    ]);

    const id = first.items[0].id as string;
    const detail = (await t.app.inject({ url: `/api/v1/console/admin/mail/${id}`, headers: h(admin) })).json();
    expect(detail.html).toContain('Ответ для экрана почты');
    expect(detail.text).toContain('Ответ для экрана почты');
    expect(detail.messageId).toMatch(/@paydesk\.test>$/);
    expect(detail.references).toHaveLength(1);
    expect(detail.headers['X-Auto-Response-Suppress']).toBe('All');
    expect(detail.canResend).toBe(false);

    // Supervisors read; operators do not; a message that did not fail cannot be resent.
    expect((await t.app.inject({ url: `/api/v1/console/admin/mail`, headers: h(supervisorOnly) })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/v1/console/admin/mail`, headers: h(operator) })).statusCode).toBe(403);
    expect((await post(`/api/v1/console/admin/mail/${id}/resend`, admin)).statusCode).toBe(409);

    await t.ctx.db
      .update(outgoingMail)
      .set({ status: 'failed', lastError: '550 5.1.1 no such user', attempts: 1 })
      .where(eq(outgoingMail.id, id));
    const before = smtp.messages.filter((m) => m.to === to).length;
    expect((await post(`/api/v1/console/admin/mail/${id}/resend`, supervisorOnly)).statusCode).toBe(403);
    const resent = await post(`/api/v1/console/admin/mail/${id}/resend`, admin);
    expect(resent.statusCode, resent.body).toBe(200);
    expect(resent.json().status).toBe('queued');
    await mailsTo(to, before + 1);
    const [row] = await t.ctx.db.select().from(outgoingMail).where(eq(outgoingMail.id, id));
    const deadline = Date.now() + 10_000;
    let status = row!.status;
    while (status !== 'sent' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      status = (await t.ctx.db.select().from(outgoingMail).where(eq(outgoingMail.id, id)))[0]!.status;
    }
    expect(status).toBe('sent');
    const audit = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'mail.resend'), eq(auditLog.entityId, id)));
    expect(audit).toHaveLength(1);
  });
});

describe('handing a message to SMTP', () => {
  async function stored(to: string) {
    const id = await queueMail(
      t.ctx.db,
      { dedupeKey: `test:${to}`, template: 'ticket.new_answer', locale: 'ru', to, subject: 'S', text: 'T', html: '<p>T</p>' },
      { domain: 'paydesk.test' },
    );
    // The outbox may already have handed it to the real job; this test runs the job itself.
    await t.ctx.db.update(outgoingMail).set({ status: 'queued', attempts: 0, lastError: null }).where(eq(outgoingMail.id, id!));
    return id!;
  }
  const rowOf = async (id: string) => (await t.ctx.db.select().from(outgoingMail).where(eq(outgoingMail.id, id)))[0]!;
  const job = (transport: Parameters<typeof mailSendJob>[0]['transport']) =>
    mailSendJob({ db: t.ctx.db, transport, from: 'paydesk <support@paydesk.test>' });
  const ctxOf = (attempt: number) => ({ jobId: 'j', attempt, log: { info() {}, warn() {}, error() {}, debug() {} } });

  it('fails at once with the server’s words on a permanent 5xx refusal from a real SMTP server', async () => {
    const refusing = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error('5.1.1 Mailbox does not exist'), { responseCode: 550 }));
      },
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const port = (refusing.server.address() as { port: number }).port;
    try {
      const id = await stored('nobody@example.test');
      await job(createMailTransport(`smtp://127.0.0.1:${port}`)).handler({ mailId: id }, ctxOf(1) as never); // does not throw: no retry
      const row = await rowOf(id);
      expect(row.status).toBe('failed');
      expect(row.attempts).toBe(1);
      expect(row.lastError).toContain('550');
      expect(row.lastError).toContain('Mailbox does not exist');
    } finally {
      await new Promise<void>((resolve) => refusing.close(() => resolve()));
    }
  });

  it('retries a transient failure (4xx, connection) keeping the error, and fails after the last retry', async () => {
    const id = await stored('later@example.test');
    const flaky = {
      send: async () => {
        throw new MailSendError('451 4.3.0 Try again later', false, 451);
      },
    };
    await expect(job(flaky).handler({ mailId: id }, ctxOf(1) as never)).rejects.toThrow('451');
    expect(await rowOf(id)).toMatchObject({ status: 'queued', attempts: 1, lastError: '451 4.3.0 Try again later' });
    await expect(job(flaky).handler({ mailId: id }, ctxOf(MAIL_RETRY_LIMIT + 1) as never)).rejects.toThrow();
    expect(await rowOf(id)).toMatchObject({ status: 'failed', attempts: MAIL_RETRY_LIMIT + 1 });

    const closed = await stored('closed@example.test');
    await expect(job(createMailTransport('smtp://127.0.0.1:1')).handler({ mailId: closed }, ctxOf(1) as never)).rejects.toThrow();
    const row = await rowOf(closed);
    expect(row.status).toBe('queued');
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
  });

  it('stores the message for admins when no SMTP is configured', async () => {
    const id = await stored('kept@example.test');
    await job(null).handler({ mailId: id }, ctxOf(1) as never);
    expect((await rowOf(id)).status).toBe('stored');
  });
});
