import { expect, request as playwrightRequest, test } from '@playwright/test';
import type { APIRequestContext, Browser, Page } from '@playwright/test';

// Two nodes behind nginx (scripts/e2e-nodes.mjs): A runs web,worker and B web,mail, each with a
// disk of its own, on one PostgreSQL database. Everything below goes through the balancer, which
// alternates between them, unless a step names a node to prove something crosses nodes.

const BASE_PORT = Number(process.env.NODES_BASE_PORT ?? 3170);
const NODE = { a: `http://127.0.0.1:${BASE_PORT}`, b: `http://127.0.0.1:${BASE_PORT + 1}` };
const BALANCER = `http://127.0.0.1:${BASE_PORT + 2}`;
const CONTROL = `http://127.0.0.1:${BASE_PORT + 3}`;

// A valid 1×1 PNG: the server checks uploads by their bytes.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

type Mail = { to: string; subject: string; text: string; html: string };

async function mailsTo(to: string): Promise<Mail[]> {
  const response = await fetch(`${CONTROL}/messages?to=${encodeURIComponent(to)}`);
  return ((await response.json()) as { items: Mail[] }).items;
}

async function mailLink(to: string, pattern: RegExp): Promise<string> {
  let found = '';
  await expect
    .poll(
      async () => {
        for (const m of await mailsTo(to)) {
          const match = pattern.exec(m.text) ?? pattern.exec(m.html);
          if (match) found = match[0];
        }
        return found !== '';
      },
      { timeout: 30_000, message: `a mail to ${to} matching ${pattern}` },
    )
    .toBe(true);
  const url = new URL(found);
  return url.pathname + url.search;
}

/** Bytes a download event saved. */
async function downloaded(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const chunks: Buffer[] = [];
  for await (const chunk of (await download.createReadStream()) as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function staffPage(browser: Browser, email: string, password: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: BALANCER, locale: 'ru-RU', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto('/console/login');
  await page.getByLabel('Рабочая электронная почта').fill(email);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/console$/);
  return page;
}

/** An API session (cookie + CSRF token) of a demo account, at `base`. */
async function apiSession(base: string, kind: 'staff' | 'customer', login: string, password: string) {
  const api = await playwrightRequest.newContext({ baseURL: base, extraHTTPHeaders: { origin: BALANCER } });
  const res = await api.post('/api/v1/auth/login', { data: { kind, login, password } });
  expect(res.status(), await res.text()).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { api, csrf: csrfToken };
}

async function leafId(api: APIRequestContext, slug: string): Promise<string> {
  type Node = { id: string; slug: string; children: Node[] };
  const { items } = (await (await api.get('/api/v1/catalog')).json()) as { items: Node[] };
  const find = (nodes: Node[]): Node | undefined =>
    nodes.find((n) => n.slug === slug) ?? nodes.map((n) => find(n.children)).find(Boolean);
  const leaf = find(items);
  if (!leaf) throw new Error(`no leaf ${slug}`);
  return leaf.id;
}

test('a guest files with a receipt through the balancer, confirms, and both sides get the image; replies cross nodes live', async ({
  page,
  browser,
}, testInfo) => {
  const email = `guest-nodes-${Date.now()}@example.com`;
  // The guest's journey, as on one node.
  await page.goto('/contact/terminals/terminal-payment-not-arrived/terminal-payment-with-receipt?step=offer');
  await page.getByLabel('Кратко опишите вопрос').fill('Платёж через терминал не дошёл');
  await page.getByRole('button', { name: 'Нет, написать в поддержку' }).click();
  const hourAgo = new Date(Date.now() - 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  await page
    .getByLabel('Дата и время платежа')
    .fill(
      `${hourAgo.getFullYear()}-${pad(hourAgo.getMonth() + 1)}-${pad(hourAgo.getDate())}T${pad(hourAgo.getHours())}:${pad(hourAgo.getMinutes())}`,
    );
  await page.getByRole('textbox', { name: 'Сумма', exact: true }).fill('500');
  await page.getByLabel('Что оплачивали').fill('Пополнение кошелька');
  await page.getByLabel('Номер телефона или счёта получателя').fill('+7 900 111-22-33');
  await page.getByLabel('Номер чека').fill('7654321');
  await page.getByLabel('Скан или фото чека').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: PNG });
  await page.getByLabel('Телефон для связи').fill('+7 900 123-45-67');
  await page.getByLabel('Опишите проблему').fill('Платёж через терминал не дошёл, чек прилагаю.');
  await page.getByLabel('Электронная почта').fill(email);
  await page.getByLabel('Как к вам обращаться').fill('Гость Балансировщиков');
  await page.getByRole('button', { name: 'Отправить обращение' }).click();
  await expect(page.getByRole('heading', { name: 'Осталось подтвердить обращение' })).toBeVisible();
  const number = (await page.getByTestId('ticket-number').textContent()) ?? '';

  // The confirmation came over SMTP (sent by node A, the only worker, whichever node took the filing).
  await page.goto(await mailLink(email, /https?:\/\/[^\s"<>]+\/requests\/confirm\?token=[\w-]+/));
  await expect(page.getByText('Спасибо! Обращение подтверждено')).toBeVisible();
  const guestCopy = await downloaded(page, () => page.getByRole('button', { name: 'Скачать receipt.png' }).first().click());
  expect(guestCopy.equals(PNG)).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('01-guest-request.png'), fullPage: true });

  // The terminal service opens it in the console and downloads the same image.
  const terminal = await staffPage(browser, 'terminal@paydesk.local', 'demo-terminal');
  await terminal.goto(`/console/tickets/${number}`);
  await expect(terminal.getByRole('heading', { level: 1 })).toBeVisible();
  const staffCopy = await downloaded(terminal, () => terminal.getByRole('link', { name: 'Скачать receipt.png' }).click());
  expect(staffCopy.equals(PNG)).toBe(true);
  await terminal.screenshot({ path: testInfo.outputPath('02-console-request.png'), fullPage: true });

  // The demo customer keeps a request open; answers written on either node arrive without a reload.
  const customer = await (await browser.newContext({ baseURL: BALANCER, locale: 'ru-RU' })).newPage();
  await customer.goto('/login?next=%2Frequests');
  await customer.getByLabel('Электронная почта или телефон').fill('customer@paydesk.local');
  await customer.getByLabel('Пароль', { exact: true }).fill('demo-customer');
  await customer.getByRole('button', { name: 'Войти' }).click();
  await expect(customer).toHaveURL(/\/requests$/);
  const me = await customer.request.get('/api/v1/auth/me');
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  const filed = await customer.request.post('/api/v1/tickets', {
    headers: { 'x-csrf-token': csrfToken, origin: BALANCER },
    data: {
      categoryId: await leafId(customer.request, 'wallet-other'),
      subject: `Два узла ${Date.now()}`,
      fields: { description: 'Как привязать второй телефон к кошельку?' },
      locale: 'ru',
      replyChannel: 'portal',
      website: '',
    },
  });
  expect(filed.status(), await filed.text()).toBe(201);
  const mine = ((await filed.json()) as { number: string }).number;
  await customer.goto(`/requests/${mine}`);
  await expect(customer.getByRole('heading', { level: 1 })).toContainText(mine);
  await customer.evaluate(() => Object.assign(window, { e2eSamePage: true }));

  const operator = await apiSession(BALANCER, 'staff', 'operator@paydesk.local', 'demo-operator');
  for (const [node, url] of Object.entries(NODE)) {
    const text = `Ответ с узла ${node.toUpperCase()}: второй телефон привязывается в настройках.`;
    const reply = await operator.api.post(`${url}/api/v1/console/tickets/${mine}/reply`, {
      headers: { 'x-csrf-token': operator.csrf },
      data: { body: text },
    });
    expect(reply.status(), await reply.text()).toBe(200);
    await expect(customer.locator('.message--staff', { hasText: text })).toBeVisible({ timeout: 10_000 });
  }
  expect(await customer.evaluate(() => (window as unknown as { e2eSamePage?: boolean }).e2eSamePage)).toBe(true);
  await customer.screenshot({ path: testInfo.outputPath('03-customer-live.png'), fullPage: true });

  // The balancer did alternate: both nodes served this journey.
  const { lines } = (await (await fetch(`${CONTROL}/balancer-log`)).json()) as { lines: string[] };
  const upstreams = new Set(lines.map((l) => l.split(' ').pop()).filter((u) => u && u !== '-'));
  expect([...upstreams].sort()).toEqual([`127.0.0.1:${BASE_PORT}`, `127.0.0.1:${BASE_PORT + 1}`]);
});

test('an article edited through one node is found by search on the other within a second', async () => {
  const admin = await apiSession(NODE.a, 'staff', 'admin@paydesk.local', 'demo-admin');
  const list = await admin.api.get('/api/v1/console/kb/articles?status=published&locale=ru&audience=customer&pageSize=100');
  const { items } = (await list.json()) as { items: Array<{ id: string; slug: string }> };
  const id = (items.find((i) => i.slug === 'wallet-blocked') ?? items[0])?.id;
  if (!id) throw new Error('no published article');
  const detail = (await (await admin.api.get(`/api/v1/console/kb/articles/${id}`)).json()) as Record<string, unknown>;
  // A word no article has; search on node B first, so its index is loaded before the edit.
  const word = `зебропард${Date.now() % 100000}`;
  const searchB = async () =>
    (
      (await (await fetch(`${NODE.b}/api/v1/kb/search?q=${encodeURIComponent(word)}&locale=ru`)).json()) as {
        items: Array<{ slug: string }>;
      }
    ).items.map((i) => i.slug);
  expect(await searchB()).toEqual([]);
  const saved = await admin.api.put(`/api/v1/console/kb/articles/${id}`, {
    headers: { 'x-csrf-token': admin.csrf },
    data: {
      title: detail.title,
      summary: detail.summary,
      body: `${String(detail.body)}\n\nПроверка узлов: ${word}.`,
      tags: detail.tags,
      section: detail.section,
      audience: detail.audience,
      categories: detail.categories,
      revision: detail.revision,
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const savedAt = Date.now();
  // Node B's index learns of the change from the bus (LISTEN/NOTIFY), not from its 5 s background check.
  await expect.poll(searchB, { timeout: 1_000, intervals: [50] }).toContain(String(detail.slug));
  test.info().annotations.push({ type: 'found on node B after', description: `${Date.now() - savedAt} ms` });
});

test('a node killed under load: the other keeps serving and delivers what the dead one left', async ({ page }) => {
  // Guests file at node B directly (web,mail: it commits their letters' outbox events, node A's worker sends them).
  const api = await playwrightRequest.newContext({ baseURL: NODE.b, extraHTTPHeaders: { origin: BALANCER } });
  const categoryId = await leafId(api, 'feedback-suggestion');
  const stamp = Date.now();
  const emails = Array.from({ length: 24 }, (_, i) => `kill-${stamp}-${i}@example.com`);
  const filings = emails.map((email, i) =>
    api
      .post('/api/v1/tickets', {
        headers: { 'idempotency-key': `nodes-kill-${stamp}-${i}` },
        data: {
          categoryId,
          email,
          name: 'Гость',
          fields: { topic: 'wallet', description: `Предложение номер ${i}.` },
          locale: 'ru',
        },
        timeout: 30_000,
      })
      .then((r) => ({ email, status: r.status() }))
      .catch(() => ({ email, status: 0 })),
  );
  // Kill B while the filings are in flight: right after it has answered the first one.
  await Promise.race(filings);
  const killed = await fetch(`${CONTROL}/nodes/b/kill`, { method: 'POST' });
  expect(killed.status).toBe(200);
  const results = await Promise.all(filings);
  const { undelivered } = (await (await fetch(`${CONTROL}/outbox`)).json()) as { undelivered: number };
  const acknowledged = results.filter((r) => r.status === 201);
  expect(acknowledged.length).toBeGreaterThan(0);

  // The balancer keeps serving from node A.
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Обратиться в поддержку' }).first()).toBeVisible();
  const search = await page.request.get('/api/v1/kb/search?q=%D0%BF%D0%B0%D1%80%D0%BE%D0%BB%D1%8C&locale=ru');
  expect(search.status()).toBe(200);

  // Every filing B acknowledged gets its confirmation letter: node A delivers B's leftover events.
  await expect
    .poll(
      async () => {
        let found = 0;
        for (const r of acknowledged) if ((await mailsTo(r.email)).some((m) => /confirm\?token=/.test(m.text))) found += 1;
        return found;
      },
      { timeout: 120_000, intervals: [1000] },
    )
    .toBe(acknowledged.length);
  // And nothing stays undelivered.
  const pending = async () => ((await (await fetch(`${CONTROL}/outbox`)).json()) as { undelivered: number }).undelivered;
  await expect.poll(pending, { timeout: 90_000, intervals: [1000] }).toBe(0);
  const summary = `acknowledged ${acknowledged.length} of ${results.length}, undelivered events right after the kill ${undelivered}, all letters sent`;
  test.info().annotations.push({ type: 'kill', description: summary });
  console.log(`[nodes] ${summary}`);
  await api.dispose();
});
