import { expect, request as playwrightRequest, test } from '@playwright/test';
import type { Page, TestInfo } from '@playwright/test';

// Outgoing mail: an operator answers a request whose customer chose e-mail; the answer reaches
// the SMTP capture with [#NUMBER] in the subject, and the admin finds it sent under "Исходящая почта".

const MAIL_API = `http://127.0.0.1:${process.env.E2E_MAIL_PORT ?? '3101'}/messages`;
type CatalogNode = { id: string; slug: string; children: CatalogNode[] };
type Mail = { to: string; subject: string; text: string; headers?: Record<string, string> };

function baseUrl(testInfo: TestInfo): string {
  const url = testInfo.project.use.baseURL;
  if (!url) throw new Error('baseURL is not configured');
  return url;
}

/** Files a request as the demo customer with answers by e-mail; returns its number. */
async function fileByEmail(testInfo: TestInfo, subject: string): Promise<string> {
  const base = baseUrl(testInfo);
  const api = await playwrightRequest.newContext({ baseURL: base, extraHTTPHeaders: { origin: base } });
  const login = await api.post('/api/v1/auth/login', {
    data: { kind: 'customer', login: 'customer@paydesk.local', password: 'demo-customer' },
  });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const { items } = (await (await api.get('/api/v1/catalog')).json()) as { items: CatalogNode[] };
  const find = (nodes: CatalogNode[]): CatalogNode | undefined =>
    nodes.find((n) => n.slug === 'wallet-other') ?? nodes.map((n) => find(n.children)).find(Boolean);
  const response = await api.post('/api/v1/tickets', {
    headers: { 'x-csrf-token': csrfToken, 'idempotency-key': `e2e-mail-${Date.now()}` },
    data: {
      categoryId: find(items)!.id,
      subject,
      fields: { description: 'Не пришёл кешбэк за покупку в феврале.' },
      locale: 'ru',
      replyChannel: 'email',
      website: '',
    },
  });
  expect(response.status()).toBe(201);
  const { number } = (await response.json()) as { number: string };
  await api.dispose();
  return number;
}

async function signInStaff(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/console/login');
  await page.getByLabel('Рабочая электронная почта').fill(email);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/console$/);
}

test('an operator’s answer goes out by mail with the number in the subject, and the admin sees it sent', async ({
  page,
  browser,
}, testInfo) => {
  const subject = `Кешбэк ${Date.now()}`;
  const number = await fileByEmail(testInfo, subject);

  await signInStaff(page, 'operator@paydesk.local', 'demo-operator');
  await page.goto(`/console/tickets/${number}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(subject);
  await page.getByRole('button', { name: 'Взять', exact: true }).click();
  await expect(page.getByTestId('ws-assignee')).toHaveText('Ольга Операторова');
  const answer = `Кешбэк начислен сегодня, проверьте баланс. (${number})`;
  await page.getByRole('textbox', { name: 'Ответ клиенту' }).fill(answer);
  await page.getByRole('button', { name: 'Отправить ответ' }).click();
  await expect(page.locator('.composer__sent')).toContainText('Отправлено на e-mail');

  // The capture has the answer, with [#NUMBER] in the subject and the text in the body.
  let mail: Mail | undefined;
  await expect
    .poll(
      async () => {
        const res = await page.request.get(`${MAIL_API}?to=${encodeURIComponent('customer@paydesk.local')}`);
        const { items } = (await res.json()) as { items: Mail[] };
        mail = items.find((m) => m.subject === `[#${number}] Ответ по обращению ${number}`);
        return Boolean(mail);
      },
      { timeout: 20_000, message: `the answer to ${number} in the SMTP capture` },
    )
    .toBe(true);
  expect(mail!.text).toContain(answer);

  // The admin opens "Исходящая почта", finds it by number, sent, and opens the letter.
  const adminContext = await browser.newContext({
    baseURL: baseUrl(testInfo),
    locale: 'ru-RU',
    viewport: { width: 1280, height: 900 },
  });
  const admin = await adminContext.newPage();
  await signInStaff(admin, 'admin@paydesk.local', 'demo-admin');
  await admin.goto('/console/admin/mail');
  await expect(admin.getByRole('link', { name: 'Исходящая почта' })).toHaveAttribute('aria-current', 'page');
  await admin.getByLabel('Обращение', { exact: true }).fill(number);
  await admin.getByRole('button', { name: 'Найти' }).click();
  const row = admin.getByRole('row').filter({ hasText: `[#${number}] Ответ по обращению ${number}` });
  await expect(row).toBeVisible();
  await expect(row.getByText('Отправлено', { exact: true })).toBeVisible();
  await expect(admin.getByRole('row').filter({ hasText: `[#${number}] Обращение ${number} принято` })).toBeVisible();
  await row.getByRole('button', { name: /^Открыть письмо/ }).click();
  const frame = admin.frameLocator('iframe[title="HTML-версия письма"]');
  await expect(frame.getByText(answer)).toBeVisible();
  await expect(admin.locator('iframe[title="HTML-версия письма"]')).toHaveAttribute('sandbox', '');
  await admin.screenshot({ path: '/tmp/mail-out-outgoing.png', fullPage: true });
  await admin.screenshot({ path: testInfo.outputPath('outgoing-mail.png'), fullPage: true });
  await admin.getByRole('tab', { name: 'Текст' }).click();
  await expect(admin.locator('.mail-view__text')).toContainText(answer);
  await adminContext.close();
});
