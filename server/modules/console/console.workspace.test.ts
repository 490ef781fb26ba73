import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outboxEvents, tickets } from '../../db/schema';
import { DESK_PASSPORT as PASSPORT, h, openDesk, type Desk } from '../../test/desk';
import { multipart, PNG_1x1 } from '../../test/files';

// The request's workspace in the console (console.workspace.ts): personal data masked and revealed
// with a reason, the customer's account after identification, the files of the request.
let d: Desk;
beforeAll(async () => {
  // Everything the app logs during this file is kept, to prove no passport number reaches a log.
  d = await openDesk({ captureLog: true });
});
afterAll(async () => d?.t.dispose());

describe('personal data', () => {
  it('shows passport data masked, reveals it once with a reason and one audit row, and never logs it', async () => {
    const { t, people, numbers, logLines } = d;
    const sup = people.supervisor;
    const view = await t.app.inject({ url: `/api/v1/console/tickets/${numbers.sec}`, headers: h(sup) });
    const field = view.json().fields.find((f: { key: string }) => f.key === 'passport_data');
    expect(field).toMatchObject({ personal: true, revealable: true });
    expect(field.value.replace(/\D/g, '').length).toBeLessThanOrEqual(2);
    expect(view.body).not.toContain('987654');
    const [row] = await t.ctx.db.select().from(tickets).where(eq(tickets.number, numbers.sec));
    const before = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, row!.id), eq(auditLog.action, 'pii.revealed')));
    const noReason = await t.app.inject({
      method: 'POST',
      url: `/api/v1/console/tickets/${numbers.sec}/reveal`,
      headers: h(sup),
      payload: { field: 'passport_data' },
    });
    expect(noReason.statusCode).toBe(400);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/console/tickets/${numbers.sec}/reveal`,
      headers: h(sup),
      payload: { field: 'passport_data', reason: 'Клиент просит сверить паспорт' },
    });
    expect(res.json()).toEqual({ field: 'passport_data', value: PASSPORT });
    const after = await t.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, row!.id), eq(auditLog.action, 'pii.revealed')));
    expect(after.length - before.length).toBe(1);
    expect(after.at(-1)).toMatchObject({
      actorId: sup.id,
      data: { field: 'passport_data', reason: 'Клиент просит сверить паспорт' },
    });
    expect(JSON.stringify(after)).not.toContain('987654');
    expect(logLines.length).toBeGreaterThan(10);
    expect(logLines.join('\n')).not.toMatch(/987654|4510 ?987654/);
  });

  it('opens account data only after identification, recording only the result', async () => {
    const { t, people, numbers } = d;
    const s = people.techSpecialist;
    const closed = (await t.app.inject({ url: `/api/v1/console/tickets/${numbers.ts}`, headers: h(s) })).json();
    expect(closed.customer.identification.state).toBe('not_identified');
    expect(closed.customer.wallets).toEqual([]);
    const wrong = await t.app.inject({
      method: 'POST',
      url: `/api/v1/console/tickets/${numbers.ts}/identification`,
      headers: h(s),
      payload: { walletNumber: '+7 900 111-22-33', passport: '4510 000000' },
    });
    expect(wrong.json()).toEqual({ result: 'failed', reason: 'mismatch' });
    const right = await t.app.inject({
      method: 'POST',
      url: `/api/v1/console/tickets/${numbers.ts}/identification`,
      headers: h(s),
      payload: { walletNumber: '8 900 111 22 33', passport: '45 10 987654' },
    });
    expect(right.json()).toEqual({ result: 'identified', reason: null });
    const open = (await t.app.inject({ url: `/api/v1/console/tickets/${numbers.ts}`, headers: h(s) })).json();
    expect(open.customer.identification).toMatchObject({ state: 'identified', by: 'Сергей Тех' });
    expect(open.customer.wallets[0]).toMatchObject({
      walletNumber: '+79001112233',
      blocked: true,
      blockReason: 'Вход с незнакомого IP',
      flags: { unknownIpLogin: true, smsConfirmationOff: false },
    });
    const audit = await t.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'customer.identification'));
    expect(JSON.stringify(audit)).not.toContain('987654');
  });

  it('announces a reveal to the others on the request (the event names the rooms, never the value)', async () => {
    const { t, people, numbers } = d;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/console/tickets/${numbers.sec}/reveal`,
      headers: h(people.securityOfficer),
      payload: { field: 'passport_data', reason: 'сверка паспорта по звонку' },
    });
    expect(res.statusCode).toBe(200);
    const events = await t.ctx.db.select().from(outboxEvents).where(eq(outboxEvents.type, 'ticket.pii_revealed'));
    expect(events.length).toBeGreaterThan(0);
    expect(JSON.stringify(events)).not.toContain('987654');
  });
});

describe('attachments in the console', () => {
  it('lets staff who may see a request download its files, and nobody else', async () => {
    const { t, people, numbers } = d;
    const sup = people.supervisor;
    const body = multipart({ body: 'Скриншот выписки во вложении.' }, [
      { field: 'files', name: 'выписка.png', type: 'image/png', content: PNG_1x1 },
    ]);
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/v1/console/tickets/${numbers.sec}/reply`,
      headers: { ...h(sup), ...body.headers },
      payload: body.payload,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const ws = (await t.app.inject({ url: `/api/v1/console/tickets/${numbers.sec}`, headers: h(sup) })).json();
    expect(ws.id).toMatch(/^[0-9a-f-]{36}$/);
    const file = ws.messages
      .flatMap((m: { attachments: Array<{ id: string; name: string }> }) => m.attachments)
      .find((a: { name: string }) => a.name === 'выписка.png');
    const url = `/api/v1/console/tickets/${numbers.sec}/attachments/${file.id}`;
    const ok = await t.app.inject({ url, headers: h(sup) });
    expect(ok.statusCode).toBe(200);
    expect(ok.rawPayload.equals(PNG_1x1)).toBe(true);
    expect((await t.app.inject({ url, headers: h(people.operator) })).statusCode).toBe(404);
  });
});
