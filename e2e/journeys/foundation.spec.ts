import { expect, test } from '@playwright/test';

// The foundation journey: the portal in Russian by default, the language switch that
// persists, and the operator console's sign-in, queues and sign-out.

test('portal speaks Russian by default and remembers the chosen language', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Чем мы можем помочь?' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Проверить платёж' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Горячая линия' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('portal-home.png'), fullPage: true });

  await page.getByRole('button', { name: 'Українська' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Чим ми можемо допомогти?' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Чим ми можемо допомогти?' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Українська' })).toHaveAttribute('aria-pressed', 'true');
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === 'pd_locale')?.value).toBe('uk');

  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Чем мы можем помочь?' })).toBeVisible();
});

test('operator signs in, sees the queues, and signs out', async ({ page }, testInfo) => {
  await page.goto('/console');
  await expect(page).toHaveURL(/\/console\/login$/);
  await expect(page.getByRole('heading', { name: 'Вход для сотрудников' })).toBeVisible();

  const email = page.getByLabel('Рабочая электронная почта');
  const password = page.getByLabel('Пароль', { exact: true });

  await email.fill('operator@paydesk.local');
  await password.fill('not-the-password');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByRole('alert')).toHaveText('Неверный логин или пароль.');
  await expect(page).toHaveURL(/\/console\/login$/);

  await password.fill('demo-operator');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/console$/);
  await expect(page.getByRole('heading', { level: 1, name: /Мои обращения/ })).toBeVisible();
  // The demo working day assigns one request to the operator.
  await expect(page.getByTestId('queue-row').filter({ hasText: 'Как включить пакет «Приоритет»?' })).toBeVisible();
  await expect(page.getByTestId('console-user-name')).toHaveText('Ольга Операторова');
  await expect(page.getByText('Оператор первой линии')).toBeVisible();
  const queues = page.getByRole('navigation', { name: 'Очереди' });
  for (const name of ['Неназначенные', 'Ждут клиента', 'Под угрозой SLA', 'Просрочены']) {
    await expect(queues.getByRole('link', { name: new RegExp(`^${name}`) })).toBeVisible();
  }
  // "Все" is for supervisors and admins.
  await expect(queues.getByRole('link', { name: /^Все/ })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('console-queue.png'), fullPage: true });

  // Switching the language while signed in also saves it to the profile.
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me/locale'));
  await page.getByRole('button', { name: 'Українська' }).click();
  expect((await saved).status()).toBe(204);
  await expect(page.getByRole('heading', { level: 1, name: /Мої звернення/ })).toBeVisible();
  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Мои обращения/ })).toBeVisible();

  // The session survives a reload (cookie), then sign-out ends it.
  await page.reload();
  await expect(page.getByTestId('queue-row').filter({ hasText: 'Как включить пакет «Приоритет»?' })).toBeVisible();
  await page.getByRole('button', { name: 'Выйти' }).click();
  await expect(page).toHaveURL(/\/console\/login$/);
  await expect(page.getByRole('heading', { name: 'Вход для сотрудников' })).toBeVisible();

  await page.goto('/console');
  await expect(page).toHaveURL(/\/console\/login$/);
});

test('customer signs in on the portal and signs out', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Вход в личный кабинет' })).toBeVisible();

  await page.getByLabel('Электронная почта или телефон').fill('customer@paydesk.local');
  await page.getByLabel('Пароль', { exact: true }).fill('demo-customer');
  await page.getByRole('button', { name: 'Войти' }).click();

  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText('Иван Клиентов')).toBeVisible();
  await page.getByRole('button', { name: 'Выйти' }).click();
  await expect(page.getByRole('link', { name: 'Войти' })).toBeVisible();
});

// Sign-in is throttled per account and address (no lock anyone could trigger): after a few wrong
// passwords in a row this browser waits, with a Russian message that says how long.
test('repeated wrong passwords slow sign-in down with a Russian message and the wait', async ({ page }) => {
  await page.goto('/console/login');
  await page.getByLabel('Рабочая электронная почта').fill('security@paydesk.local');
  const password = page.getByLabel('Пароль', { exact: true });
  const alert = page.getByRole('alert');
  for (let attempt = 0; attempt < 6; attempt += 1) {
    await password.fill(`wrong-${attempt}`);
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect(alert).toBeVisible();
    if ((await alert.textContent())?.includes('Слишком много попыток')) break;
  }
  await expect(alert).toContainText('Слишком много попыток подряд');
  await expect(alert).toContainText(/Повторите попытку в \d\d:\d\d — через \d+ мин/);
});
