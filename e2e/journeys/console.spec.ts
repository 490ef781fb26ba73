import { expect, request as playwrightRequest, test } from '@playwright/test';
import type { APIRequestContext, Browser, Page, TestInfo } from '@playwright/test';

// The console journeys: a request filed on the portal reaches the first line live, is answered from a
// template, transferred to the terminal service and answered there, and the customer reads the answer;
// a supervisor reveals a passport with a reason and finds the view in the audit log.

type CatalogNode = { id: string; slug: string; children: CatalogNode[] };

function baseUrl(testInfo: TestInfo): string {
  const url = testInfo.project.use.baseURL;
  if (!url) throw new Error('baseURL is not configured');
  return url;
}

/** The demo customer's API session (cookie + CSRF), as the portal would have it. */
async function customerApi(testInfo: TestInfo): Promise<{ api: APIRequestContext; csrf: string }> {
  const base = baseUrl(testInfo);
  const api = await playwrightRequest.newContext({ baseURL: base, extraHTTPHeaders: { origin: base } });
  const login = await api.post('/api/v1/auth/login', {
    data: { kind: 'customer', login: 'customer@paydesk.local', password: 'demo-customer' },
  });
  expect(login.status()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { api, csrf: csrfToken };
}

async function leafId(api: APIRequestContext, slug: string): Promise<string> {
  const { items } = (await (await api.get('/api/v1/catalog')).json()) as { items: CatalogNode[] };
  const find = (nodes: CatalogNode[]): CatalogNode | undefined => {
    for (const n of nodes) {
      if (n.slug === slug) return n;
      const inner = find(n.children);
      if (inner) return inner;
    }
    return undefined;
  };
  const leaf = find(items);
  if (!leaf) throw new Error(`no leaf ${slug}`);
  return leaf.id;
}

/** Files a request as the demo customer through the API; returns its number. */
async function fileRequest(testInfo: TestInfo, slug: string, subject: string, fields: Record<string, string>): Promise<string> {
  const { api, csrf } = await customerApi(testInfo);
  const response = await api.post('/api/v1/tickets', {
    headers: { 'x-csrf-token': csrf, 'idempotency-key': `e2e-${slug}-${Date.now()}` },
    data: { categoryId: await leafId(api, slug), subject, fields, locale: 'ru', replyChannel: 'portal', website: '' },
  });
  expect(response.status()).toBe(201);
  const { number } = (await response.json()) as { number: string };
  await api.dispose();
  return number;
}

async function staffPage(browser: Browser, testInfo: TestInfo, email: string, password: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl(testInfo),
    locale: 'ru-RU',
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  await signInStaff(page, email, password);
  return page;
}

async function signInStaff(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/console/login');
  await page.getByLabel('Рабочая электронная почта').fill(email);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/console$/);
}

const queues = (page: Page) => page.getByRole('navigation', { name: 'Очереди' });

test('a portal request reaches the first line live, is answered from a template, transferred and answered by the terminal service', async ({
  page,
  browser,
}, testInfo) => {
  const subject = `Вопрос по кошельку ${Date.now()}`;

  // The operator keeps "Неназначенные" open.
  await signInStaff(page, 'operator@paydesk.local', 'demo-operator');
  await queues(page)
    .getByRole('link', { name: /^Неназначенные/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: /Неназначенные/ })).toBeVisible();
  await expect(page.getByText('Обновляется автоматически')).toBeVisible();
  await expect(queues(page).getByRole('link', { name: /^Все/ })).toHaveCount(0);
  await page.evaluate(() => Object.assign(window, { e2eSamePage: true }));
  await page.screenshot({ path: testInfo.outputPath('01-operator-unassigned-before.png'), fullPage: true });

  // The customer files a request under a first-line leaf ("Кошелёк" → "Другой вопрос по кошельку").
  const number = await fileRequest(testInfo, 'wallet-other', subject, {
    description: 'Как поменять номер телефона, к которому привязан кошелёк?',
  });

  // It appears without a reload.
  const row = page.getByTestId('queue-row').filter({ hasText: subject });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toContainText(number);
  await expect(row).toContainText('Иван Клиентов');
  await expect(row).toContainText('Первая линия');
  expect(await page.evaluate(() => (window as unknown as { e2eSamePage?: boolean }).e2eSamePage)).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('02-operator-unassigned-live.png'), fullPage: true });

  // Opens and takes it.
  await row.getByRole('link', { name: number }).click();
  await expect(page).toHaveURL(new RegExp(`/console/tickets/${number}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(subject);
  await page.getByRole('button', { name: 'Взять', exact: true }).click();
  await expect(page.getByTestId('ws-assignee')).toHaveText('Ольга Операторова');
  await expect(page.getByTestId('account-panel').locator('.account-closed')).toBeVisible();

  // A canned answer, edited, then sent.
  await page.getByRole('button', { name: 'Шаблоны' }).click();
  const canned = page.getByRole('dialog', { name: 'Шаблоны ответов' });
  await expect(canned).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('03-canned-picker.png') });
  await canned.getByRole('button', { name: 'Вставить шаблон «Нужна идентификация»' }).click();
  await expect(canned).toBeHidden();
  const composer = page.getByRole('textbox', { name: 'Ответ клиенту' });
  await expect(composer).toHaveValue(/^Здравствуйте, Иван Клиентов!/);
  const template = await composer.inputValue();
  await composer.fill(`${template.replace('Здравствуйте', 'Добрый день')}\n\nP. S. Смена номера — тоже после идентификации.`);
  await page.screenshot({ path: testInfo.outputPath('04-composer-edited.png'), fullPage: true });
  await page.getByRole('button', { name: 'Отправить ответ' }).click();
  await expect(page.locator('.composer__sent')).toContainText('на e-mail customer@paydesk.local ушло уведомление');
  const answer = page.getByTestId('cmsg-staff').filter({ hasText: 'Добрый день, Иван Клиентов!' });
  await expect(answer).toContainText('Смена номера — тоже после идентификации');
  await expect(composer).toHaveValue('');

  // An internal note stands apart from the public thread.
  await page.getByRole('tab', { name: 'Внутренняя заметка' }).click();
  await page.getByRole('textbox', { name: 'Внутренняя заметка' }).fill('Клиент спрашивал и про терминал у дома.');
  await page.getByRole('button', { name: 'Добавить заметку' }).click();
  await expect(page.getByTestId('cmsg-internal')).toContainText('Внутренняя заметка');

  // Transferred to the terminal service, with a reason.
  await page.getByRole('button', { name: 'Передать в отдел' }).click();
  const transfer = page.getByRole('dialog', { name: 'Передать в отдел' });
  await transfer.getByRole('button', { name: 'Передать в отдел' }).click();
  await expect(transfer.getByText('Выберите отдел.')).toBeVisible();
  await expect(transfer.getByText('Укажите причину.')).toBeVisible();
  await transfer.getByLabel('Отдел').selectOption({ label: 'Терминальная служба' });
  await transfer.getByLabel('Причина').fill('Вопрос о терминале у дома клиента');
  await page.screenshot({ path: testInfo.outputPath('05-transfer-dialog.png') });
  await transfer.getByRole('button', { name: 'Передать в отдел' }).click();
  await expect(transfer).toBeHidden();
  await expect(page.locator('.ws-meta')).toContainText('Терминальная служба');
  await expect(page.getByText(/Только просмотр/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Передать в отдел' })).toHaveCount(0);
  await page.getByRole('tab', { name: /История/ }).click();
  const transferred = page.locator('.timeline__item', { hasText: 'Передано в отдел' });
  await expect(transferred).toContainText('Первая линия → Терминальная служба');
  await expect(transferred).toContainText('«Вопрос о терминале у дома клиента»');
  await page.screenshot({ path: testInfo.outputPath('06-operator-history.png'), fullPage: true });

  // The terminal service finds it among its unassigned requests and answers.
  const terminal = await staffPage(browser, testInfo, 'terminal@paydesk.local', 'demo-terminal');
  await queues(terminal)
    .getByRole('link', { name: /^Неназначенные/ })
    .click();
  const terminalRow = terminal.getByTestId('queue-row').filter({ hasText: subject });
  await expect(terminalRow).toContainText('Терминальная служба');
  await terminal.screenshot({ path: testInfo.outputPath('07-terminal-unassigned.png'), fullPage: true });
  await terminalRow.getByRole('link', { name: number }).click();
  await expect(terminal.getByTestId('cmsg-internal')).toContainText('терминал у дома');
  await terminal
    .getByRole('textbox', { name: 'Ответ клиенту' })
    .fill('Терминал у вашего дома работает; номер телефона меняется после идентификации.');
  await terminal.getByRole('button', { name: 'Отправить ответ' }).click();
  await expect(terminal.getByTestId('cmsg-staff').filter({ hasText: 'Терминал у вашего дома работает' })).toBeVisible();
  await terminal.screenshot({ path: testInfo.outputPath('08-terminal-workspace.png'), fullPage: true });

  // The operator's open page followed the change (the terminal specialist's answer arrived live or on the next read).
  await page.getByRole('tab', { name: /Переписка/ }).click();
  await expect(page.getByTestId('cmsg-staff').filter({ hasText: 'Терминал у вашего дома работает' })).toBeVisible({
    timeout: 15_000,
  });

  // The customer reads both answers on the portal, never the internal note.
  const customer = await (
    await browser.newContext({ baseURL: baseUrl(testInfo), locale: 'ru-RU', viewport: { width: 1280, height: 800 } })
  ).newPage();
  await customer.goto(`/login?next=${encodeURIComponent(`/requests/${number}`)}`);
  await customer.getByLabel('Электронная почта или телефон').fill('customer@paydesk.local');
  await customer.getByLabel('Пароль', { exact: true }).fill('demo-customer');
  await customer.getByRole('button', { name: 'Войти' }).click();
  await expect(customer).toHaveURL(new RegExp(`/requests/${number}$`));
  await expect(customer.locator('.message--staff', { hasText: 'Добрый день, Иван Клиентов!' })).toBeVisible();
  await expect(customer.locator('.message--staff', { hasText: 'Терминал у вашего дома работает' })).toBeVisible();
  await expect(customer.getByText('Клиент спрашивал и про терминал у дома.')).toHaveCount(0);
  await customer.screenshot({ path: testInfo.outputPath('09-customer-request.png'), fullPage: true });
});

test('a supervisor reveals a passport with a reason, identifies the customer and finds the view in the audit log', async ({
  page,
}, testInfo) => {
  const number = await fileRequest(testInfo, 'wallet-blocked', 'Кошелёк заблокирован после смены телефона', {
    wallet: '+79001234567',
    passport_data: '4510 123456',
    blocked_on: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
    description: 'Сменил телефон, вошёл — кошелёк заблокирован.',
  });

  await signInStaff(page, 'supervisor@paydesk.local', 'demo-supervisor');
  await expect(page.getByRole('link', { name: 'Журнал аудита' })).toBeVisible();
  await queues(page).getByRole('link', { name: /^Все/ }).click();
  await page.getByRole('searchbox', { name: 'Поиск по номеру, теме или e-mail' }).fill(number);
  await page.getByRole('searchbox', { name: 'Поиск по номеру, теме или e-mail' }).press('Enter');
  await expect(page).toHaveURL(new RegExp(`q=${number}`));
  await expect(page.getByTestId('queue-row')).toHaveCount(1);
  await page.getByTestId('queue-row').getByRole('link', { name: number }).click();

  // The passport is masked; "Показать" asks for a reason first.
  const passport = page.locator('.ws-fields > div', { hasText: 'Серия и номер паспорта' });
  await expect(passport).not.toContainText('4510 123456');
  await passport.getByRole('button', { name: 'Показать' }).click();
  const dialog = page.getByRole('dialog', { name: 'Показать: Серия и номер паспорта' });
  await dialog.getByRole('button', { name: 'Показать' }).click();
  await expect(dialog.getByText('Укажите причину.')).toBeVisible();
  await dialog.getByLabel('Причина просмотра').fill('Клиент просит сверить паспорт для разблокировки');
  await dialog.getByRole('button', { name: 'Показать' }).click();
  await expect(dialog.getByTestId('revealed-value')).toContainText('4510 123456');
  await page.screenshot({ path: testInfo.outputPath('10-supervisor-reveal.png') });
  await dialog.getByRole('button', { name: 'Скрыть и закрыть' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('4510 123456')).toHaveCount(0);

  // Identification opens the account panel.
  await expect(page.getByTestId('account-panel').locator('.account-closed')).toBeVisible();
  await page.getByLabel('Серия и номер паспорта').fill('4510 123456');
  await page.locator('.ident-form').getByRole('button', { name: 'Проверить' }).click();
  await expect(page.getByTestId('ident-state')).toHaveText('Клиент идентифицирован');
  const account = page.getByTestId('account-panel');
  await expect(account).toContainText('+7 900 123-45-67');
  await expect(account).toContainText('Активен');
  await expect(account).toContainText('SMS-подтверждение отключено');
  await expect(account).toContainText('Превышен недельный лимит вывода');
  await page.screenshot({ path: testInfo.outputPath('11-supervisor-identified.png'), fullPage: true });

  // The supervisor hands the request to a named colleague of its department.
  await page.getByRole('toolbar', { name: 'Действия с обращением' }).getByRole('button', { name: 'Назначить' }).click();
  const assign = page.getByRole('dialog', { name: 'Назначить' });
  await assign.getByRole('button', { name: 'Назначить' }).click();
  await expect(assign.getByText('Выберите сотрудника.')).toBeVisible();
  await assign.getByLabel('Сотрудник').selectOption({ label: 'Сергей Техподдержкин, уровень 2' });
  await page.screenshot({ path: testInfo.outputPath('11b-assign-dialog.png') });
  await assign.getByRole('button', { name: 'Назначить' }).click();
  await expect(assign).toBeHidden();
  await expect(page.getByTestId('ws-assignee')).toHaveText('Сергей Техподдержкин');

  // The view is in the audit log with its reason.
  await page.getByRole('link', { name: 'Журнал аудита' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Журнал аудита' })).toBeVisible();
  await page.getByLabel('Действие').selectOption({ label: 'Просмотр личных данных' });
  await page.getByLabel('Номер обращения').fill(number);
  await page.getByRole('button', { name: 'Показать' }).click();
  await expect(page).toHaveURL(/action=pii\.revealed/);
  const entry = page.getByTestId('audit-row').filter({ hasText: 'Просмотр личных данных' });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Марина Старшая');
  await expect(entry).toContainText(number);
  await expect(entry).toContainText('«Клиент просит сверить паспорт для разблокировки»');
  // The audit log reads as a sentence: what was seen, in words, not the field's key.
  await expect(entry).toContainText('Просмотрены личные данные: паспорт');
  await expect(entry).not.toContainText('passport_data');
  await page.screenshot({ path: testInfo.outputPath('12-audit-log.png'), fullPage: true });

  // Everything one person did: a click on their name filters by them.
  await page.getByRole('button', { name: 'Сбросить фильтры' }).click();
  await page.getByTestId('audit-row').getByRole('button', { name: 'Марина Старшая' }).first().click();
  await expect(page).toHaveURL(/actor=/);
  await expect(page.getByLabel('Кто')).toHaveValue(/[0-9a-f-]{36}/);
  const rows = page.getByTestId('audit-row');
  await expect(rows.filter({ hasText: 'Назначен исполнитель' })).toHaveCount(1);
  await expect(rows.filter({ hasNotText: 'Марина Старшая' })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('13-audit-by-person.png'), fullPage: true });
});

test('an operator sees neither the audit log nor administration, and a closed page says so', async ({ page }) => {
  await signInStaff(page, 'operator@paydesk.local', 'demo-operator');
  await expect(page.getByRole('link', { name: 'Журнал аудита' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Администрирование' })).toHaveCount(0);
  await page.goto('/console/audit');
  await expect(page.getByText('Нет доступа')).toBeVisible();
  await page.goto('/console/queues/all');
  await expect(page.getByText('Нет доступа')).toBeVisible();
  await page.goto('/console/tickets/PD-9999999');
  await expect(page.getByText('Обращение не найдено')).toBeVisible();
});
