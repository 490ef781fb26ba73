import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  attachments,
  auditLog,
  categories,
  idempotencyKeys,
  outboxEvents,
  outgoingMail,
  ticketMessages,
  tickets,
} from '../../db/schema';
import { createInProcessBus } from '../../platform/realtime';
import { listenForReferenceChanges, referenceCache, referenceChanged } from '../../platform/refcache';
import { createTestApp, type Session, type TestApp } from '../../test/app';
import { makeCustomer } from '../../test/factories';
import { multipart, PNG_1x1 } from '../../test/files';
import { fillRequired, leafForm } from '../../test/forms';
import { makeMember } from '../../test/staff';
import { computeDue, loadPolicy } from '../sla/sla.service';

let t: TestApp;
let ipN = 1;
const ip = () => `10.7.0.${ipN++}`;
const h = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });
const leafId = async (slug: string) => {
  const [row] = await t.ctx.db.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug));
  if (!row) throw new Error(`no leaf ${slug}`);
  return row.id;
};
const suggestion = async () => ({
  categoryId: await leafId('feedback-suggestion'),
  fields: { topic: 'wallet', description: 'Добавьте, пожалуйста, тёмную тему в приложение кошелька.' },
});

/**
 * Counts the statements the app sends to the database while `fn` runs (outbox delivery, which
 * runs after the answer, is held back). PGlite: every query/exec/transaction of the one
 * connection; PostgreSQL: every statement any pg client sends (BEGIN and COMMIT included).
 */
async function countStatements(fn: () => Promise<unknown>): Promise<number> {
  await t.ctx.outbox.drain();
  const kick = vi.spyOn(t.ctx.outbox, 'kick').mockImplementation(() => undefined);
  // A named statement on PGlite is one execProtocol call (db/pglite-prepared.ts); query() and exec() do not use it.
  const spies = t.db.pglite
    ? [
        vi.spyOn(t.db.pglite, 'query'),
        vi.spyOn(t.db.pglite, 'exec'),
        vi.spyOn(t.db.pglite, 'transaction'),
        vi.spyOn(t.db.pglite, 'execProtocol'),
      ]
    : [vi.spyOn(pg.Client.prototype, 'query')];
  try {
    await fn();
    return spies.reduce((n, s) => n + s.mock.calls.length, 0);
  } finally {
    for (const s of spies) s.mockRestore();
    kick.mockRestore();
  }
}

beforeAll(async () => {
  t = await createTestApp({ seed: true, env: { TICKETS_PER_IP_HOUR: '1000', TICKETS_PER_EMAIL_HOUR: '1000' } });
});
afterAll(async () => t?.dispose());

describe('filing: statements per request', () => {
  it('files a signed-in customer’s request in 2 statements and a guest’s in 1, writing every row', async () => {
    const c = await makeCustomer(t.ctx.db);
    const session = await t.signIn('customer', c.email ?? '', c.password);
    const payload = await suggestion();
    const file = (headers: Record<string, string>, body: object) =>
      t.app.inject({ method: 'POST', url: '/api/v1/tickets', headers, payload: body, remoteAddress: ip() });
    // Warm the reference caches (leaf, form, SLA policy).
    expect((await file(h(session), payload)).statusCode).toBe(201);

    let res = await file(h(session), payload);
    // Session with its user; the filing itself with the replay check and the limits (the number comes
    // from a block of 50 drawn by the warm-up filing above).
    expect(await countStatements(async () => (res = await file({ ...h(session), 'idempotency-key': 'key-0001' }, payload)))).toBe(
      2,
    );
    expect(res.statusCode, res.body).toBe(201);
    const number = res.json().number as string;
    const [row] = await t.ctx.db.select().from(tickets).where(eq(tickets.number, number));
    expect(row).toMatchObject({ customerId: c.id, status: 'new', channel: 'web', replyChannel: c.replyChannel });
    expect(row!.resolutionDueAt?.toISOString()).toBe(res.json().expectedBy);
    expect(await t.ctx.db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, row!.id))).toHaveLength(1);
    const audit = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, row!.id));
    expect(audit.map((a) => [a.action, a.actorKind, a.actorId])).toEqual([['ticket.filed', 'customer', c.id]]);
    const [mail] = await t.ctx.db.select().from(outgoingMail).where(eq(outgoingMail.ticketId, row!.id));
    expect(mail).toMatchObject({ template: 'ticket.acknowledgement', to: c.email, status: 'queued' });
    const events = await t.ctx.db
      .select()
      .from(outboxEvents)
      .where(eq(outboxEvents.aggregateId, row!.id))
      .orderBy(outboxEvents.id);
    expect(events.map((e) => e.type)).toEqual(['ticket.created', 'ticket.sla_scheduled']);
    expect(events[1]?.payload).toMatchObject({ resolutionDueAt: res.json().expectedBy });
    const mailEvents = await t.ctx.db.select().from(outboxEvents).where(eq(outboxEvents.aggregateId, mail!.id));
    expect(mailEvents.map((e) => e.type)).toEqual(['mail.queued']);
    expect(
      await t.ctx.db
        .select()
        .from(idempotencyKeys)
        .where(eq(idempotencyKeys.key, `c:${c.id}:key-0001`)),
    ).toHaveLength(1);

    // A replay: the session and the filing statement, which writes nothing but answers the first response.
    let again = res;
    expect(
      await countStatements(async () => (again = await file({ ...h(session), 'idempotency-key': 'key-0001' }, payload))),
    ).toBe(2);
    expect(again.json()).toEqual(res.json());

    let guest = res;
    expect(await countStatements(async () => (guest = await file({}, { ...payload, email: 'round-trips@example.test' })))).toBe(
      1,
    );
    expect(guest.statusCode, guest.body).toBe(201);
    const [g] = await t.ctx.db.select().from(tickets).where(eq(tickets.number, guest.json().number));
    expect(g).toMatchObject({ status: 'unconfirmed', guestEmail: 'round-trips@example.test', firstResponseDueAt: null });
    const [gm] = await t.ctx.db.select().from(outgoingMail).where(eq(outgoingMail.ticketId, g!.id));
    expect(gm?.template).toBe('ticket.guest_confirmation');
  });

  it('writes the files of a multipart filing with the first message', async () => {
    const c = await makeCustomer(t.ctx.db);
    const session = await t.signIn('customer', c.email ?? '', c.password);
    const form = await leafForm(t.ctx.db, t.app, 'terminal-payment-with-receipt');
    const fileField = form.fields.find((f) => f.type === 'files')!;
    const data = { categoryId: await leafId('terminal-payment-with-receipt'), fields: fillRequired(form.fields) };
    const body = multipart(data, [{ field: fileField.key, name: 'receipt.png', type: 'image/png', content: PNG_1x1 }]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: { ...h(session), ...body.headers },
      payload: body.payload,
      remoteAddress: ip(),
    });
    expect(res.statusCode, res.body).toBe(201);
    const [row] = await t.ctx.db.select().from(tickets).where(eq(tickets.number, res.json().number));
    const [message] = await t.ctx.db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, row!.id));
    const files = await t.ctx.db.select().from(attachments).where(eq(attachments.ticketId, row!.id));
    expect(files.map((f) => [f.name, f.fieldKey, f.messageId, f.size])).toEqual([
      ['receipt.png', fileField.key, message!.id, PNG_1x1.length],
    ]);
  });
});

describe('reference caches', () => {
  it('applies an SLA policy edit to the next filing although the policy was cached', async () => {
    const a = await makeMember(t.ctx.db, ['admin'], []);
    const admin = await t.signIn('staff', a.email, a.password);
    const c = await makeCustomer(t.ctx.db);
    const session = await t.signIn('customer', c.email ?? '', c.password);
    const sla = (await t.app.inject({ url: '/api/v1/console/admin/sla', headers: h(admin) })).json();
    const payload = await suggestion();
    const [leaf] = await t.ctx.db.select().from(categories).where(eq(categories.id, payload.categoryId));
    const policy = sla.policies.find((p: { id: string }) => p.id === leaf!.slaPolicyId);
    const file = () =>
      t.app.inject({ method: 'POST', url: '/api/v1/tickets', headers: h(session), payload, remoteAddress: ip() });
    expect((await file()).statusCode).toBe(201);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/console/admin/sla/policies/${policy.id}`,
      headers: h(admin),
      payload: { resolutionMinutes: 90 },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const res = await file();
    const [row] = await t.ctx.db.select().from(tickets).where(eq(tickets.number, res.json().number));
    const edited = await loadPolicy(t.ctx.db, policy.id);
    expect(edited?.resolutionMinutes).toBe(90);
    const expected = computeDue(edited!, row!.createdAt).resolutionDueAt.getTime();
    expect(Math.abs(row!.resolutionDueAt!.getTime() - expected)).toBeLessThan(5_000);
  });

  it('clears the caches of another node when one node announces an edit on the bus', async () => {
    const bus = createInProcessBus();
    const nodeA = { db: {}, bus };
    const nodeB = { db: {}, bus };
    listenForReferenceChanges(nodeA);
    let loads = 0;
    const load = async () => ++loads;
    await referenceCache(nodeA.db).get('leaf:x', load);
    await referenceCache(nodeA.db).get('leaf:x', load);
    expect(loads).toBe(1);
    await referenceChanged(nodeB);
    await referenceCache(nodeA.db).get('leaf:x', load);
    expect(loads).toBe(2);
  });
});
