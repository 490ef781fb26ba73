import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpCapture } from '../../../scripts/smtp-capture.mjs';
import { categories, outgoingMail, tickets } from '../../db/schema';
import { createTestApp, type TestApp } from '../../test/app';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  t = await createTestApp({ seed: true, jobs: true, env: { SMTP_URL: smtp.url, PUBLIC_URL: 'http://paydesk.test' } });
});
afterAll(async () => {
  await t?.dispose();
  await smtp?.close();
});

describe('a guest over real SMTP', () => {
  it('gets the confirmation link by mail, opens it, and then gets the tracking link that opens the request', async () => {
    const [leaf] = await t.ctx.db.select({ id: categories.id }).from(categories).where(eq(categories.slug, 'feedback-thanks'));
    const form = (await t.app.inject(`/api/v1/catalog/${leaf!.id}/form`)).json().form as {
      fields: Array<{ key: string; type: string; required?: boolean }>;
    };
    const fields = Object.fromEntries(
      form.fields
        .filter((f) => f.required)
        .map((f) => [f.key, f.type === 'checkbox' ? true : 'Спасибо оператору Ольге за быструю помощь!']),
    );
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      payload: { categoryId: leaf!.id, email: 'guest.smtp@example.test', locale: 'ru', fields },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const number = filed.json().number as string;

    const confirmation = await smtp.waitFor('guest.smtp@example.test');
    expect(confirmation.subject).toBe(`[#${number}] Подтвердите обращение ${number}`);
    expect(confirmation.headers['auto-submitted']).toBe('auto-replied');
    expect(confirmation.headers['message-id']).toMatch(/@paydesk\.test>$/);
    const link = /http:\/\/paydesk\.test\/requests\/confirm\?token=([\w-]+)/.exec(confirmation.text);
    expect(link).not.toBeNull();

    const confirmed = await t.app.inject({ method: 'POST', url: '/api/v1/tickets/confirm', payload: { token: link![1] } });
    expect(confirmed.statusCode).toBe(200);

    const deadline = Date.now() + 15_000;
    while (smtp.messages.filter((m) => m.to === 'guest.smtp@example.test').length < 3 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const subjects = smtp.messages.filter((m) => m.to === 'guest.smtp@example.test').map((m) => m.subject);
    expect(subjects).toEqual(
      expect.arrayContaining([`[#${number}] Обращение ${number} принято`, `[#${number}] Ссылка на обращение ${number}`]),
    );
    const tracking = smtp.messages.find((m) => m.subject.includes('Ссылка на обращение'));
    const token = new RegExp(`/requests/${number}\\?token=([\\w-]+)`).exec(tracking?.text ?? '')?.[1];
    const view = await t.app.inject({ url: `/api/v1/tickets/${number}`, headers: { authorization: `Bearer ${token}` } });
    expect(view.statusCode).toBe(200);
    expect(view.json().status).toBe('new');

    const [row] = await t.ctx.db.select().from(tickets).where(eq(tickets.number, number));
    const stored = await t.ctx.db.select().from(outgoingMail).where(eq(outgoingMail.ticketId, row!.id));
    expect(stored.every((m) => m.status === 'sent')).toBe(true);
  });
});
