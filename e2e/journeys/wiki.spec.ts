import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';

const SLUG = 'terminal-ne-vydal-chek';

function baseUrl(testInfo: TestInfo): string {
  return String(testInfo.project.use.baseURL ?? 'http://127.0.0.1:3100');
}

async function customerPage(browser: Browser, testInfo: TestInfo, login: string, password: string, next: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl(testInfo),
    locale: 'ru-RU',
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Электронная почта или телефон').fill(login);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/]/g, '\\/')}$`));
  return page;
}

test('the portal shows the active notice on every page, the notices list and the contacts from settings', async ({ page }) => {
  await page.goto('/');
  const banner = page.getByRole('status').filter({ hasText: 'Плановые работы: Обновление SMS-уведомлений' });
  await expect(banner).toBeVisible();
  await page.screenshot({ path: '/tmp/wiki-notices-home-banner.png' });

  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Контакты' }).click();
  await expect(page).toHaveURL(/\/contacts$/);
  await expect(page.getByRole('link', { name: '8 800 000-00-01' })).toHaveAttribute('href', 'tel:+78000000001');
  await expect(page.getByRole('link', { name: 'security@paydesk.local' })).toBeVisible();
  await expect(banner).toBeVisible();
  await page.screenshot({ path: '/tmp/wiki-notices-contacts.png', fullPage: true });

  await page.goto('/notices?state=upcoming');
  await expect(page.getByRole('heading', { name: 'Ночные работы на сервере переводов' })).toBeVisible();
  await page.goto('/notices?state=past');
  await expect(page.getByRole('heading', { name: 'Обновление платёжной системы' })).toBeVisible();
  await page.screenshot({ path: '/tmp/wiki-notices-notices.png', fullPage: true });

  // Hidden for the session once dismissed.
  await page.getByRole('button', { name: /Скрыть уведомление/ }).click();
  await expect(banner).toHaveCount(0);
  await page.goto('/wiki');
  await expect(page.getByRole('heading', { name: 'Вики', level: 1 })).toBeVisible();
  await expect(banner).toHaveCount(0);
});

test('a level-3 member edits a wiki page while a level-1 member can only propose', async ({ browser }, testInfo) => {
  // Level 3: edits directly, and the page shows the new revision with its diff in the history.
  const author = await customerPage(browser, testInfo, 'wiki-author@paydesk.local', 'demo-wiki3', `/wiki/${SLUG}`);
  await expect(author.getByRole('heading', { name: 'Что делать, если терминал не выдал чек', level: 1 })).toBeVisible();
  await expect(author.getByTestId('wiki-revision')).toContainText('Версия 1');
  await author.getByRole('link', { name: 'Редактировать' }).click();
  await expect(author).toHaveURL(new RegExp(`/wiki/${SLUG}/edit$`));
  const body = author.getByLabel('Текст');
  await body.fill(
    `${await body.inputValue()}\n\nЕсли терминал стоит в магазине, попросите сотрудника магазина записать номер терминала.`,
  );
  await author.getByLabel('Что изменено (коротко)').fill('Совет про терминалы в магазинах');
  await author.screenshot({ path: '/tmp/wiki-notices-edit.png', fullPage: true });
  await author.getByRole('button', { name: 'Сохранить' }).click();
  await expect(author.getByText('Правка сохранена: версия 2.')).toBeVisible();
  await expect(author.getByTestId('wiki-revision')).toContainText('Версия 2');
  await expect(author.getByText('попросите сотрудника магазина')).toBeVisible();
  await author.getByRole('link', { name: 'История изменений' }).click();
  await author.getByRole('link', { name: 'Версия 2' }).click();
  await expect(author.getByRole('group', { name: 'Изменения по строкам' })).toContainText('попросите сотрудника магазина');
  await author.screenshot({ path: '/tmp/wiki-notices-revision.png', fullPage: true });

  // Level 1: no edit button, only a proposal, which waits for the moderators.
  const newcomer = await customerPage(browser, testInfo, 'wiki-newcomer@paydesk.local', 'demo-wiki1', `/wiki/${SLUG}`);
  await expect(newcomer.getByRole('link', { name: 'Редактировать' })).toHaveCount(0);
  await expect(newcomer.getByText('Ваш уровень — 1.')).toBeVisible();
  await newcomer.screenshot({ path: '/tmp/wiki-notices-level1.png', fullPage: true });
  await newcomer.getByRole('link', { name: 'Предложить правку' }).click();
  const text = newcomer.getByLabel('Текст');
  await text.fill(`${await text.inputValue()}\n\nЧек можно попросить повторно в приложении оператора терминала, если оно есть.`);
  await newcomer.getByRole('button', { name: 'Отправить на проверку' }).click();
  await expect(newcomer.getByText('Предложение отправлено модераторам.')).toBeVisible();
  await expect(newcomer.getByTestId('wiki-revision')).toContainText('Версия 2');
  await newcomer.getByRole('link', { name: 'Мои предложения' }).first().click();
  await expect(newcomer.getByText('на проверке')).toBeVisible();
  await newcomer.screenshot({ path: '/tmp/wiki-notices-mine.png', fullPage: true });

  // A moderator accepts it in the console: the page gets revision 3, authored by the newcomer.
  const context = await browser.newContext({
    baseURL: baseUrl(testInfo),
    locale: 'ru-RU',
    viewport: { width: 1280, height: 900 },
  });
  const moderator = await context.newPage();
  await moderator.goto('/console/login');
  await moderator.getByLabel('Рабочая электронная почта').fill('supervisor@paydesk.local');
  await moderator.getByLabel('Пароль', { exact: true }).fill('demo-supervisor');
  await moderator.getByRole('button', { name: 'Войти' }).click();
  await expect(moderator).toHaveURL(/\/console$/);
  await moderator.goto('/console/admin/wiki');
  await expect(moderator.getByRole('heading', { name: 'Предложения на проверке: 1' })).toBeVisible();
  await expect(moderator.getByRole('group', { name: 'Изменения по строкам' })).toContainText('приложении оператора терминала');
  await moderator.screenshot({ path: '/tmp/wiki-notices-console-queue.png', fullPage: true });
  await moderator.getByRole('button', { name: 'Принять' }).click();
  await expect(moderator.getByRole('heading', { name: 'Предложения на проверке: 0' })).toBeVisible();
  await newcomer.goto(`/wiki/${SLUG}/history`);
  await expect(newcomer.getByRole('listitem').filter({ hasText: 'Версия 3' })).toContainText(
    'Дмитрий Новиков (принято модератором)',
  );

  // The contacts and notices tabs (admins edit contacts; screenshots only).
  await moderator.goto('/console/admin/notices');
  await expect(moderator.getByRole('cell', { name: 'Обновление SMS-уведомлений' })).toBeVisible();
  await moderator.screenshot({ path: '/tmp/wiki-notices-console-notices.png', fullPage: true });
});

test('an admin edits the contacts in the console: errors beside the field, then the portal shows the new number', async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext({
    baseURL: baseUrl(testInfo),
    locale: 'ru-RU',
    viewport: { width: 1280, height: 900 },
  });
  const admin = await context.newPage();
  await admin.goto('/console/login');
  await admin.getByLabel('Рабочая электронная почта').fill('admin@paydesk.local');
  await admin.getByLabel('Пароль', { exact: true }).fill('demo-admin');
  await admin.getByRole('button', { name: 'Войти' }).click();
  await expect(admin).toHaveURL(/\/console$/);
  await admin.goto('/console/admin/contacts');
  const tel = admin.getByLabel('Номер для звонка (+ и цифры)').first();
  await tel.fill('8-800-abc');
  await admin.getByRole('button', { name: 'Сохранить' }).first().click();
  await expect(admin.getByText('только цифры, в начале можно «+»').first()).toBeVisible();
  await admin.screenshot({ path: '/tmp/wiki-notices-console-contacts.png', fullPage: true });
  await tel.fill('+78005553535');
  await admin.getByLabel('Номер, как печатается').first().fill('8 800 555-35-35');
  await admin.getByRole('button', { name: 'Сохранить' }).first().click();
  await expect(admin.getByText('Сохранено. Изменения действуют сразу.').first()).toBeVisible();
  const portal = await context.newPage();
  await portal.goto('/contacts');
  await expect(portal.getByRole('link', { name: '8 800 555-35-35' })).toHaveAttribute('href', 'tel:+78005553535');
});
