import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments, kbArticles, tickets } from '../db/schema';
import { createTestApp, type TestApp } from '../test/app';
import { joinTestDb, testDatabaseUrl } from '../test/db';
import { makeCustomer } from '../test/factories';
import { multipart, PNG_1x1 } from '../test/files';
import { fillRequired, leafForm } from '../test/forms';
import { emit, withTransaction } from './outbox';

// Two nodes of one installation: two app contexts, each with its own connection pool, realtime bus
// (LISTEN/NOTIFY) and in-memory state, on one PostgreSQL database. What one node does, the other
// must see: files, sessions, per-address limits, the help-centre search index. (On PGlite there is
// one process per DATA_DIR, so there is nothing to share.) The same across real processes behind
// nginx: e2e/nodes.

const env = { BOT_ASKS_PER_IP_MINUTE: '3', TICKETS_PER_IP_HOUR: '1000', FILE_STORAGE: 'database' };

describe.skipIf(!testDatabaseUrl)('two nodes on one PostgreSQL database', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await createTestApp({ seed: true, env });
    b = await createTestApp({ env, database: await joinTestDb(a.db) });
  });
  afterAll(async () => {
    await b?.dispose();
    await a?.dispose();
  });

  it('serves a file uploaded through one node from the other, to a session opened on the first', async () => {
    const customer = await makeCustomer(a.ctx.db);
    const session = await a.signIn('customer', customer.email ?? '', customer.password);
    const form = await leafForm(a.ctx.db, a.app, 'terminal-payment-with-receipt');
    const field = form.fields.find((f) => f.type === 'files')!.key;
    const body = multipart({ categoryId: form.id, fields: fillRequired(form.fields as never) }, [
      { field, name: 'чек.png', type: 'image/png', content: PNG_1x1 },
    ]);
    const filed = await a.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: { ...body.headers, cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      payload: body.payload,
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const [ticket] = await a.ctx.db.select().from(tickets).where(eq(tickets.number, filed.json().number));
    const [file] = await a.ctx.db.select().from(attachments).where(eq(attachments.ticketId, ticket!.id));
    const download = await b.app.inject({
      url: `/api/v1/tickets/${ticket!.number}/attachments/${file!.id}`,
      headers: { cookie: session.cookie },
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PNG_1x1)).toBe(true);
  });

  it("counts the consultant's per-address limit across both nodes", async () => {
    const ask = (app: TestApp) =>
      app.app.inject({
        method: 'POST',
        url: '/api/v1/bot/ask',
        payload: { text: 'как пополнить кошелёк', locale: 'ru' },
        remoteAddress: '10.88.0.1',
      });
    const codes = [];
    for (const node of [a, b, a, b]) codes.push((await ask(node)).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    // Another address is not affected.
    const other = await b.app.inject({
      method: 'POST',
      url: '/api/v1/bot/ask',
      payload: { text: 'привет' },
      remoteAddress: '10.88.0.2',
    });
    expect(other.statusCode).toBe(200);
  });

  it("finds an article saved through one node in the other's search once the bus has told it", async () => {
    const search = async (node: TestApp) =>
      (
        (await node.app.inject({ url: `/api/v1/kb/search?q=${encodeURIComponent('жираф')}&locale=ru` })).json() as {
          items: Array<{ slug: string }>;
        }
      ).items.map((i) => i.slug);
    // The other node has its index loaded already (it searched before the change).
    expect(await search(b)).toEqual([]);
    const told = new Promise<void>((resolve) => {
      const off = b.ctx.bus.subscribe((m) => {
        if (m.type === 'kb.index_changed') {
          off();
          resolve();
        }
      });
    });
    const [row] = await a.ctx.db
      .insert(kbArticles)
      .values({
        slug: 'node-giraffe',
        locale: 'ru',
        section: 'wallet',
        audience: 'customer',
        title: 'Пятнистый жираф',
        summary: 'Про жирафа.',
        body: 'Текст о жирафе.',
      })
      .returning({ id: kbArticles.id });
    await withTransaction(a.ctx, (tx) =>
      emit(tx, { type: 'kb.article_saved', aggregateType: 'kb_article', aggregateId: row!.id }),
    );
    await a.ctx.outbox.drain();
    await told;
    expect(await search(b)).toEqual(['node-giraffe']);
  });
});
