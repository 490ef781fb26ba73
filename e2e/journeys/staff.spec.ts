import { expect, test } from '@playwright/test';
import type { Browser, Page, TestInfo } from '@playwright/test';

// Staff rights: an administrator finds people on the «Сотрудники» tab, gives a specialist the
// supervisor role (it applies at their next page), deactivates an operator — whose open console
// tab goes to the sign-in page at once and whose sign-in is refused — and reactivates them.
// A supervisor sees the same list read-only. Screenshots at 1366 px and 390 px.

async function signIn(page: Page, email: string, password: string, next = ''): Promise<void> {
  await page.goto(`/console/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.getByLabel('Рабочая электронная почта').fill(email);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
}

async function staffPage(browser: Browser, testInfo: TestInfo, email: string, password: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    locale: 'ru-RU',
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/console$/);
  return page;
}

test('an admin changes a person’s roles and deactivates an operator, whose open console session ends', async ({
  page,
  browser,
}, testInfo) => {
  // The operator is at work in another browser.
  const operator = await staffPage(browser, testInfo, 'operator@paydesk.local', 'demo-operator');
  await expect(operator.getByRole('navigation', { name: 'Очереди' })).toBeVisible();

  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, 'admin@paydesk.local', 'demo-admin', '/console/admin/staff');
  await expect(page).toHaveURL(/\/console\/admin\/staff$/);
  const tabs = page.getByRole('navigation', { name: 'Разделы администрирования' });
  await expect(tabs.getByRole('link', { name: 'Сотрудники', exact: true })).toHaveAttribute('aria-current', 'page');

  const olga = page.getByTestId('staff-operator@paydesk.local');
  await expect(olga).toContainText('Ольга Операторова');
  await expect(olga).toContainText('Оператор первой линии');
  await expect(olga).toContainText('Активен');
  // The admin's own row: no deactivation, the own admin role locked in the dialog.
  const me = page.getByTestId('staff-admin@paydesk.local');
  await expect(me).toContainText('(это вы)');
  await expect(me.getByRole('button', { name: /^Отключить/ })).toHaveCount(0);
  await me.getByRole('button', { name: 'Изменить роли: Анна Админова' }).click();
  const ownRoles = page.getByRole('dialog', { name: 'Роли: Анна Админова' });
  await expect(ownRoles.getByLabel('Администратор')).toBeDisabled();
  await expect(ownRoles).toContainText('Это вы: снять с себя роль администратора нельзя.');
  await ownRoles.getByRole('button', { name: 'Отмена' }).click();
  await expect(ownRoles).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('staff-1366.png'), fullPage: true });

  // Search, then give the specialist the supervisor role.
  await page.getByLabel('Поиск', { exact: true }).fill('техподдерж');
  await expect(page.getByText('Показано: 1 из')).toBeVisible();
  const sergey = page.getByTestId('staff-specialist@paydesk.local');
  await sergey.getByRole('button', { name: 'Изменить роли: Сергей Техподдержкин' }).click();
  const roles = page.getByRole('dialog', { name: 'Роли: Сергей Техподдержкин' });
  const save = roles.getByRole('button', { name: 'Сохранить роли' });
  await expect(save).toBeDisabled();
  await roles.getByLabel('Специалист отдела').uncheck();
  await expect(roles.getByText('Отметьте хотя бы одну роль.')).toBeVisible();
  await expect(save).toBeDisabled();
  await roles.getByLabel('Специалист отдела').check();
  await roles.getByLabel('Супервизор').check();
  await page.screenshot({ path: testInfo.outputPath('staff-roles-dialog.png') });
  await save.click();
  await expect(roles).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Роли сотрудника «Сергей Техподдержкин» сохранены' })).toBeVisible();
  await expect(sergey).toContainText('Супервизор');
  await page.getByRole('button', { name: 'Сбросить' }).click();

  // Deactivate the operator: the dialog says what happens.
  await olga.getByRole('button', { name: 'Отключить: Ольга Операторова' }).click();
  const confirm = page.getByRole('dialog', { name: 'Отключить сотрудника «Ольга Операторова»?' });
  await expect(confirm).toContainText('Все его сеансы завершатся сразу');
  await page.screenshot({ path: testInfo.outputPath('staff-deactivate-dialog.png') });
  await confirm.getByRole('button', { name: 'Отключить и завершить сеансы' }).click();
  await expect(confirm).toBeHidden();
  await expect(olga).toContainText('Отключён');
  await expect(olga.getByRole('button', { name: 'Включить: Ольга Операторова' })).toBeVisible();
  await page.getByLabel('Доступ', { exact: true }).selectOption('inactive');
  await expect(page.getByText('Показано: 1 из')).toBeVisible();

  // The operator's open console tab leaves for the sign-in page; the API refuses the old cookie.
  await expect(operator).toHaveURL(/\/console\/login/);
  expect((await operator.request.get('/api/v1/console/queues')).status()).toBe(401);
  await signIn(operator, 'operator@paydesk.local', 'demo-operator');
  await expect(operator.getByRole('alert')).toContainText('Неверный логин или пароль.');
  await expect(operator).toHaveURL(/\/console\/login/);

  // On a phone the list is a column of cards.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByLabel('Доступ', { exact: true }).selectOption('all');
  await expect(olga).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('staff-390.png'), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });

  // Reactivated, she signs in again.
  await olga.getByRole('button', { name: 'Включить: Ольга Операторова' }).click();
  const back = page.getByRole('dialog', { name: 'Включить сотрудника «Ольга Операторова»?' });
  await back.getByRole('button', { name: 'Включить доступ' }).click();
  await expect(olga).toContainText('Активен');
  await signIn(operator, 'operator@paydesk.local', 'demo-operator');
  await expect(operator).toHaveURL(/\/console$/);

  // The new supervisor reads the admin section, this tab read-only.
  const sergeyPage = await staffPage(browser, testInfo, 'specialist@paydesk.local', 'demo-specialist');
  await sergeyPage.goto('/console/admin/staff');
  await expect(sergeyPage.getByText('Вы видите список в режиме просмотра')).toBeVisible();
  await expect(sergeyPage.getByTestId('staff-operator@paydesk.local')).toContainText('Активен');
  await expect(sergeyPage.getByRole('button', { name: /^Изменить роли/ })).toHaveCount(0);
  await expect(sergeyPage.getByRole('button', { name: /^Отключить/ })).toHaveCount(0);
});
