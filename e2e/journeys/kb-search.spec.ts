import { expect, test } from '@playwright/test';

// Help-centre search and the virtual consultant: the customer asks the consultant on the home
// page and follows its first link; search finds wallet-blocked for "заблокировали кошелек".
// The help-centre pages themselves (/help/<slug>) come with the help-centre portal work.

test('ask the consultant "не приходит смс с кодом" and follow its first link', async ({ page }) => {
  await page.goto('/');
  const toggle = page.getByRole('button', { name: 'Консультант' });
  await toggle.click();
  const dialog = page.getByRole('dialog', { name: 'Виртуальный консультант' });
  await expect(dialog).toBeVisible();
  const input = dialog.getByRole('textbox', { name: 'Ваш вопрос консультанту' });
  await expect(input).toBeFocused();
  await input.fill('не приходит смс с кодом');
  await input.press('Enter');

  const links = dialog.getByRole('list', { name: 'Статьи справки' }).getByRole('link');
  await expect(links.first()).toHaveText('Не приходит SMS-код');
  await expect(links.first()).toHaveAttribute('href', '/help/sms-code-not-received');
  await expect(dialog.getByText(/код задерживается/)).toBeVisible();
  await expect(dialog.getByRole('link', { name: 'Написать в поддержку' })).toHaveAttribute(
    'href',
    /^\/contact\/.+\/wallet-sms-code$/,
  );
  await page.screenshot({ path: '/tmp/kb-search-consultant.png' });

  await links.first().click();
  await expect(page).toHaveURL(/\/help\/sms-code-not-received$/);
  await expect(dialog).toBeHidden();
});

test('the consultant hands off to the wizard when asked for a person, by keyboard, on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 780 });
  await page.goto('/');
  const toggle = page.getByRole('button', { name: 'Консультант' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Виртуальный консультант' });
  await page.keyboard.type('позовите оператора, кошелёк заблокировали');
  await page.keyboard.press('Enter');
  const write = dialog.getByRole('link', { name: 'Написать в поддержку' });
  await expect(write).toHaveAttribute('href', /\/wallet-blocked$/);
  await expect(dialog.getByText(/Живой чат с оператором пока не работает/)).toBeVisible();
  await page.screenshot({ path: '/tmp/kb-search-consultant-phone.png' });

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(toggle).toBeFocused();

  await toggle.click();
  await write.click();
  await expect(page).toHaveURL(/\/contact\/.+\/wallet-blocked$/);
});

test('search "заблокировали кошелек" finds wallet-blocked first, with highlights and suggestions', async ({ page }) => {
  const search = await page.request.get(`/api/v1/kb/search?q=${encodeURIComponent('заблокировали кошелек')}&locale=ru`);
  expect(search.ok()).toBe(true);
  const { items } = (await search.json()) as { items: Array<{ slug: string; title: string; snippet: string }> };
  expect(items[0]?.slug).toBe('wallet-blocked');
  expect(items[0]?.snippet).toContain('<mark>');

  const suggest = await page.request.get(`/api/v1/kb/suggest?q=${encodeURIComponent('кошелек забл')}&locale=ru`);
  const suggestions = (await suggest.json()) as { items: Array<{ slug: string; title: string }> };
  expect(suggestions.items[0]?.slug).toBe('wallet-blocked');

  // The article link the help centre's results point to.
  await page.goto('/');
  await page.getByRole('button', { name: 'Консультант' }).click();
  const dialog = page.getByRole('dialog', { name: 'Виртуальный консультант' });
  await dialog.getByRole('textbox').fill('заблокировали кошелек');
  await dialog.getByRole('button', { name: 'Спросить' }).click();
  await expect(dialog.getByRole('list', { name: 'Статьи справки' }).getByRole('link').first()).toHaveAttribute(
    'href',
    '/help/wallet-blocked',
  );
});

test('an English reader searching in Russian finds a Russian-only article, marked «in Russian»', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.goto(`/help/search?q=${encodeURIComponent('идентификация')}`);
  const hit = page.locator('.help-articles__item[data-content-lang="ru"]').first();
  await expect(hit.locator('a')).toHaveAttribute('href', '/help/identification');
  await expect(hit.locator('a')).toHaveAttribute('lang', 'ru');
  await expect(hit.locator('.only-in')).toHaveText('in Russian');
});

test('an admin sees the unanswered questions with counts and the search synonyms', async ({ page }) => {
  for (let i = 0; i < 2; i++) {
    const res = await page.request.post('/api/v1/bot/ask', { data: { text: 'как вырастить кактус на балконе', locale: 'ru' } });
    expect(res.ok()).toBe(true);
  }
  await page.goto('/console/kb/unanswered');
  await expect(page).toHaveURL(/\/console\/login/);
  await page.getByLabel('Рабочая электронная почта').fill('admin@paydesk.local');
  await page.getByLabel('Пароль', { exact: true }).fill('demo-admin');
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(/\/console\/kb\/unanswered$/);
  await expect(page.getByRole('heading', { name: 'Вопросы без ответа' })).toBeVisible();
  const row = page.getByRole('row', { name: /кактус/ });
  await expect(row).toContainText('2');
  await page.screenshot({ path: '/tmp/kb-search-unanswered.png' });

  await page.goto('/console/admin/synonyms');
  await expect(page.getByText('киви', { exact: false }).first()).toBeVisible();
  await page.getByLabel('Слова группы через запятую').fill('фантики, деньги');
  await page.getByRole('button', { name: 'Добавить группу' }).click();
  await expect(page.getByText('фантики, деньги')).toBeVisible();
  await page.screenshot({ path: '/tmp/kb-search-synonyms.png', fullPage: true });
});
