import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxEvents, tickets } from '../../db/schema';
import { createTestApp, type TestApp } from '../../test/app';
import { makeCustomer } from '../../test/factories';
import { fillRequired, leafForm } from '../../test/forms';
import { slaCheckJob } from '../tickets/commands';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: true, jobs: true });
});
afterAll(async () => t?.dispose());

async function fileUrgent() {
  const c = await makeCustomer(t.ctx.db);
  const s = await t.signIn('customer', c.email ?? '', c.password);
  const leaf = await leafForm(t.ctx.db, t.app, 'security-hacking-attempt');
  const fields = fillRequired(leaf.fields);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/tickets',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
    payload: { categoryId: leaf.id, fields },
  });
  expect(res.statusCode, res.body).toBe(201);
  return (await t.ctx.db.select().from(tickets).where(eq(tickets.number, res.json().number)))[0]!;
}

describe('SLA timers', () => {
  it('puts a security report on the urgent 24/7 policy and schedules its at-risk and breach checks', async () => {
    const ticket = await fileUrgent();
    expect(ticket.priority).toBe('urgent');
    const minutes = (ticket.firstResponseDueAt!.getTime() - ticket.createdAt.getTime()) / 60_000;
    expect(Math.round(minutes)).toBe(60);
    await t.ctx.outbox.drain();
    const { rows } = await t.ctx.handle.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'sla.check' AND data->>'ticketId' = $1`,
      [ticket.id],
    );
    expect(rows[0]?.n).toBe(4);
    // Written in one insert: each timer keeps its due time, the job's retry limit and its key.
    const breach = await t.ctx.handle.query<{ start_after: Date; retry_limit: number; singleton_key: string }>(
      `SELECT start_after, retry_limit, singleton_key FROM pgboss.job
        WHERE name = 'sla.check' AND data->>'ticketId' = $1 AND data->>'target' = 'first_response' AND data->>'stage' = 'breached'`,
      [ticket.id],
    );
    expect(new Date(breach.rows[0]!.start_after).getTime()).toBe(ticket.firstResponseDueAt!.getTime());
    expect(breach.rows[0]).toMatchObject({
      retry_limit: 5,
      singleton_key: `${ticket.id}:first_response:breached:${ticket.firstResponseDueAt!.toISOString()}`,
    });
  });

  it('marks a breach once, ignores a stale timer, and announces it to the console', async () => {
    const ticket = await fileUrgent();
    const job = slaCheckJob(t.ctx);
    const past = new Date(Date.now() - 60_000);
    await t.ctx.db.update(tickets).set({ firstResponseDueAt: past }).where(eq(tickets.id, ticket.id));

    await job.handler(
      { ticketId: ticket.id, target: 'first_response', stage: 'breached', dueAt: new Date(past.getTime() - 1).toISOString() },
      { jobId: 'x', attempt: 1, log: console },
    );
    expect((await t.ctx.db.select().from(tickets).where(eq(tickets.id, ticket.id)))[0]?.breachedAt).toBeNull();

    await job.handler(
      { ticketId: ticket.id, target: 'first_response', stage: 'breached', dueAt: past.toISOString() },
      { jobId: 'x', attempt: 1, log: console },
    );
    await job.handler(
      { ticketId: ticket.id, target: 'first_response', stage: 'breached', dueAt: past.toISOString() },
      { jobId: 'x', attempt: 2, log: console },
    );
    const [after] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(after?.breachedAt).toBeInstanceOf(Date);
    const events = await t.ctx.db.select().from(outboxEvents).where(eq(outboxEvents.aggregateId, ticket.id));
    expect(events.filter((e) => e.type === 'ticket.sla_breached')).toHaveLength(1);
  });
});
