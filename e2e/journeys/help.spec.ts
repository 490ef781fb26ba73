import { expect, test } from '@playwright/test';

// The help centre: a customer searches in their own words, opens the answer, reads the short
// answer first and says it helped. Then the same page on a phone, and the English fallback.

test('search "заблокировали кошелек", open wallet-blocked, vote "yes"', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Помощь' }).click();
  await expect(page).toHaveURL(/\/help$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Помощь' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Разделы' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Кошелёк', exact: true })).toBeVisible();

  const box = page.getByRole('searchbox', { name: 'Поиск по справке' });
  await box.fill('заблокировали кошелек');
  // Suggestions as one types.
  await expect(page.getByRole('list', { name: 'Подсказки' }).getByRole('link').first()).toBeVisible();
  await page.screenshot({ path: '/tmp/kb-portal-help-home.png', fullPage: true });
  await box.press('Enter');

  await expect(page).toHaveURL(/\/help\/search\?q=/);
  const results = page.getByTestId('help-results');
  const first = results.getByRole('link').first();
  await expect(first).toHaveText(/Кошел[её]к заблокирован/);
  await page.screenshot({ path: '/tmp/kb-portal-help-search.png', fullPage: true });
  await first.click();

  await expect(page).toHaveURL(/\/help\/wallet-blocked$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Кошел[её]к заблокирован/);
  await expect(page.getByText('Коротко', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Написать в поддержку' })).toHaveAttribute(
    'href',
    '/contact/wallet/wallet-blocked',
  );

  const vote = page.getByTestId('help-vote');
  await expect(vote.getByRole('heading', { name: 'Помогла ли статья?' })).toBeVisible();
  await vote.getByRole('button', { name: 'Да' }).click();
  await expect(vote.getByText('Спасибо! Рады, что статья помогла.')).toBeVisible();
  await page.screenshot({ path: '/tmp/kb-portal-help-article.png', fullPage: true });

  // The vote is remembered for this visitor.
  await page.reload();
  await expect(page.getByTestId('help-vote').getByText('Спасибо! Рады, что статья помогла.')).toBeVisible();
  await testInfo.attach('article', { path: '/tmp/kb-portal-help-article.png', contentType: 'image/png' });
});

test('an article on a phone, and the Russian fallback in English', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/help/terminal-no-receipt');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
  await page.screenshot({ path: '/tmp/kb-portal-help-phone.png', fullPage: true });

  await page.getByRole('button', { name: 'English' }).click();
  await page.goto('/help/s/support');
  await expect(page.getByRole('heading', { level: 1, name: 'Contacting support' })).toBeVisible();
});

test('an admin edits an article in the console, sees the diff and restores the old text', async ({ page }) => {
  await page.goto('/console/login');
  await page.getByLabel('Рабочая электронная почта').fill('admin@paydesk.local');
  await page.getByLabel('Пароль', { exact: true }).fill('demo-admin');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/console$/);

  await page.getByRole('link', { name: 'База знаний' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'База знаний' })).toBeVisible();
  await page.getByLabel('Поиск по названию или адресу').fill('password-recovery');
  await page.getByRole('button', { name: 'Показать' }).click();
  await page
    .getByRole('link', { name: /пароль/i })
    .first()
    .click();
  await expect(page.getByText('Версия 1', { exact: true })).toBeVisible();

  const summary = page.getByLabel('Коротко (2–3 предложения — показываются первыми)');
  await summary.fill(`${await summary.inputValue()} Проверено службой поддержки.`);
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Сохранено, версия 2.')).toBeVisible();
  await page.getByRole('listitem').filter({ hasText: 'Версия 2' }).getByRole('button', { name: 'Изменения' }).click();
  await expect(page.getByTestId('kb-diff')).toContainText('Проверено службой поддержки.');
  await page.screenshot({ path: '/tmp/kb-portal-console-editor.png', fullPage: true });

  await page.getByRole('listitem').filter({ hasText: 'Версия 1' }).getByRole('button', { name: 'Вернуть эту версию' }).click();
  await expect(page.getByText('Возвращён текст версии 1; это версия 3.')).toBeVisible();

  await page.getByRole('link', { name: 'Не помогли' }).click();
  await page.screenshot({ path: '/tmp/kb-portal-console-unhelpful.png', fullPage: true });
});
