import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { makeStaff } from '../../test/factories';
import { flushQuestions } from './bot.repo';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
});
afterAll(async () => t?.dispose());

describe("the consultant's question log", () => {
  it('keeps passport and card numbers only as masks, in the table and in the unanswered list', async () => {
    for (const text of ['мой паспорт 4508 123456 не принимают', 'карта 4111 1111 1111 1111 не привязывается к кактусу']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/bot/ask', payload: { text, locale: 'ru' } });
      expect(res.statusCode).toBe(200);
    }
    await flushQuestions(t.ctx.db);
    const stored = (await t.ctx.db.execute(sql`SELECT text, normalized FROM bot_questions`)) as unknown as {
      rows: Array<{ text: string; normalized: string }>;
    };
    const all = JSON.stringify(stored.rows);
    expect(all).toContain('•••• ••••56');
    expect(all).toContain('•••• •••• •••• 1111');
    expect(all).not.toMatch(/4508|123456|4111 1111 1111 1111|4111111111111111/);

    const s = await makeStaff(t.ctx.db, { roles: ['supervisor'] });
    const supervisor = await t.signIn('staff', s.email, s.password);
    const list = await t.app.inject({ url: '/api/v1/console/kb/unanswered', headers: { cookie: supervisor.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('••••56');
    expect(list.body).not.toMatch(/4508|123456|4111 1111/);
  });
});
