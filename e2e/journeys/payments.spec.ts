import { expect, test } from '@playwright/test';

// A customer at the terminal, on the phone (issue 18). Receipts print Moscow time, and the demo
// receipts are "paid today" in Moscow: the browser lives there too.
test.use({ viewport: { width: 390, height: 844 }, timezoneId: 'Europe/Moscow' });

test('a customer checks receipt 100000000002 and sees «В обработке»; a receipt not found goes on to the pre-filled form', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await page.locator('#payment-check').getByRole('link', { name: 'Проверить платёж' }).click();
  await expect(page).toHaveURL(/\/payments\/check$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Проверить платёж' })).toBeVisible();

  await page.getByLabel('Номер чека').fill('100000000002');
  await page.getByLabel('Сумма').fill('1500');
  await page.getByLabel('Телефон или счёт получателя').fill('+7 916 123-45-67');
  await page.screenshot({ path: testInfo.outputPath('payment-check-form-390.png'), fullPage: true });
  await page.getByRole('button', { name: 'Проверить', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'В обработке' })).toBeVisible();
  await expect(page.getByText('+7916*****67')).toBeVisible();
  await expect(page.getByText(/Обычно это занимает до 24 часов/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('payment-check-processing-390.png'), fullPage: true });

  // Another receipt, not found: on to the form with what was entered.
  await page.getByRole('button', { name: 'Проверить другой платёж' }).click();
  await page.getByLabel('Номер чека').fill('100000000999');
  await page.getByLabel('Время платежа').fill('10:15');
  await page.getByLabel('Сумма').fill('700');
  await page.getByLabel('Телефон или счёт получателя').fill('+7 916 123-45-67');
  await page.getByRole('button', { name: 'Проверить', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Платёж не найден' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('payment-check-not-found-390.png'), fullPage: true });
  await page.getByRole('button', { name: 'Написать в поддержку' }).click();

  await expect(page).toHaveURL(/\/contact\/terminals\/terminal-payment-not-arrived\/terminal-payment-with-receipt\?step=form$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Платёж через терминал не дошёл — чек сохранился' })).toBeVisible();
  await expect(page.getByLabel('Номер чека')).toHaveValue('100000000999');
  await expect(page.getByLabel('Дата и время платежа')).toHaveValue(/T10:15$/);
  await expect(page.getByLabel('Сумма')).toHaveValue('700');
  await expect(page.getByLabel('Номер телефона или счёта получателя')).toHaveValue('+7 916 123-45-67');
  await expect(page.getByLabel('Опишите проблему')).toHaveValue(/Платёж не найден/);
  await page.screenshot({ path: testInfo.outputPath('payment-check-form-prefilled-390.png'), fullPage: true });
});

test('inside the wizard, a payment found done answers without a request', async ({ page }) => {
  await page.goto('/contact/terminals/terminal-payment-not-arrived/terminal-payment-with-receipt');
  await expect(page.getByRole('heading', { level: 1, name: 'Сначала проверьте платёж' })).toBeVisible();
  await page.getByLabel('Номер чека').fill('100000000001');
  await page.getByLabel('Сумма').fill('500');
  await page.getByLabel('Телефон или счёт получателя').fill('89161234567');
  await page.getByRole('button', { name: 'Проверить', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Выполнен' })).toBeVisible();
  await page.getByRole('button', { name: 'Спасибо, всё понятно' }).click();
  await expect(page).toHaveURL(/step=thanks$/);
  await expect(page.getByRole('heading', { name: 'Рады, что ответ нашёлся!' })).toBeVisible();
});
