import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { tickets } from '../../db/schema';
import type { Session } from '../../test/app';
import { h, openDesk, type Desk, type DeskRole } from '../../test/desk';
import { departmentId } from '../../test/staff';

// Who sees, works and reveals what in the console: over HTTP, in the lists and counts, in the
// customer's earlier requests and in the realtime rooms (the request domain's policy, tickets.policy).
let d: Desk;
beforeAll(async () => {
  d = await openDesk();
});
afterAll(async () => d?.t.dispose());

describe('permission matrix', () => {
  // who → [sees TS, TERM, SEC] and [works TS, TERM, SEC] and may reveal
  const matrix: Record<DeskRole, { see: [boolean, boolean, boolean]; work: [boolean, boolean, boolean]; reveal: boolean }> = {
    operator: { see: [true, true, false], work: [false, false, false], reveal: false },
    techSpecialist: { see: [true, true, false], work: [true, false, false], reveal: false },
    terminalSpecialist: { see: [true, true, false], work: [false, true, false], reveal: false },
    securityOfficer: { see: [true, true, true], work: [false, false, true], reveal: true },
    supervisor: { see: [true, true, true], work: [true, true, true], reveal: true },
    admin: { see: [true, true, true], work: [true, true, true], reveal: true },
  };
  it.each(Object.keys(matrix) as DeskRole[])('%s sees, works and reveals exactly what the policy allows', async (who) => {
    const { t, numbers } = d;
    const s = d.people[who];
    const expected = matrix[who];
    const keys = ['ts', 'term', 'sec'] as const;
    for (const [i, key] of keys.entries()) {
      const view = await t.app.inject({ url: `/api/v1/console/tickets/${numbers[key]}`, headers: h(s) });
      expect(view.statusCode, `${who} GET ${key}`).toBe(expected.see[i] ? 200 : 404);
      const note = await t.app.inject({
        method: 'POST',
        url: `/api/v1/console/tickets/${numbers[key]}/notes`,
        headers: h(s),
        payload: { body: `заметка ${who}` },
      });
      expect(note.statusCode, `${who} note ${key}`).toBe(!expected.see[i] ? 404 : expected.work[i] ? 200 : 403);
    }
    const reveal = await t.app.inject({
      method: 'POST',
      url: `/api/v1/console/tickets/${numbers.sec}/reveal`,
      headers: h(s),
      payload: { field: 'passport_data', reason: 'проверка матрицы прав' },
    });
    expect(reveal.statusCode, `${who} reveal`).toBe(expected.reveal ? 200 : 403);
  });

  it('keeps the security service’s requests out of other departments’ lists, counts and search', async () => {
    const { t, numbers, people } = d;
    const op = people.operator;
    const search = await t.app.inject({ url: `/api/v1/console/tickets?queue=at_risk&q=${numbers.sec}`, headers: h(op) });
    expect(search.json().items).toHaveLength(0);
    const supAll = await t.app.inject({
      url: `/api/v1/console/tickets?queue=all&q=${numbers.sec}`,
      headers: h(people.supervisor),
    });
    expect(supAll.json().items.map((i: { number: string }) => i.number)).toEqual([numbers.sec]);
    expect((await t.app.inject({ url: '/api/v1/console/tickets?queue=all', headers: h(op) })).statusCode).toBe(403);
    const secCounts = (await t.app.inject({ url: '/api/v1/console/queues', headers: h(people.securityOfficer) })).json().items;
    expect(secCounts.find((q: { queue: string }) => q.queue === 'unassigned').count).toBe(1);
    const techCounts = (await t.app.inject({ url: '/api/v1/console/queues', headers: h(people.techSpecialist) })).json().items;
    expect(techCounts.find((q: { queue: string }) => q.queue === 'unassigned').count).toBe(1);
    expect(techCounts.map((q: { queue: string }) => q.queue)).not.toContain('all');
  });

  it('leaves the security service’s requests out of the customer’s earlier requests in the workspace', async () => {
    const { t, numbers, people } = d;
    const earlier = async (who: Session) => {
      const res = await t.app.inject({ url: `/api/v1/console/tickets/${numbers.ts}`, headers: h(who) });
      expect(res.statusCode).toBe(200);
      return (res.json().customer.earlier as Array<{ number: string; subject: string }>).map((e) => e.number);
    };
    // The same customer filed all three; outside the security service only the other two are named.
    for (const who of ['operator', 'techSpecialist', 'terminalSpecialist'] as const) {
      const numbersSeen = await earlier(people[who]);
      expect(numbersSeen, who).toContain(numbers.term);
      expect(numbersSeen, who).not.toContain(numbers.sec);
    }
    for (const who of ['securityOfficer', 'supervisor', 'admin'] as const)
      expect(await earlier(people[who]), who).toContain(numbers.sec);
  });

  it('keeps them out of realtime rooms too', async () => {
    const { t, numbers, people } = d;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const [sec] = await t.ctx.db.select().from(tickets).where(eq(tickets.number, numbers.sec));
    const ask = (s: Session, room: string) =>
      new Promise<Record<string, unknown>>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers: { cookie: s.cookie } });
        ws.on('message', (raw) => {
          const m = JSON.parse(String(raw)) as Record<string, unknown>;
          if (m.type === 'ready') ws.send(JSON.stringify({ type: 'subscribe', room }));
          else {
            resolve(m);
            ws.close();
          }
        });
      });
    const secDep = await departmentId(t.ctx.db, 'security');
    expect(await ask(people.operator, `queues:${secDep}`)).toMatchObject({ type: 'error', code: 'FORBIDDEN' });
    expect(await ask(people.operator, `ticket:${sec!.id}`)).toMatchObject({ type: 'error', code: 'FORBIDDEN' });
    expect(await ask(people.securityOfficer, `ticket:${sec!.id}`)).toMatchObject({ type: 'subscribed' });
    expect(await ask(people.operator, `queues:${await departmentId(t.ctx.db, 'first_line')}`)).toMatchObject({
      type: 'subscribed',
    });
  });
});
